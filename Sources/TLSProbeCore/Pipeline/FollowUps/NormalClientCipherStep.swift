/// The permissive offer got a broken cipher. Would a normal client get the same? Ask the server
/// with a normal client's offer, so our wide offer does not hide what users get. Run by
/// server_hello (the stage waits for it) rather than after a failure. A server that serves one
/// connection at a time cannot answer while ours is open: then it is asked again once ours is
/// closed, and the finding revised.
enum NormalClientCipherStep {
    static func judge(_ session: NegotiatedSession, connection: TLSConnection, context: ProbeContext) -> [Diagnosis] {
        guard let cipher = session.cipher, let reason = connection.weakness(ofCipherNamed: cipher) else { return [] }
        let facts = ["cipher": cipher, "reason": reason]
        let normal = FollowUpConnection.attempt(purpose: "what does a normal client get", offer: .normalClient(options: context.options), sni: context.serverName, context: context, patience: 1.5)
        if let normal, normal.silent {
            context.learned.afterConnection.append { context in
                let late = FollowUpConnection.attempt(purpose: "what does a normal client get (once our connection was closed)", offer: .normalClient(options: context.options),
                                                      sni: context.serverName, context: context)
                guard let found = differs(late, facts: facts, connection: connection, context: context) else { return }
                context.revise(DiagnosisID.cipherWeak, at: .serverHello, with: found)
            }
        }
        return differs(normal, facts: facts, connection: connection, context: context) ?? [context.diagnosis(DiagnosisID.cipherWeak, facts)]
    }

    /// A normal client gets a sound suite: the weak one is a warning, and the difference is said.
    private static func differs(_ normal: FollowUpConnection.Result?, facts: [String: String], connection: TLSConnection, context: ProbeContext) -> [Diagnosis]? {
        guard let normal, normal.accepted, let normalCipher = normal.cipher, connection.weakness(ofCipherNamed: normalCipher) == nil else { return nil }
        var facts = facts
        facts["normal_cipher"] = normalCipher
        return [
            Diagnosis(id: DiagnosisID.cipherWeak, facts: context.facts(facts), severityOverride: .warning),
            context.diagnosis(DiagnosisID.cipherNormalClientDiffers, facts),
        ]
    }
}
