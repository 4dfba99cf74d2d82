/// A numbered reply as SMTP (RFC 5321 §4.2) and FTP (RFC 959 §4.2) send them: "250-first",
/// "250-more", "250 last" — a three-digit code, then "-" on every line but the last.
struct CodedReply: Equatable {
    let code: Int
    /// The text of each line, without the code.
    let lines: [String]

    var text: String { lines.joined(separator: " / ") }
    /// "454 4.7.0 TLS not available": the last line as the server sent it.
    var summary: String { "\(code) \(lines.last ?? "")" }

    enum Parse: Equatable {
        case incomplete
        case reply(CodedReply)
        /// The bytes are not a numbered reply at all.
        case notCoded
    }

    /// Takes one complete reply off the front of `buffer`. FTP allows continuation lines without
    /// a code inside a multi-line reply (RFC 959): they are kept as text.
    static func take(_ buffer: inout [UInt8], allowBareContinuation: Bool = false) -> Parse {
        var index = 0
        var lines: [String] = []
        var code: Int?
        while let newline = buffer[index...].firstIndex(of: 0x0A) {
            var end = newline
            if end > index && buffer[end - 1] == 0x0D { end -= 1 }
            let line = Array(buffer[index..<end])
            index = newline + 1
            guard let parsed = parseLine(line) else {
                if code != nil && allowBareContinuation {
                    lines.append(SafeText.escape(bytes: line).trimmingSpaces)
                    continue
                }
                return .notCoded
            }
            if let code, parsed.code != code {
                if allowBareContinuation { lines.append(SafeText.escape(bytes: line)); continue }
                return .notCoded
            }
            code = parsed.code
            lines.append(parsed.text)
            if parsed.last {
                buffer.removeSubrange(0..<index)
                return .reply(CodedReply(code: parsed.code, lines: lines))
            }
        }
        // A first line that cannot begin a reply is judged now, not after the cap.
        if code == nil, !buffer.isEmpty, !couldBeginReply(buffer) { return .notCoded }
        return .incomplete
    }

    private static func parseLine(_ line: [UInt8]) -> (code: Int, last: Bool, text: String)? {
        guard line.count >= 3, line[0...2].allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        let code = Int(String(decoding: line[0...2], as: UTF8.self))!
        guard line.count > 3 else { return (code, true, "") }
        let separator = line[3]
        guard separator == UInt8(ascii: " ") || separator == UInt8(ascii: "-") else { return nil }
        return (code, separator == UInt8(ascii: " "), SafeText.escape(bytes: line[4...]))
    }

    private static func couldBeginReply(_ bytes: [UInt8]) -> Bool {
        for (offset, byte) in bytes.prefix(4).enumerated() {
            if offset < 3 && !(0x30...0x39).contains(byte) { return false }
            if offset == 3 && byte != UInt8(ascii: " ") && byte != UInt8(ascii: "-") && byte != 0x0D && byte != 0x0A { return false }
        }
        return true
    }
}
