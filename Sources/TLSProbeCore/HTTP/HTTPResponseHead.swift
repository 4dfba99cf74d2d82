/// The status line and headers of an HTTP/1.x response. Pure parsing of untrusted bytes: fuzzed.
public struct HTTPResponseHead: Equatable, Sendable {
    public var statusLine: String
    public var status: Int
    /// Lower-cased names with escaped values, in the order received.
    public var headers: [(name: String, value: String)]

    public func value(_ name: String) -> String? {
        headers.first { $0.name == name }?.value
    }

    public static func == (lhs: HTTPResponseHead, rhs: HTTPResponseHead) -> Bool {
        lhs.statusLine == rhs.statusLine && lhs.status == rhs.status
            && lhs.headers.map(\.name) == rhs.headers.map(\.name) && lhs.headers.map(\.value) == rhs.headers.map(\.value)
    }
}

public enum HTTPHeadParse: Equatable, Sendable {
    case complete(HTTPResponseHead, headBytes: Int)
    /// More bytes are needed.
    case incomplete
    /// The bytes are not an HTTP/1.x response.
    case notHTTP(preview: String)
}

public enum HTTPResponseParser {
    /// Caps what tlsprobe reads of a response head (the body is never read): where curl gives up
    /// (curl 7.88: "Too large response headers: 307665 > 307200"; Chrome stops at 256 KB), so a
    /// head that has not ended here is one no common client gets past either.
    public static let maxHeadBytes = 300 * 1024
    /// A head that ends but is larger than this is flagged (`http.headers_too_large`): Python's
    /// http.client refuses a 64 KB line, embedded clients read headers into far smaller buffers.
    public static let largeHeadBytes = 64 * 1024
    static let maxHeaders = 200

    public static func parse(_ bytes: [UInt8]) -> HTTPHeadParse {
        let prefix = Array("HTTP/".utf8)
        let checked = min(bytes.count, prefix.count)
        guard Array(bytes.prefix(checked)) == Array(prefix.prefix(checked)) else {
            return .notHTTP(preview: SafeText.escape(bytes: bytes.prefix(64)))
        }
        guard let headEnd = endOfHead(bytes) else { return .incomplete }
        let lines = splitLines(Array(bytes[0..<headEnd]))
        guard let statusLineBytes = lines.first else { return .notHTTP(preview: "") }
        let statusLine = SafeText.escape(bytes: statusLineBytes.prefix(512))
        let parts = statusLine.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true)
        guard parts.count >= 2, parts[0].hasPrefix("HTTP/1."), parts[1].count == 3, let status = Int(parts[1]), status >= 100 else {
            return .notHTTP(preview: String(statusLine.prefix(64)))
        }
        var headers: [(String, String)] = []
        for line in lines.dropFirst().prefix(maxHeaders) {
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { continue }
            let name = SafeText.escape(bytes: line[..<colon].prefix(256)).lowercased()
            let rawValue = line[(colon + 1)...].drop { $0 == 0x20 || $0 == 0x09 }
            headers.append((name, SafeText.escape(bytes: rawValue.prefix(2048)).trimmingSpaces))
        }
        return .complete(HTTPResponseHead(statusLine: statusLine, status: status, headers: headers), headBytes: headEnd)
    }

    /// Index just past the blank line ending the head ("\r\n\r\n", or a bare "\n\n").
    private static func endOfHead(_ bytes: [UInt8]) -> Int? {
        var index = 0
        while index + 1 < bytes.count {
            if bytes[index] == 0x0A {
                if bytes[index + 1] == 0x0A { return index + 2 }
                if bytes[index + 1] == 0x0D, index + 2 < bytes.count, bytes[index + 2] == 0x0A { return index + 3 }
            }
            index += 1
        }
        return nil
    }

    private static func splitLines(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        bytes.split(separator: 0x0A, omittingEmptySubsequences: true).map { line in
            line.last == 0x0D ? line.dropLast() : line
        }.filter { !$0.isEmpty }
    }
}
