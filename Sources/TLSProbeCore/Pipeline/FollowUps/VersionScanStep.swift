/// Which versions does the server speak? One handshake per version with every suite; the
/// answer names the cause: only old versions, no common version, or (a version we offered works
/// with other suites) the suites or groups.
struct VersionScanStep: FollowUpStep {
    /// The facts of the failure (alert, code, after) the finding keeps.
    let facts: [String: String]

    func explain(_ failure: StageFailure, in context: ProbeContext) -> Diagnosis? {
        var accepted: [(TLSVersion, FollowUpConnection.Result)] = []
        for version in TLSVersion.allCases.reversed() {
            guard let result = FollowUpConnection.attempt(purpose: "which versions does the server speak", offer: .widest(version: version), sni: context.serverName, context: context) else { continue }
            if result.accepted { accepted.append((version, result)) }
        }
        guard !accepted.isEmpty else { return nil }
        let offer = context.engine.context.offer
        let speaks = accepted.map(\.0).sorted().map(\.label).joined(separator: ", ")
        var facts = self.facts
        facts["server_versions"] = speaks
        facts["offered"] = context.offeredVersionsLabel
        let inRange = accepted.filter { $0.0 >= offer.minVersion && $0.0 <= offer.maxVersion }
        if inRange.isEmpty {
            let best = accepted.map(\.0).max()!
            if best < .tls12 && offer.maxVersion >= .tls12 {
                facts["version"] = best.label
                return context.diagnosis(best == .tls10 ? DiagnosisID.protoTLS10Only : DiagnosisID.protoTLS11Only, facts, stage: .serverHello)
            }
            return context.diagnosis(DiagnosisID.protoNoCommonVersion, facts, stage: .serverHello)
        }
        // A version we offered works with a suite our refused hello offered too: the suites are
        // not the problem (a group or signature scheme is: RawOfferSurveyStep asks on the wire).
        let ourSuites = context.connection?.recorder.firstHandshake(HandshakeType.clientHello, sent: true).flatMap { ClientHelloSpec(parsing: $0.message.bytes) }?.cipherSuites ?? []
        if inRange.contains(where: { result in result.1.suite.map(ourSuites.contains) ?? false }) { return nil }
        // A version we offered works with other suites: the suites (or groups) are the problem.
        facts["server_ciphers"] = inRange.compactMap(\.1.cipher).joined(separator: ", ")
        facts["cipher"] = inRange.first?.1.cipher ?? "?"
        facts["offered"] = offer.suitesLabel
        if let cipher = inRange.first?.1.cipher, let connection = context.connection, let reason = connection.weakness(ofCipherNamed: cipher) {
            // It accepts only what no modern client offers (NULL, anonymous, EXPORT, RC4): what
            // matters is that no client finds a suite in common, and the fix is what to enable.
            facts["reason"] = reason
            facts["server_ciphers"] = inRange.compactMap(\.1.cipher).map { "\($0) (\(connection.weakness(ofCipherNamed: $0) ?? reason))" }.joined(separator: ", ")
            return context.diagnosis(DiagnosisID.cipherNoShared, facts, stage: .serverHello)
        }
        if context.options.groups != nil {
            facts["offered_groups"] = context.options.groups
            facts["server_groups"] = "a group OpenSSL offers by default (the follow-up without --groups was accepted)"
            return context.diagnosis(DiagnosisID.keyNoSharedGroup, facts, stage: .serverHello)
        }
        return context.diagnosis(DiagnosisID.cipherNoShared, facts, stage: .serverHello)
    }
}
