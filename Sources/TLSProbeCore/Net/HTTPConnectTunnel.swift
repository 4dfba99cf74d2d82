import FoundationEssentials

/// What a proxy answered to CONNECT.
enum ConnectReply {
    /// 2xx: the socket now carries the tunnel.
    case established(statusLine: String)
    case refused(status: Int, statusLine: String)
    case notHTTP(firstBytes: String)
    case closed
    case reset
    case timedOut
    case tooLarge
    case failed(String)
}

/// The client side of an HTTP/1.1 CONNECT tunnel (RFC 9110 §9.3.6) over an open socket.
enum HTTPConnectTunnel {
    /// A proxy's reply head larger than this is not a CONNECT reply.
    static let headLimit = 16 * 1024

    static func request(authority: String, credentials: String?, userAgent: String) -> String {
        var lines = ["CONNECT \(authority) HTTP/1.1", "Host: \(authority)", "User-Agent: \(userAgent)"]
        if let credentials { lines.append("Proxy-Authorization: Basic \(Data(credentials.utf8).base64EncodedString())") }
        return lines.joined(separator: "\r\n") + "\r\n\r\n"
    }

    /// Sends CONNECT and reads the reply head, bounded by `deadline` and `headLimit`. Reads stop at
    /// the end of the head: the TLS server says nothing before our ClientHello, so any byte after it
    /// means the proxy is not a plain CONNECT proxy.
    static func open(over socket: TCPSocket, authority: String, credentials: String?, userAgent: String, deadline: Deadline) -> ConnectReply {
        switch socket.sendAll(Array(request(authority: authority, credentials: credentials, userAgent: userAgent).utf8), deadline: deadline) {
        case .success: break
        case .failure(.timedOut): return .timedOut
        case .failure(.reset): return .reset
        case .failure(.closed): return .closed
        case .failure(.failed(let code)): return .failed(systemErrorText(code))
        }
        var head: [UInt8] = []
        while true {
            if let end = endOfHead(head) {
                guard end == head.count else { return .failed("the proxy sent data before the tunnel was used") }
                return classify(head)
            }
            if head.count >= headLimit { return .tooLarge }
            if head.count >= 5 && !head.starts(with: Array("HTTP/".utf8)) { return .notHTTP(firstBytes: SafeText.escape(String(decoding: head.prefix(16), as: UTF8.self))) }
            switch socket.receive(limit: headLimit - head.count, deadline: deadline) {
            case .data(let bytes): head += bytes
            case .closed: return head.isEmpty ? .closed : classifyPartial(head)
            case .reset: return .reset
            case .timedOut: return .timedOut
            case .failed(let code): return .failed(systemErrorText(code))
            }
        }
    }

    private static func endOfHead(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= 4 else { return nil }
        for index in 3..<bytes.count where bytes[index - 3] == 13 && bytes[index - 2] == 10 && bytes[index - 1] == 13 && bytes[index] == 10 {
            return index + 1
        }
        return nil
    }

    private static func classify(_ head: [UInt8]) -> ConnectReply {
        let statusLine = String(decoding: head.prefix { $0 != 13 && $0 != 10 }, as: UTF8.self)
        let parts = statusLine.split(separator: " ", maxSplits: 2)
        guard parts.count >= 2, parts[0].hasPrefix("HTTP/1."), let status = Int(parts[1]), (100...599).contains(status) else {
            return .notHTTP(firstBytes: SafeText.escape(String(statusLine.prefix(40))))
        }
        let shown = SafeText.escape(statusLine)
        return (200...299).contains(status) ? .established(statusLine: shown) : .refused(status: status, statusLine: shown)
    }

    /// The proxy closed before finishing its head: still report its status when there was one.
    private static func classifyPartial(_ head: [UInt8]) -> ConnectReply {
        if case .refused(let status, let line) = classify(head) { return .refused(status: status, statusLine: line) }
        return .closed
    }
}
