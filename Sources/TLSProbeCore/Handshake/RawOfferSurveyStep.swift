/// Follow-up step after OpenSSL's own follow-ups found nothing the server accepts: raw hellos
/// (Wire/ParameterSurvey) ask about every IANA suite, group and signature scheme, so a server
/// restricted to what OpenSSL cannot speak (Camellia-GCM, ARIA, CCM_8, PSK, GOST …) is named:
/// cipher.no_shared with the suites it takes and why modern clients refuse them,
/// key.no_shared_group, sig.no_shared.
struct RawOfferSurveyStep: FollowUpStep {
    let facts: [String: String]

    func explain(_ failure: StageFailure, in context: ProbeContext) -> Diagnosis? {
        guard context.proxy == nil, context.appProtocol.upgrade != .startTLS, let address = context.connectedAddress, context.deadline.remainingSeconds > 0.3,
              let (hello, _) = context.connection?.recorder.firstHandshake(HandshakeType.clientHello, sent: true) else { return nil }
        let deadline = Deadline.after(seconds: min(4, context.deadline.remainingSeconds)).earlier(context.deadline)
        let survey = ParameterSurvey.survey(failedHello: hello.bytes, address: address, deadline: deadline)
        for attempt in survey.attempts {
            context.report.followUps.append(FollowUpProbe(purpose: "what does the server accept (raw ClientHello)", offer: attempt.label,
                                                          result: attempt.result.outcome.label, accepted: attempt.result.outcome.answeredHello != nil))
        }
        var facts = self.facts
        let ours = ClientHelloSpec(parsing: hello.bytes)
        switch survey.finding {
        case .suites(let codes)?:
            facts["server_ciphers"] = Self.suitesWithReasons(codes)
            facts["cipher"] = CipherSuiteTable.name(codes[0])
            facts["offered"] = context.engine.context.offer.suitesLabel
            return context.diagnosis(DiagnosisID.cipherNoShared, facts, stage: .serverHello)
        case .groups(let groups)?:
            facts["offered_groups"] = (ours?.offeredGroups ?? []).map(WireGroup.name).joined(separator: ", ")
            facts["server_groups"] = groups.map(WireGroup.name).joined(separator: ", ")
            return context.diagnosis(DiagnosisID.keyNoSharedGroup, facts, stage: .serverHello)
        case .signatureSchemes(let schemes)?:
            facts["server_sigalgs"] = schemes.map(WireSignatureScheme.name).joined(separator: ", ")
            facts["offered"] = "our \(ours?.offeredSignatureSchemes.count ?? 0) schemes"
            return context.diagnosis(DiagnosisID.sigNoShared, facts, stage: .serverHello)
        case nil:
            return nil
        }
    }

    /// "A, B (why modern clients refuse them); C (why)": suites grouped by their reason, in the server's order.
    static func suitesWithReasons(_ codes: [UInt16]) -> String {
        var groups: [(reason: String?, names: [String])] = []
        for code in codes {
            let reason = CipherSuiteTable.info(code)?.modernClientRefusal
            if let index = groups.firstIndex(where: { $0.reason == reason }) { groups[index].names.append(CipherSuiteTable.name(code)) }
            else { groups.append((reason, [CipherSuiteTable.name(code)])) }
        }
        return groups.map { group in group.names.joined(separator: ", ") + (group.reason.map { " (\($0))" } ?? "") }.joined(separator: "; ")
    }
}
