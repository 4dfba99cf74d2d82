/// What the first bytes from the peer say about what it speaks.
public enum PeerBytesKind: Equatable, Sendable {
    case tls
    /// An HTTP response, e.g. "HTTP/1.1 400 Bad Request".
    case plainHTTP(statusLine: String)
    /// A server-speaks-first protocol greeting.
    case banner(protocolName: String, line: String)
    case garbage(hex: String, preview: String)
    case nothing
}

/// Recognises peers that do not speak TLS from what they sent back to our ClientHello
/// (or sent before it). Pure function of the bytes: fuzzed.
public enum PeerBytesClassifier {
    public static func classify(_ bytes: [UInt8]) -> PeerBytesKind {
        guard let first = bytes.first else { return .nothing }
        if looksLikeTLSRecord(bytes) { return .tls }
        let line = firstLine(bytes)
        if bytes.starts(with: Array("HTTP/".utf8)) {
            return .plainHTTP(statusLine: line)
        }
        if let name = bannerProtocol(bytes, line: line) {
            return .banner(protocolName: name, line: line)
        }
        // An SSLv2-style record from a very old server is still TLS-family.
        if first & 0x80 != 0, bytes.count >= 3, bytes[2] == 4 { return .tls }
        let head = Array(bytes.prefix(16))
        return .garbage(hex: SafeText.hex(head), preview: SafeText.escape(bytes: head))
    }

    /// A TLS record header: content type 20–24, major version 3, minor 0–4.
    static func looksLikeTLSRecord(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 1, (20...24).contains(bytes[0]) else { return false }
        if bytes.count >= 2 && bytes[1] != 3 { return false }
        if bytes.count >= 3 && bytes[2] > 4 { return false }
        return true
    }

    private static func bannerProtocol(_ bytes: [UInt8], line: String) -> String? {
        let text = String(decoding: bytes.prefix(64), as: UTF8.self)
        if text.hasPrefix("SSH-") { return "SSH" }
        if text.hasPrefix("+OK") { return "POP3" }
        if text.hasPrefix("* OK") || text.hasPrefix("* PREAUTH") { return "IMAP" }
        if text.hasPrefix("220") || text.hasPrefix("421") || text.hasPrefix("554") {
            let lower = text.lowercased()
            if lower.contains("ftp") { return "FTP" }
            if lower.contains("smtp") || lower.contains("mail") || lower.contains("esmtp") { return "SMTP" }
            return "SMTP or FTP"
        }
        if text.hasPrefix("RFB ") { return "VNC" }
        if bytes.count > 4, bytes[4] == 0x0A, bytes[3] == 0 { return "MySQL" }  // length(3) seq(1) protocol 10
        if text.hasPrefix("-ERR") || text.hasPrefix("+PONG") { return "Redis" }
        // Any other printable line that ends in a newline is some text protocol.
        let printable = bytes.prefix(200).allSatisfy { ($0 >= 0x20 && $0 < 0x7F) || $0 == 0x0D || $0 == 0x0A || $0 == 0x09 }
        if printable && bytes.contains(0x0A) && !line.isEmpty { return "unknown text protocol" }
        return nil
    }

    static func firstLine(_ bytes: [UInt8]) -> String {
        let line = bytes.prefix(200).prefix { $0 != 0x0A && $0 != 0x0D }
        return SafeText.escape(bytes: line)
    }
}
