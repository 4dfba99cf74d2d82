/// A TLS 1.2 key exchange signed with SHA-1 says what the server did with our offer, which lists
/// SHA-1 (tlsprobe runs OpenSSL at security level 0 to see weak servers); OpenSSL 3 at its
/// default level, browsers and Go list none. One raw hello — ours as sent, without the SHA-1 and
/// MD5 schemes, read to the server's key exchange — tells the two cases apart: a
/// ServerKeyExchange (or RSA key transport) means clients without SHA-1 get on, and
/// sig.handshake_sha1 stands; a refusal (an alert or a close, before or where the
/// ServerKeyExchange belongs) means the server can sign with nothing else: sig.no_shared, the
/// failure those clients see.
enum SHA1SignatureCheck {
    /// The MD5 and SHA-1 schemes (TLS 1.2 hash/signature pairs: rsa, dsa, ecdsa).
    static let legacySchemes: Set<UInt16> = [0x0101, 0x0102, 0x0103, 0x0201, 0x0202, 0x0203]

    /// `sha1` (the sig.handshake_sha1 diagnosis), or sig.no_shared when the server refuses a
    /// hello without SHA-1. A server that cannot answer while our connection is open is asked
    /// again once it is closed.
    static func judge(_ sha1: Diagnosis, signature: String, context: ProbeContext) -> Diagnosis {
        guard context.proxy == nil, context.appProtocol.upgrade != .startTLS, let address = context.connectedAddress, context.deadline.remainingSeconds > 0.3,
              let sent = context.connection?.recorder.firstHandshake(HandshakeType.clientHello, sent: true),
              let ours = ClientHelloSpec(parsing: sent.message.bytes) else { return sha1 }
        let modern = ours.offeredSignatureSchemes.filter { !legacySchemes.contains($0) }
        guard !modern.isEmpty, modern.count < ours.offeredSignatureSchemes.count else { return sha1 }
        let offer = ours.replacing(.signatureAlgorithms(modern))
        let label = "our hello without SHA-1 and MD5 signature schemes (\(modern.count) left, raw)"
        let result = ask(offer, address: address, context: context, patience: 1.5, purpose: "can the server sign without SHA-1", label: label)
        if case .timedOut = result.outcome, result.bytesReceived == 0 {
            context.learned.afterConnection.append { context in
                let late = ask(offer, address: address, context: context, patience: 3, purpose: "can the server sign without SHA-1 (once our connection was closed)", label: label)
                guard let refused = noShared(late, signature: signature, schemes: modern.count, context: context) else { return }
                context.revise(DiagnosisID.sigHandshakeSHA1, at: .keyExchange, with: [refused])
            }
        }
        return noShared(result, signature: signature, schemes: modern.count, context: context) ?? sha1
    }

    private static func ask(_ offer: ClientHelloSpec, address: SocketAddress, context: ProbeContext, patience: Double, purpose: String, label: String) -> RawHelloResult {
        let result = RawHello.offer(offer, to: address, deadline: Deadline.after(seconds: patience).earlier(context.deadline), readFlight: true)
        let flight = result.flight.map { " \($0.label)" } ?? ""
        context.report.followUps.append(FollowUpProbe(purpose: purpose, offer: label, result: result.outcome.label + flight, accepted: !refused(result)))
        return result
    }

    /// An alert or a close instead of a ServerHello, or where its ServerKeyExchange belongs.
    private static func refused(_ result: RawHelloResult) -> Bool {
        switch result.outcome {
        case .alert, .closed, .reset: return true
        case .serverHello:
            switch result.flight {
            case .alert?, .closed?, .reset?: return true
            default: return false
            }
        default: return false
        }
    }

    private static func noShared(_ result: RawHelloResult, signature: String, schemes: Int, context: ProbeContext) -> Diagnosis? {
        guard refused(result) else { return nil }
        let flight = result.flight.map { " \($0.label)" } ?? ""
        return context.diagnosis(DiagnosisID.sigNoShared, [
            "server_sigalgs": "\(signature) (SHA-1, which OpenSSL 3 at its default security level, browsers and Go do not offer)",
            "offered": "our \(schemes) schemes without SHA-1 and MD5",
        ], stage: .keyExchange)
    }
}
