/// Which of the server's handshake messages OpenSSL refused as "excessive message size", from
/// what crossed the wire: the plaintext header the message callback never saw complete or, once
/// records are encrypted (TLS 1.3), the message that follows the last one received.
struct OversizedMessage {
    /// Handshake type, when known.
    let type: UInt8?
    /// The length its header claims (known only for plaintext headers).
    let claimedLength: Int?
    /// The server's last complete handshake message before it ("EncryptedExtensions"), if any.
    let after: String?

    /// OpenSSL 3's per-message limits on the client side (statem_clnt.c), for the types it names.
    static func limit(of type: UInt8) -> Int? {
        switch type {
        case HandshakeType.serverHello, HandshakeType.encryptedExtensions: 20_000
        case HandshakeType.certificate: TLSClientContext.maxCertificateListBytes
        case HandshakeType.serverKeyExchange: 102_400
        case HandshakeType.serverHelloDone: 0
        case HandshakeType.finished: 64
        case HandshakeType.keyUpdate: 1
        default: nil
        }
    }

    static func locate(in recorder: HandshakeRecorder) -> OversizedMessage {
        let received = recorder.messages.filter { $0.contentType == 22 && !$0.sent }
        let receivedCount = received.reduce(0) { $0 + $1.count }
        let headers = recorder.plaintextHandshakeHeaders
        let after = received.last.map { HandshakeType.name($0.kind) }
        if headers.count > receivedCount {
            let header = headers[receivedCount]
            return OversizedMessage(type: header.type, claimedLength: header.claimedLength, after: after)
        }
        // Encrypted (TLS 1.3): after EncryptedExtensions or a CertificateRequest comes the Certificate.
        if let last = received.last?.kind, last == HandshakeType.encryptedExtensions || last == HandshakeType.certificateRequest {
            return OversizedMessage(type: HandshakeType.certificate, claimedLength: nil, after: after)
        }
        return OversizedMessage(type: nil, claimedLength: nil, after: after)
    }
}
