import FoundationEssentials

/// What a plain-TCP lab server does with each connection: every way a "TLS port" can fail to
/// speak TLS.
public enum LabRawBehaviour: Sendable {
    /// Accept, then say nothing until the client gives up (or stop / the hold limit).
    case stallAfterAccept
    /// Accept, then close cleanly (FIN) before the client's hello is read.
    case closeAfterAccept
    /// Accept, then reset (RST).
    case resetAfterAccept
    /// Read the whole first TLS record, then close (FIN).
    case closeAfterClientHello
    /// Read the whole first TLS record, then reset (RST).
    case resetAfterClientHello
    /// Read the first TLS record, then say nothing.
    case stallAfterClientHello
    /// Send a text banner on accept (SMTP, FTP, SSH…), then ignore whatever arrives.
    case banner(String)
    /// Answer like an HTTP server that got TLS bytes on a plain-HTTP port: 400 Bad Request.
    case plainHTTP
    /// Read the first TLS record, send these bytes, close.
    case garbage([UInt8])
    /// Read the first TLS record, then send these bytes one at a time, `interval` apart.
    case trickle(bytes: [UInt8], interval: TimeInterval)
    /// Read the first TLS record, answer with a plaintext TLS alert record, close.
    case alertAfterClientHello(level: UInt8, description: UInt8)
    /// A plain HTTP file server of one file: read the request head, answer 200 with `body`
    /// (a CA Issuers URL serving an intermediate).
    case httpFile(body: [UInt8], contentType: String)
    /// Anything else: the handler gets the connected descriptor (closed after it returns).
    case script(@Sendable (Int32) -> Void)

    /// The 400 answer for `.plainHTTP`, shaped like nginx's.
    static let badRequestResponse: [UInt8] = {
        let body = "<html><head><title>400 Bad Request</title></head><body><h1>400 Bad Request</h1></body></html>\r\n"
        let head = "HTTP/1.1 400 Bad Request\r\nServer: nginx\r\nContent-Type: text/html\r\n"
            + "Content-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n"
        return Array((head + body).utf8)
    }()
}
