/// The permissive offer got a broken cipher. Would a normal client get the same? Ask the server
/// with a normal client's offer, so our wide offer does not hide what users get. Run by
/// server_hello (the stage waits for it) rather than after a failure.
enum NormalClientCipherStep {
    static func judge(_ session: NegotiatedSession, connection: TLSConnection, context: ProbeContext) -> [Diagnosis] {
        guard let cipher = session.cipher, let reason = connection.weakness(ofCipherNamed: cipher) else { return [] }
        var facts = ["cipher": cipher, "reason": reason]
        let normal = FollowUpConnection.attempt(purpose: "what does a normal client get", offer: .normalClient(options: context.options), sni: context.serverName, context: context)
        if let normal, normal.accepted, let normalCipher = normal.cipher, connection.weakness(ofCipherNamed: normalCipher) == nil {
            facts["normal_cipher"] = normalCipher
            return [
                Diagnosis(id: DiagnosisID.cipherWeak, facts: context.facts(facts), severityOverride: .warning),
                context.diagnosis(DiagnosisID.cipherNormalClientDiffers, facts),
            ]
        }
        return [context.diagnosis(DiagnosisID.cipherWeak, facts)]
    }
}
