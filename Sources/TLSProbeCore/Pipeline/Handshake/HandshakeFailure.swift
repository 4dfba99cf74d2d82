/// Turns a handshake that did not complete into the most specific failure the wire allows: the
/// stage, its words, the diagnosis, and the follow-up steps that may name the cause better
/// (which the context runs when it records the failure, `ProbeContext.fail`).
enum HandshakeFailure {
    static func diagnose(_ result: TLSStepResult, connection: TLSConnection, context: ProbeContext) -> StageFailure {
        let recorder = connection.recorder
        let stage = failingStage(recorder)
        context.stopReason = "the handshake failed"

        // Whatever got through is still worth showing.
        if recorder.hasReceived(HandshakeType.certificate) {
            var verifyFailed = false
            if case .tlsError(let errors) = result { verifyFailed = errors.contains { $0.reason == "certificate verify failed" } }
            CertificateStage.record(context, connection, handshakeFailed: true, verifyFailedUnreported: verifyFailed && recorder.verifyErrors.isEmpty)
        }
        if stage == .finished && !context.hasCompleted(.keyExchange) {
            KeyExchangeStage.record(context, session: connection.negotiatedSession())
        }

        // 1. A peer that does not speak TLS at all.
        switch PeerBytesClassifier.classify(recorder.firstReceivedBytes) {
        case .plainHTTP(let statusLine):
            return StageFailure(.serverHello, "not TLS: the server answered in plain HTTP (\(statusLine))",
                                context.diagnosis(DiagnosisID.notTLSPlainHTTP, ["status_line": statusLine, "preview": statusLine]))
        case .banner(let name, let line):
            return StageFailure(.serverHello, "not TLS: \(name) greeting \"\(line)\"",
                                context.diagnosis(DiagnosisID.notTLSBanner, ["protocol": name, "preview": line]))
        case .garbage(let hex, let preview):
            return StageFailure(.serverHello, "not TLS: the server sent \(hex)",
                                context.diagnosis(DiagnosisID.notTLSGarbage, ["hex": hex, "preview": preview, "bytes": String(recorder.totalReceivedBytes)]))
        case .tls, .nothing:
            break
        }

        // 2. The server said no with an alert.
        if let alert = recorder.receivedAlert, alert.description != 0 || !recorder.hasReceived(HandshakeType.serverHello) {
            return self.alert(alert.description, connection: connection, stage: stage, context: context)
        }

        // 3. The transport ended under us, or OpenSSL refused something locally.
        let after = recorder.lastMessageDescription
        switch result {
        case .transport(.timedOut):
            let seconds = format(context.options.timeout)
            return StageFailure(stage, "no progress after \(after) within \(seconds) s",
                                context.diagnosis(DiagnosisID.handshakeTimeout, ["after": after, "seconds": seconds, "bytes": String(recorder.totalReceivedBytes)], stage: stage))
        case .transport(.closed), .transport(.reset), .transport(.failed):
            let reset = result.isReset
            if let refused = context.clientCertificateRefusedByClose(connection, reset: reset, after: after) {  // Mbed TLS just closes
                return StageFailure(refused)
            }
            let id = reset ? DiagnosisID.handshakeReset : DiagnosisID.handshakeAbruptClose
            let what = reset ? "the server reset the connection (RST)" : "the server closed the connection (FIN)"
            // Closed right after our ClientHello: try SNI, then each version.
            let followUps: [any FollowUpStep] = recorder.hasReceived(HandshakeType.serverHello)
                ? (FFDHERefusalStep.choseDHEWithoutKeyExchange(recorder) ? [FFDHERefusalStep(facts: ["after": after])] : [])
                : [SNIRequiredStep(), FFDHERefusalStep(facts: ["after": after]), VersionScanStep(facts: ["after": after]), RawOfferSurveyStep(facts: ["after": after])]
            return StageFailure(stage, "\(what) after \(after)",
                                context.diagnosis(id, ["after": after, "bytes": String(recorder.totalReceivedBytes)], stage: stage), followUps: followUps)
        case .tlsError(let errors):
            // A close_notify once the ServerHello is in ends OpenSSL's handshake with no error at
            // all; say that the server closed politely rather than "no OpenSSL error recorded".
            if errors.isEmpty, let alert = recorder.receivedAlert, alert.description == 0 {
                return self.alert(0, connection: connection, stage: stage, context: context)
            }
            return localTLSFailure(errors, connection: connection, stage: stage, context: context)
        case .completed:
            return StageFailure(context.diagnosis(DiagnosisID.internalError, ["detail": "a completed handshake judged as failed"]))
        }
    }

    /// The stage whose message the client was waiting for when things stopped.
    static func failingStage(_ recorder: HandshakeRecorder) -> StageName {
        if recorder.firstHandshake(HandshakeType.finished, sent: true) != nil { return .finished }
        if recorder.hasReceived(HandshakeType.certificate) { return .keyExchange }
        if recorder.hasReceived(HandshakeType.serverHello) { return .certificate }
        return .serverHello
    }

    /// The failure an alert from the server stands for (during the handshake, or after our Finished).
    static func alert(_ code: UInt8, connection: TLSConnection, stage: StageName, context: ProbeContext) -> StageFailure {
        let recorder = connection.recorder
        let name = TLSAlert.name(for: code) ?? "unknown"
        var alertFacts = ["alert": name, "code": String(code), "after": recorder.lastMessageDescription]
        // Asked for a certificate and sent none: that is the reason, whatever alert follows, a
        // close_notify included (Handshake/).
        if code == 116 || ClientCertificateRequirement.explains(alert: code, connection: connection) {
            return StageFailure(context.clientCertificateRequired(connection, ending: "alert \(name) (\(code))", facts: alertFacts))
        }
        if code == 112 {
            // Without SNI, "unrecognized name" means "I need a name": confirm with one when we know it.
            if context.serverName == nil {
                // An IP target cannot carry SNI: the user has to name the host with --sni.
                alertFacts["sni"] = context.target.isIPLiteral ? "naming the host (an IP address cannot be sent as SNI: probe with --sni NAME)" : quoted(context.target.host)
                return StageFailure(context.diagnosis(DiagnosisID.handshakeSNIRequired, alertFacts, stage: .serverHello), followUps: [SNIRequiredStep()])
            }
            alertFacts["sni"] = context.serverName
            return StageFailure(context.diagnosis(DiagnosisID.alertUnrecognizedName, alertFacts, stage: stage))
        }
        let id = TLSAlert.name(for: code) == nil ? DiagnosisID.alertUnknown : DiagnosisID.alert(named: name)
        // The server refused our offer: find out what it would have accepted.
        let refusedOffer = !recorder.hasReceived(HandshakeType.serverHello) && [40, 70, 71, 47].contains(code)
        // Chose a DHE suite, then refused where its ServerKeyExchange belongs: no DH group for us?
        let refusedDHE = [40, 71].contains(code) && FFDHERefusalStep.choseDHEWithoutKeyExchange(recorder)
        return StageFailure(context.diagnosis(id, alertFacts, stage: stage),
                            followUps: refusedOffer ? [SNIRequiredStep(), FFDHERefusalStep(facts: alertFacts), VersionScanStep(facts: alertFacts), RawOfferSurveyStep(facts: alertFacts)]
                                : refusedDHE ? [FFDHERefusalStep(facts: alertFacts)] : [])
    }

    /// OpenSSL stopped the handshake itself: say what it objected to.
    private static func localTLSFailure(_ errors: [OpenSSLErrorEntry], connection: TLSConnection, stage: StageName, context: ProbeContext) -> StageFailure {
        let reasons = errors.map(\.reason)
        let detail = errors.last.map { "\($0.reason) (\($0.text))" } ?? "no OpenSSL error recorded"
        let recorder = connection.recorder
        let offer = context.engine.context.offer
        if let cut = recorder.certificateListCut {
            // tlsprobe's own refusal (CertificateListCut): the certificate stage judged what it read
            // and found the size (the same diagnosis, recorded once).
            let tooLarge = context.report.diagnoses.first { $0.id == DiagnosisID.certTooLarge }
                ?? context.diagnosis(DiagnosisID.certTooLarge, ["bytes": String(cut.messageBytes), "limit": String(TLSClientContext.defaultCertificateListLimit)], stage: .certificate)
            return StageFailure(tooLarge)
        }
        if reasons.contains("excessive message size") {
            // Named after the message that was too large, at its stage: see OversizedMessage.
            return StageFailure(context.oversizedMessageDiagnosis(OversizedMessage.locate(in: recorder), openssl: detail))
        }
        // The server chose a version we did not offer (SSL 3.0, an unknown or draft number): say
        // which, instead of follow-up probes that a server answering everything alike misleads.
        if reasons.contains("unsupported protocol") || reasons.contains("wrong ssl version"),
           let (hello, _) = recorder.firstHandshake(HandshakeType.serverHello, sent: false),
           let chosen = HelloParser.serverHello(hello.bytes)?.version,
           TLSVersion(rawValue: String(chosen.dropFirst(4))).map({ $0 < offer.minVersion || $0 > offer.maxVersion }) ?? true {
            return StageFailure(context.diagnosis(DiagnosisID.protoNoCommonVersion, ["server_versions": chosen, "offered": context.offeredVersionsLabel], openssl: detail, stage: .serverHello))
        }
        // Certificate bytes OpenSSL cannot even decode as DER.
        if reasons.contains("ASN1 lib") && recorder.hasReceived(HandshakeType.certificate) {
            return StageFailure(context.diagnosis(DiagnosisID.certMalformed, ["detail": "the server's Certificate message does not decode as X.509 DER (\(detail))"], openssl: detail, stage: .certificate))
        }
        if reasons.contains("unsupported protocol") || reasons.contains("wrong ssl version") {
            return StageFailure(context.diagnosis(DiagnosisID.protoNoCommonVersion, ["server_versions": "unknown", "offered": context.offeredVersionsLabel], openssl: detail, stage: .serverHello),
                                followUps: [SNIRequiredStep(), VersionScanStep(facts: ["after": recorder.lastMessageDescription]), RawOfferSurveyStep(facts: ["after": recorder.lastMessageDescription])])
        }
        if reasons.contains("unexpected eof while reading") && ClientCertificateRequirement.explainsClose(connection: connection) {
            return StageFailure(context.clientCertificateRequired(connection, ending: "a close (FIN) and no alert", facts: ["after": recorder.lastMessageDescription]))
        }
        // OpenSSL refuses an ALPN protocol we never offered ("bad extension"): name it (Handshake/SelectedALPN).
        if reasons.contains("bad extension"), let selected = SelectedALPN.inHandshake(recorder), !context.options.alpn.contains(selected) {
            let offered = context.options.alpn.isEmpty ? "none" : context.options.alpn.joined(separator: ",")
            return StageFailure(context.diagnosis(DiagnosisID.protoUnexpectedALPN, ["alpn": selected, "expected": "a server may only select one of the protocols the client offered", "offered": offered], openssl: detail, stage: .serverHello))
        }
        if reasons.contains("unexpected eof while reading") {
            return StageFailure(context.diagnosis(DiagnosisID.handshakeAbruptClose, ["after": recorder.lastMessageDescription], openssl: detail, stage: stage))
        }
        if reasons.contains("record layer failure") || reasons.contains("wrong version number") || reasons.contains("packet length too long") {
            let bytes = recorder.firstReceivedBytes
            return StageFailure(context.diagnosis(DiagnosisID.notTLSGarbage, ["hex": SafeText.hex(bytes.prefix(16)), "preview": SafeText.escape(bytes: bytes.prefix(16)), "bytes": String(recorder.totalReceivedBytes)], openssl: detail, stage: stage))
        }
        return StageFailure(context.diagnosis(DiagnosisID.handshakeFailed, ["detail": detail, "after": recorder.lastMessageDescription], openssl: detail, stage: stage))
    }
}

extension TLSStepResult {
    var isReset: Bool {
        if case .transport(.reset) = self { return true }
        return false
    }
}
