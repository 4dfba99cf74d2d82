/// The diagnosis for a handshake message OpenSSL refused for its size: named after the message
/// that was too large, at its stage (a ServerHello is not a certificate problem).
extension ProbeContext {
    func oversizedMessageDiagnosis(_ message: OversizedMessage, openssl detail: String) -> Diagnosis {
        let limit = message.type.flatMap(OversizedMessage.limit(of:))
        let claimed = message.claimedLength.map(String.init)
        switch message.type {
        case HandshakeType.certificate:
            let limit = limit ?? TLSClientContext.maxCertificateListBytes
            return diagnosis(DiagnosisID.certTooLarge, ["bytes": claimed ?? "more than \(limit)", "limit": String(limit)], openssl: detail, stage: .certificate)
        case HandshakeType.serverHello:
            return diagnosis(DiagnosisID.handshakeMalformedServerHello, ["bytes": claimed ?? "too many", "limit": String(limit ?? 20_000)], openssl: detail, stage: .serverHello)
        case let type?:
            return diagnosis(DiagnosisID.handshakeMessageTooLarge,
                             ["message": HandshakeType.name(type), "bytes": claimed ?? "too many", "limit": limit.map { "\($0) bytes" } ?? "OpenSSL's limit"],
                             openssl: detail, stage: .serverHello)
        case nil:
            return diagnosis(DiagnosisID.handshakeMessageTooLarge,
                             ["message": message.after.map { "message after its \($0)" } ?? "first message", "bytes": "too many", "limit": "OpenSSL's limit"],
                             openssl: detail, stage: .serverHello)
        }
    }
}
