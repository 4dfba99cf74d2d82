/// Extra connections made only when a handshake failed, to name the cause instead of echoing
/// the alert: "this server only speaks TLS 1.0", "it needs SNI", "it accepts only NULL suites".
extension ProbeSession {
    struct FollowUpResult {
        var accepted: Bool
        var version: String?
        var cipher: String?
        var detail: String
    }

    /// Tries one handshake with `offer` and `sni` on the address the main probe used.
    func followUp(purpose: String, offer: TLSOffer, sni: String?) -> FollowUpResult? {
        guard let address = connectedAddress, deadline.remainingSeconds > 0.2,
              let context = engine.makeContext(offer: offer) else { return nil }
        let attemptDeadline = Deadline.after(seconds: 3).earlier(deadline)
        guard case .success(let socket) = TCPSocket.connect(to: address, deadline: attemptDeadline),
              let connection = try? TLSConnection(context: context, serverName: sni, verifyName: verifyName, alpn: options.alpn, start: Deadline.now)
        else { return nil }
        defer { socket.close() }
        let outcome = connection.handshake(over: socket, deadline: attemptDeadline)
        let recorder = connection.recorder
        let result: FollowUpResult
        if recorder.hasReceived(HandshakeType.serverHello), let hello = recorder.firstHandshake(HandshakeType.serverHello, sent: false),
           let facts = HelloParser.serverHello(hello.message.bytes), !facts.isHelloRetryRequest || outcome.isCompleted {
            let session = outcome.isCompleted ? connection.negotiatedSession() : nil
            let cipher = session?.cipher ?? connection.cipherName(suite: facts.cipherSuite)
            result = FollowUpResult(accepted: true, version: facts.version, cipher: cipher, detail: "accepted: \(facts.version), \(cipher)")
        } else if let alert = recorder.receivedAlert {
            result = FollowUpResult(accepted: false, detail: "rejected: alert \(TLSAlert.name(for: alert.description) ?? "unknown") (\(alert.description))")
        } else {
            result = FollowUpResult(accepted: false, detail: "rejected: \(outcome.shortDescription)")
        }
        let sniText = sni.map { "SNI \($0)" } ?? "no SNI"
        report.followUps.append(FollowUpProbe(purpose: purpose, offer: "\(offer.label), \(sniText)", result: result.detail, accepted: result.accepted))
        return result
    }

    /// The server closed or reset right after our ClientHello: try SNI, then each version.
    func refineSilentRejection(connection: TLSConnection) -> Diagnosis? {
        if let sniFinding = checkSNIRequired() { return sniFinding }
        return refineByVersions(alert: ["after": connection.recorder.lastMessagePoint], explainsFailure: false)
    }

    /// The server refused our offer with an alert: find out what it would have accepted.
    func refineRejectedOffer(connection: TLSConnection, alert: [String: String]) -> Diagnosis? {
        if let sniFinding = checkSNIRequired() { return sniFinding }
        return refineByVersions(alert: alert, explainsFailure: true)
    }

    func checkSNIRequired() -> Diagnosis? {
        guard serverName == nil, !target.isIPLiteral else { return nil }
        let name = target.host
        guard let retry = followUp(purpose: "does the server need SNI", offer: engine.context.offer, sni: name), retry.accepted else { return nil }
        return diagnosis(DiagnosisID.handshakeSNIRequired, ["sni": name, "after": "our ClientHello without SNI"], stage: .serverHello)
    }

    /// Asks the server, one version at a time with every suite, what it speaks.
    private func refineByVersions(alert: [String: String], explainsFailure: Bool) -> Diagnosis? {
        var accepted: [(TLSVersion, FollowUpResult)] = []
        for version in TLSVersion.allCases.reversed() {
            guard let result = followUp(purpose: "which versions does the server speak", offer: .widest(version: version), sni: serverName) else { continue }
            if result.accepted { accepted.append((version, result)) }
        }
        guard !accepted.isEmpty else { return nil }
        let offer = engine.context.offer
        let speaks = accepted.map(\.0).sorted().map(\.label).joined(separator: ", ")
        var facts = alert
        facts["server_versions"] = speaks
        facts["offered"] = offeredVersionsLabel
        let inRange = accepted.filter { $0.0 >= offer.minVersion && $0.0 <= offer.maxVersion }
        if inRange.isEmpty {
            let best = accepted.map(\.0).max()!
            if best < .tls12 && offer.maxVersion >= .tls12 {
                facts["version"] = best.label
                return diagnosis(best == .tls10 ? DiagnosisID.protoTLS10Only : DiagnosisID.protoTLS11Only, facts, stage: .serverHello)
            }
            return diagnosis(DiagnosisID.protoNoCommonVersion, facts, stage: .serverHello)
        }
        // A version we offered works with other suites: the suites (or groups) are the problem.
        facts["server_ciphers"] = inRange.compactMap(\.1.cipher).joined(separator: ", ")
        facts["cipher"] = inRange.first?.1.cipher ?? "?"
        facts["offered"] = String(engine.context.offer.cipherList)
        if let cipher = inRange.first?.1.cipher, let connection, let reason = connection.weakness(ofCipherNamed: cipher) {
            // It accepts only what no modern client offers (NULL, anonymous, EXPORT, RC4).
            facts["reason"] = reason
            return diagnosis(DiagnosisID.cipherWeak, facts, stage: .serverHello)
        }
        if options.groups != nil {
            facts["offered_groups"] = options.groups
            return diagnosis(DiagnosisID.keyNoSharedGroup, facts, stage: .serverHello)
        }
        return diagnosis(DiagnosisID.cipherNoShared, facts, stage: .serverHello)
    }
}

extension TLSStepResult {
    var isCompleted: Bool {
        if case .completed = self { return true }
        return false
    }

    var shortDescription: String {
        switch self {
        case .completed: "completed"
        case .transport(.closed): "connection closed"
        case .transport(.reset): "connection reset"
        case .transport(.timedOut): "timed out"
        case .transport(.failed(let code)): systemErrorText(code)
        case .tlsError(let errors): errors.last?.reason ?? "TLS error"
        }
    }
}
