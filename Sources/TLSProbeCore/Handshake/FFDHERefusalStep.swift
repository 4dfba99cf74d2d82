/// Follow-up step: our hello listed ffdhe groups and offered DHE suites, and the server refused it
/// — before its ServerHello (GnuTLS), or after choosing a DHE suite, where its ServerKeyExchange
/// belongs (Botan). Asked again without the ffdhe groups (a raw hello, its flight read to the key
/// exchange), does it do DHE? Then the server follows RFC 7919 §4 with no ffdhe group of its own
/// (`key.ffdhe_refused`): the suites are not the problem, though a widest TLS 1.2 handshake
/// (which lists no ffdhe group in OpenSSL 3) would make them look like it.
struct FFDHERefusalStep: FollowUpStep {
    let facts: [String: String]

    func explain(_ failure: StageFailure, in context: ProbeContext) -> Diagnosis? {
        guard context.proxy == nil, context.appProtocol.upgrade != .startTLS, let address = context.connectedAddress, context.deadline.remainingSeconds > 0.3,
              let (hello, _) = context.connection?.recorder.firstHandshake(HandshakeType.clientHello, sent: true),
              let ours = ClientHelloSpec(parsing: hello.bytes) else { return nil }
        let deadline = Deadline.after(seconds: min(3, context.deadline.remainingSeconds)).earlier(context.deadline)
        guard let (result, refusal) = FFDHEGroups.ask(failedHello: hello.bytes, address: address, deadline: deadline) else { return nil }
        context.report.followUps.append(FollowUpProbe(purpose: "does the server refuse DHE because we list ffdhe groups (RFC 7919)", offer: "our ClientHello without its ffdhe groups (raw)",
                                                      result: result.outcome.label, accepted: result.outcome.answeredHello != nil))
        guard let refusal else { return nil }
        var facts = self.facts
        facts["cipher"] = refusal.cipherName
        facts["offered_groups"] = FFDHEGroups.listed(in: ours).map(WireGroup.name).joined(separator: ", ")
        let ending = facts["alert"].map { "alert \($0) (\(facts["code"] ?? "?"))" } ?? "a close with no alert"
        let choseDHE = Self.choseDHEWithoutKeyExchange(context.connection?.recorder)
        facts["rejection"] = choseDHE ? "a ServerHello choosing a DHE suite, then \(ending) where its ServerKeyExchange belongs" : ending
        facts["answer"] = "\(refusal.versionName), \(refusal.cipherName)"
        return context.diagnosis(DiagnosisID.keyFFDHERefused, facts, stage: choseDHE ? .keyExchange : .serverHello)
    }

    /// The server chose a DHE suite and sent no ServerKeyExchange (it stopped where it belongs).
    static func choseDHEWithoutKeyExchange(_ recorder: HandshakeRecorder?) -> Bool {
        guard let recorder, let hello = recorder.messages.last(where: { $0.contentType == 22 && $0.kind == HandshakeType.serverHello && !$0.sent }),
              let facts = HelloParser.serverHello(hello.bytes), !facts.isHelloRetryRequest else { return false }
        return FFDHEGroups.isDHESuite(facts.cipherSuite) && !recorder.hasReceived(HandshakeType.serverKeyExchange)
    }
}
