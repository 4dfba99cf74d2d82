import FoundationEssentials

/// What a `LabTLSServer` does after a successful handshake. Every behaviour except
/// `.closeWithoutResponse` first reads the request head (up to the blank line, at most 16 KB).
public enum LabHTTPBehaviour: Sendable {
    /// A normal response; Content-Length and Connection: close are added.
    case respond(status: Int, headers: [(String, String)], body: String)
    /// Keep the connection open and never answer (until the client leaves, stop() or the hold limit).
    case neverRespond
    /// Read the request, then close the TLS connection (close_notify) without a byte of HTTP.
    case closeWithoutResponse
    /// Answer with bytes that are not HTTP at all.
    case nonHTTP([UInt8])
    /// Answer one byte at a time.
    case trickle([UInt8], interval: TimeInterval)
    /// A status line, then header lines forever (until the client gives up or 64 MiB).
    case endlessHeaders
    /// A 200 whose head carries about this many bytes of header lines, then ends.
    case largeHeaders(bytes: Int)
    /// 200 with a body of this many bytes.
    case hugeBody(bytes: Int)
    /// A status line and headers without the terminating blank line, then silence.
    case headerWithoutEnd
    /// "HTTP/1.1 102 Processing" heads, `interval` apart, and never a final response (until the
    /// client leaves, stop() or the hold limit).
    case interimForever(interval: TimeInterval)
    /// Exactly this text, e.g. headers carrying ANSI escape sequences.
    case rawReply(String)

    /// 200 with HSTS for a year: what a healthy HTTPS site sends.
    public static let healthy = LabHTTPBehaviour.respond(
        status: 200, headers: [("Strict-Transport-Security", "max-age=31536000")], body: "tlsprobe lab: ok\n")
}
