/// Turns a handshake that did not complete into the most specific diagnosis the wire allows.
extension ProbeSession {
    func diagnoseFailedHandshake(_ result: TLSStepResult, connection: TLSConnection) {
        let recorder = connection.recorder
        let stage = failingStage(recorder)
        stopReason = "the handshake failed"

        // Whatever got through is still worth showing.
        if recorder.hasReceived(HandshakeType.certificate) {
            _ = completeCertificateStage(connection, handshakeFailed: true)
        }
        if stage == .finished && !hasCompleted(.keyExchange) {
            completeKeyExchange(connection, session: connection.negotiatedSession())
        }

        // 1. A peer that does not speak TLS at all.
        switch PeerBytesClassifier.classify(recorder.firstReceivedBytes) {
        case .plainHTTP(let statusLine):
            failStage(.serverHello, "not TLS: the server answered in plain HTTP (\(statusLine))",
                      diagnosis(DiagnosisID.notTLSPlainHTTP, ["status_line": statusLine, "preview": statusLine]))
            return
        case .banner(let name, let line):
            failStage(.serverHello, "not TLS: \(name) greeting \"\(line)\"",
                      diagnosis(DiagnosisID.notTLSBanner, ["protocol": name, "preview": line]))
            return
        case .garbage(let hex, let preview):
            failStage(.serverHello, "not TLS: the server sent \(hex)",
                      diagnosis(DiagnosisID.notTLSGarbage, ["hex": hex, "preview": preview, "bytes": String(recorder.totalReceivedBytes)]))
            return
        case .tls, .nothing:
            break
        }

        // 2. The server said no with an alert.
        if let alert = recorder.receivedAlert, alert.description != 0 || !recorder.hasReceived(HandshakeType.serverHello) {
            let found = alertDiagnosis(alert.description, connection: connection, stage: stage)
            failStage(found.stage, found.summary, found)
            return
        }

        // 3. The transport ended under us, or OpenSSL refused something locally.
        let after = recorder.lastMessageDescription
        switch result {
        case .transport(.timedOut):
            let seconds = format(options.timeout)
            failStage(stage, "no progress after \(after) within \(seconds) s", diagnosis(DiagnosisID.handshakeTimeout, ["after": after, "seconds": seconds, "bytes": String(recorder.totalReceivedBytes)], stage: stage))
        case .transport(.closed), .transport(.reset), .transport(.failed):
            let reset = result.isReset
            if !recorder.hasReceived(HandshakeType.serverHello), let refined = refineSilentRejection(connection: connection) {
                failStage(refined.stage, refined.summary, refined)
                return
            }
            let id = reset ? DiagnosisID.handshakeReset : DiagnosisID.handshakeAbruptClose
            let what = reset ? "the server reset the connection (RST)" : "the server closed the connection (FIN)"
            failStage(stage, "\(what) after \(after)", diagnosis(id, ["after": after, "bytes": String(recorder.totalReceivedBytes)], stage: stage))
        case .tlsError(let errors):
            // A close_notify once the ServerHello is in ends OpenSSL's handshake with no error at
            // all; say that the server closed politely rather than "no OpenSSL error recorded".
            if errors.isEmpty, let alert = recorder.receivedAlert, alert.description == 0 {
                let found = alertDiagnosis(0, connection: connection, stage: stage)
                failStage(found.stage, found.summary, found)
                return
            }
            let found = localTLSFailure(errors, connection: connection, stage: stage)
            failStage(found.stage, found.summary, found)
        case .completed:
            break
        }
    }

    /// The stage whose message the client was waiting for when things stopped.
    func failingStage(_ recorder: HandshakeRecorder) -> StageName {
        if recorder.firstHandshake(HandshakeType.finished, sent: true) != nil { return .finished }
        if recorder.hasReceived(HandshakeType.certificate) { return .keyExchange }
        if recorder.hasReceived(HandshakeType.serverHello) { return .certificate }
        return .serverHello
    }

    /// Marks `stage` failed with `found`, completing the stages before it that never ran.
    func failStage(_ stage: StageName, _ summary: String, _ found: Diagnosis) {
        if hasCompleted(stage) {
            report.diagnoses.append(found)
            if let index = report.stages.firstIndex(where: { $0.name == stage }) { report.stages[index].status = .fail }
            return
        }
        complete(StageReport(name: stage, status: .fail, summary: summary), diagnoses: [found])
    }

    func alertDiagnosis(_ code: UInt8, connection: TLSConnection, stage: StageName) -> Diagnosis {
        let recorder = connection.recorder
        let name = TLSAlert.name(for: code) ?? "unknown"
        var alertFacts = ["alert": name, "code": String(code), "after": recorder.lastMessageDescription]
        let askedForCertificate = recorder.hasReceived(HandshakeType.certificateRequest)
        let certificateAlerts: Set<UInt8> = [40, 42, 46, 48, 116]
        if code == 116 || (askedForCertificate && !connection.sentClientCertificate && certificateAlerts.contains(code)) {
            let names = connection.acceptableClientCANames()
            alertFacts["ca_names"] = names.isEmpty ? "any" : names.joined(separator: "; ")
            alertFacts["version"] = connection.negotiatedSession().version ?? "?"
            return diagnosis(DiagnosisID.alertClientCertRequired, alertFacts, stage: .finished)
        }
        if code == 112 {
            // Without SNI, "unrecognized name" means "I need a name": confirm with one when we know it.
            if serverName == nil {
                if let confirmed = checkSNIRequired() { return confirmed }
                // An IP target cannot carry SNI: the user has to name the host with --sni.
                alertFacts["sni"] = target.isIPLiteral ? "NAME (probe with --sni NAME: an IP address cannot be sent as SNI)" : target.host
                return diagnosis(DiagnosisID.handshakeSNIRequired, alertFacts, stage: .serverHello)
            }
            alertFacts["sni"] = serverName
            return diagnosis(DiagnosisID.alertUnrecognizedName, alertFacts, stage: stage)
        }
        if !recorder.hasReceived(HandshakeType.serverHello), [40, 70, 71, 47].contains(code), let refined = refineRejectedOffer(connection: connection, alert: alertFacts) {
            return refined
        }
        let id = TLSAlert.name(for: code) == nil ? DiagnosisID.alertUnknown : DiagnosisID.alert(named: name)
        return diagnosis(id, alertFacts, stage: stage)
    }

    /// OpenSSL stopped the handshake itself: say what it objected to.
    private func localTLSFailure(_ errors: [OpenSSLErrorEntry], connection: TLSConnection, stage: StageName) -> Diagnosis {
        let reasons = errors.map(\.reason)
        let detail = errors.last.map { "\($0.reason) (\($0.text))" } ?? "no OpenSSL error recorded"
        if reasons.contains("excessive message size") {
            let limit = TLSClientContext.maxCertificateListBytes / 1024
            return diagnosis(DiagnosisID.certTooLarge, ["bytes": "more than \(limit * 1024)", "limit": String(limit * 1024)], openssl: detail, stage: .certificate)
        }
        // The server chose a version we did not offer (SSL 3.0, an unknown or draft number): say
        // which, instead of follow-up probes that a server answering everything alike misleads.
        if reasons.contains("unsupported protocol") || reasons.contains("wrong ssl version"),
           let (hello, _) = connection.recorder.firstHandshake(HandshakeType.serverHello, sent: false),
           let chosen = HelloParser.serverHello(hello.bytes)?.version,
           TLSVersion(rawValue: String(chosen.dropFirst(4))).map({ $0 < engine.context.offer.minVersion || $0 > engine.context.offer.maxVersion }) ?? true {
            return diagnosis(DiagnosisID.protoNoCommonVersion, ["server_versions": chosen, "offered": offeredVersionsLabel], openssl: detail, stage: .serverHello)
        }
        // Certificate bytes OpenSSL cannot even decode as DER.
        if reasons.contains("ASN1 lib") && connection.recorder.hasReceived(HandshakeType.certificate) {
            return diagnosis(DiagnosisID.certMalformed, ["detail": "the server's Certificate message does not decode as X.509 DER (\(detail))"], openssl: detail, stage: .certificate)
        }
        if reasons.contains("unsupported protocol") || reasons.contains("wrong ssl version") {
            return refineRejectedOffer(connection: connection, alert: ["after": connection.recorder.lastMessageDescription]) ??
                diagnosis(DiagnosisID.protoNoCommonVersion, ["server_versions": "unknown", "offered": offeredVersionsLabel], openssl: detail, stage: .serverHello)
        }
        if reasons.contains("unexpected eof while reading") {
            return diagnosis(DiagnosisID.handshakeAbruptClose, ["after": connection.recorder.lastMessageDescription], openssl: detail, stage: stage)
        }
        if reasons.contains("record layer failure") || reasons.contains("wrong version number") || reasons.contains("packet length too long") {
            let bytes = connection.recorder.firstReceivedBytes
            return diagnosis(DiagnosisID.notTLSGarbage, ["hex": SafeText.hex(bytes.prefix(16)), "preview": SafeText.escape(bytes: bytes.prefix(16)), "bytes": String(connection.recorder.totalReceivedBytes)], openssl: detail, stage: stage)
        }
        return diagnosis(DiagnosisID.handshakeFailed, ["detail": detail, "after": connection.recorder.lastMessageDescription], openssl: detail, stage: stage)
    }
}

extension TLSStepResult {
    var isReset: Bool {
        if case .transport(.reset) = self { return true }
        return false
    }
}
