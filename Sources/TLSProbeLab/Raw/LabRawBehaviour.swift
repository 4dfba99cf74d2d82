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
    /// An SSL 2.0 server's first answer: read the SSL 2.0 CLIENT-HELLO, send a SERVER-HELLO with
    /// this certificate (DER) and those of `cipherKinds` the client listed, then close. A client
    /// that sends anything but an SSL 2.0 record (a TLS ClientHello) is closed on.
    case sslv2ServerHello(certificate: [UInt8], cipherKinds: [UInt32])
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

/// SSL 2.0's record layer and messages, for `.sslv2ServerHello` (SSL 2.0 draft, 1995).
enum LabSSLv2 {
    /// The cipher kinds a CLIENT-HELLO record body lists (SSL 2.0 kinds only: TLS suites in an
    /// SSLv2-compatible hello start with a zero byte).
    static func clientCipherKinds(_ body: [UInt8]) -> [UInt32]? {
        guard body.count >= 9, body[0] == 1 else { return nil }
        let length = Int(body[3]) << 8 | Int(body[4])
        guard length % 3 == 0, body.count >= 9 + length else { return nil }
        return stride(from: 9, to: 9 + length, by: 3).compactMap { index -> UInt32? in
            guard body[index] != 0 else { return nil }
            return UInt32(body[index]) << 16 | UInt32(body[index + 1]) << 8 | UInt32(body[index + 2])
        }
    }

    /// A SERVER-HELLO record (two-byte header): no session-id hit, an X.509 certificate, version 2.
    static func serverHello(certificate: [UInt8], cipherKinds: [UInt32]) -> [UInt8] {
        let specs = cipherKinds.flatMap { [UInt8($0 >> 16), UInt8($0 >> 8 & 0xFF), UInt8($0 & 0xFF)] }
        let connectionID = [UInt8](repeating: 0x5A, count: 16)
        var body: [UInt8] = [4, 0, 1, 0x00, 0x02]
        for length in [certificate.count, specs.count, connectionID.count] { body += [UInt8(length >> 8), UInt8(length & 0xFF)] }
        body += certificate + specs + connectionID
        return [0x80 | UInt8(body.count >> 8), UInt8(body.count & 0xFF)] + body
    }
}
