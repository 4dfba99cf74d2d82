/// How the probe's handshake is retried after an intolerance finding: a plain offer (a default
/// OpenSSL 3 client's: TLS 1.2–1.3, default suites, no status_request, no ALPN), padded when
/// the server only takes hellos outside 256–511 bytes.
struct HandshakeRetry {
    let context: TLSClientContext
    let padHello: Bool
}

/// The intolerance retry: when the first handshake fails and nothing on the wire names the
/// cause, ask (with raw hellos) whether a plain ClientHello is answered and which feature of
/// ours is refused; if so, reconnect so the probe goes on over the plain offer. A healthy server
/// never gets here, so it is still probed exactly once.
extension ProbeContext {
    func retryWithPlainHello(after result: TLSStepResult, connection: TLSConnection) -> HandshakeRetry? {
        let recorder = connection.recorder
        // Raw hellos go straight to TLS: not for STARTTLS (the dialogue would have to be replayed).
        guard options.clientProfile.isOpenSSLDefault, proxy == nil, appProtocol.upgrade != .startTLS, let address = connectedAddress,
              !recorder.hasReceived(HandshakeType.serverHello), deadline.remainingSeconds > 0.5,
              let (hello, _) = recorder.firstHandshake(HandshakeType.clientHello, sent: true),
              let rejection = Self.unexplainedRejection(result, recorder: recorder)
        else { return nil }
        // A failed connection is of no more use (a server that serves one connection at a time
        // could not answer the narrowing while it is open); a silent one may still answer.
        if !result.isTimeout { socket?.close() }
        let narrowingDeadline = Deadline.after(seconds: min(3, deadline.remainingSeconds / 2)).earlier(deadline)
        guard let finding = IntoleranceNarrowing.narrow(failedHello: hello.bytes, serverName: serverName, address: address, deadline: narrowingDeadline) else {
            report.followUps.append(FollowUpProbe(purpose: "is our ClientHello the cause", offer: "a plain OpenSSL 3 ClientHello (raw)", result: "rejected too: the ClientHello is not the cause", accepted: false))
            return nil
        }
        for attempt in finding.attempts {
            report.followUps.append(FollowUpProbe(purpose: "what in our ClientHello does the server reject", offer: "\(attempt.label) (\(attempt.helloSize) bytes, raw)",
                                                  result: attempt.result.outcome.label, accepted: attempt.answered))
        }
        let padHello = finding.culprits.contains(.helloSize) || finding.plainNeedsPadding
        // An offer the user narrowed (--ciphers, --groups, --tls-min/max …) is kept when the
        // culprit is something the retry can leave out of it; otherwise the plain offer.
        let restricted = options.ciphers != nil || options.cipherSuites != nil || options.groups != nil || options.tlsMin != nil || options.tlsMax != nil
        let keepsOffer = restricted && !finding.culprits.isEmpty && finding.culprits.allSatisfy { [.statusRequest, .alpn, .helloSize].contains($0) }
        guard let context = keepsOffer ? engine.context : engine.makeContext(offer: .normalClient(options: options)),
              case .success(let fresh) = TCPSocket.connect(to: address, deadline: Deadline.after(seconds: options.connectTimeout).earlier(deadline))
        else { return nil }
        socket?.close()
        socket = fresh
        learned.wireDiagnoses.append(intoleranceDiagnosis(finding, rejection: rejection, helloSize: hello.size, padded: padHello, keptOffer: keepsOffer))
        return HandshakeRetry(context: context, padHello: padHello)
    }

    /// How long the first handshake waits before a silence is looked into: half the time left
    /// (at least 2 s), for the probes the intolerance retry applies to.
    var patienceForFirstAnswer: Deadline {
        guard options.clientProfile.isOpenSSLDefault, proxy == nil, appProtocol.upgrade != .startTLS, connectedAddress != nil else { return deadline }
        return Deadline.after(seconds: max(2, deadline.remainingSeconds / 2)).earlier(deadline)
    }

    /// The first wait ended with not one byte from the server and time is left.
    func silentSinceHello(_ result: TLSStepResult, connection: TLSConnection) -> Bool {
        result.isTimeout && connection.recorder.totalReceivedBytes == 0 && deadline.remainingSeconds > 0.5
    }

    /// "a close (FIN) with no alert", … — or nil when the wire names the cause.
    static func unexplainedRejection(_ result: TLSStepResult, recorder: HandshakeRecorder) -> String? {
        switch PeerBytesClassifier.classify(recorder.firstReceivedBytes) {
        case .tls, .nothing: break
        default: return nil  // not TLS at all: a different diagnosis
        }
        if let alert = recorder.receivedAlert {
            guard alert.description != 0, RawHelloOutcome.unexplainedAlerts.contains(alert.description) else { return nil }
            return "alert \(TLSAlert.name(for: alert.description) ?? "unknown") (\(alert.description))"
        }
        switch result {
        case .transport(.closed): return "a close (FIN) with no alert"
        case .transport(.reset): return "a reset (RST)"
        case .transport(.timedOut): return "no answer"
        case .tlsError(let errors) where errors.contains(where: { $0.reason == "unexpected eof while reading" }): return "a close (FIN) with no alert"
        default: return nil
        }
    }

    private func intoleranceDiagnosis(_ finding: IntoleranceNarrowing.Finding, rejection: String, helloSize: Int, padded: Bool, keptOffer: Bool) -> Diagnosis {
        let feature: String
        let clients: String
        let fixed = finding.attempts.first { attempt in attempt.feature.map(finding.culprits.contains) ?? false && attempt.answered }
        if !finding.culprits.isEmpty {
            feature = finding.culprits.map(\.label).joined(separator: " or ")
            clients = finding.culprits.map(\.clientsSending).joined(separator: "; ")
        } else if finding.combinationOnly {
            feature = "several features together (no single one: removing all of status_request, ALPN, session_ticket, EMS, TLS 1.3, unusual groups, SHA-1 schemes and padding works)"
            clients = "clients whose hello is as rich as ours fail; a default OpenSSL 3 hello connects"
        } else {
            feature = "something our hello has and a plain OpenSSL 3 hello lacks (no single feature explains it)"
            clients = "clients whose hello is as rich as ours fail; a default OpenSSL 3 hello connects"
        }
        var evidence = "our ClientHello (\(helloSize) bytes) got \(rejection)"
        if let fixed, let answer = fixed.result.outcome.answeredHello {
            evidence += ", the same hello \(fixed.feature == .helloSize ? "padded to 512 bytes" : "without " + (fixed.feature?.rawValue ?? "it")) got a ServerHello (\(answer.versionName), \(answer.cipherName))"
        } else if let plain = finding.attempts.first(where: \.answered) {
            evidence += ", \(plain.label) got \(plain.result.outcome.label)"
        }
        let retry = keptOffer
            ? "The probe went on with the same offer without status_request and ALPN\(padded ? ", padded to 512 bytes" : "")"
            : "The probe went on with a plain OpenSSL 3 offer (TLS 1.2–1.3, default suites, no status_request, no ALPN\(padded ? ", padded to 512 bytes" : ""))"
        return diagnosis(DiagnosisID.handshakeIntolerance, ["feature": feature, "evidence": evidence, "clients": clients, "retry": retry], stage: .serverHello)
    }
}

extension TLSStepResult {
    var isTimeout: Bool {
        if case .transport(.timedOut) = self { return true }
        return false
    }
}
