/// key_exchange: the group or DH size and the server's signature algorithm, with policy on them.
struct KeyExchangeStage: ProbeStage {
    static let name = StageName.keyExchange

    init?(for context: ProbeContext) {}

    func run(_ context: ProbeContext) -> StageOutcome {
        guard let session = context.handshake?.session else { return .stop }
        Self.record(context, session: session)
        return .proceed
    }

    /// Also used for a handshake that failed after the key exchange (at finished).
    static func record(_ context: ProbeContext, session: NegotiatedSession) {
        var details = KeyExchangeDetails()
        details.group = session.group
        details.dhBits = session.dhBits
        details.signatureAlgorithm = session.signatureAlgorithm
        details.forwardSecrecy = session.forwardSecrecy
        var diagnoses = PolicyJudge.keyExchange(session, context: context) + ConnectionFlags.dhPrime(context.connection, context: context)
        // SHA-1 because we offered it, or because the server has nothing else? (Handshake/)
        if let index = diagnoses.firstIndex(where: { $0.id == DiagnosisID.sigHandshakeSHA1 }), let signature = session.signatureAlgorithm {
            diagnoses[index] = SHA1SignatureCheck.judge(diagnoses[index], signature: signature, context: context)
        }
        if session.forwardSecrecy == false {
            diagnoses.append(context.diagnosis(DiagnosisID.keyNoForwardSecrecy, ["cipher": session.cipher ?? "?"]))
        }
        var parts: [String] = []
        if let group = session.group { parts.append(session.forwardSecrecy == false ? "RSA key transport: no forward secrecy" : group) }
        if let signature = session.signatureAlgorithm { parts.append(signature) }
        context.complete(StageReport(name: .keyExchange, status: .ok, summary: parts.joined(separator: ", "), details: .keyExchange(details)), diagnoses: diagnoses)
    }
}
