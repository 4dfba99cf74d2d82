import Foundation

/// The TLS stages: client_hello, server_hello, certificate, key_exchange, finished.
extension ProbeSession {
    /// Runs the handshake; true when the probe may go on to HTTP.
    func handshake() -> Bool {
        guard let socket else { return false }
        let connection: TLSConnection
        do {
            connection = try TLSConnection(context: engine.context, serverName: serverName, verifyName: verifyName, alpn: options.alpn, start: Deadline.now)
        } catch {
            report.diagnoses.append(diagnosis(DiagnosisID.internalError, ["detail": String(describing: error)]))
            stopReason = "internal error"
            return false
        }
        self.connection = connection
        let handshakeStart = Deadline.now
        connection.onProgress = { [unowned self, unowned connection] in self.emitHelloStages(connection) }
        let result = connection.handshake(over: socket, deadline: deadline)
        connection.onProgress = nil
        emitHelloStages(connection)
        guard case .completed = result else {
            diagnoseFailedHandshake(result, connection: connection)
            return false
        }
        let handshakeMs = elapsedMs(since: handshakeStart)
        let session = connection.negotiatedSession()
        fillTLSSummary(session, handshakeMs: handshakeMs)
        if deferServerHello { judgeWeakCipher(session) }
        if !hasCompleted(.serverHello) { completeServerHello(connection, session: session) }
        let certificateOK = completeCertificateStage(connection)
        completeKeyExchange(connection, session: session)
        // The finished stage waits for the server's first word after our Finished: a TLS 1.3
        // server that rejects our (missing) client certificate says so only then.
        // Nothing beyond the handshake goes to a server that failed verification or policy,
        // unless the user asked for it with -k.
        let handshakeAcceptable = certificateOK && !report.diagnoses.contains { $0.severity == .error }
        if options.runHTTP && (handshakeAcceptable || options.insecure) {
            pendingFinished = (handshakeMs, session)
            return true
        }
        let rejection = awaitPostHandshakeRejection(connection, socket: socket, session: session)
        completeFinished(handshakeMs: handshakeMs, session: session, rejection: rejection)
        if rejection == nil {
            stopReason = handshakeAcceptable ? "--no-http" : (certificateOK ? "the handshake failed policy (use -k to continue anyway)" : "certificate not trusted (use -k to continue anyway)")
        } else {
            stopReason = "the server rejected the handshake"
        }
        return false
    }

    /// Emits client_hello and server_hello as soon as they crossed the wire, so a stall after
    /// them is visible while it happens.
    func emitHelloStages(_ connection: TLSConnection) {
        let recorder = connection.recorder
        if !hasCompleted(.clientHello), let (hello, _) = recorder.firstHandshake(HandshakeType.clientHello, sent: true) {
            completeClientHello(hello)
        }
        // After a HelloRetryRequest the real ServerHello is the last one received.
        if !hasCompleted(.serverHello), !deferServerHello,
           let hello = recorder.messages.last(where: { $0.contentType == 22 && $0.kind == HandshakeType.serverHello && !$0.sent }),
           let facts = HelloParser.serverHello(hello.bytes), !facts.isHelloRetryRequest {
            let cipher = connection.cipherName(suite: facts.cipherSuite)
            if connection.weakness(ofCipherNamed: cipher) != nil {
                deferServerHello = true  // judged after a retry with a normal client's offer
                return
            }
            completeServerHello(connection, session: nil)
        }
    }

    private func completeClientHello(_ message: HandshakeRecorder.Message) {
        var details = StageDetails()
        details.bytes = message.size
        guard let facts = HelloParser.clientHello(message.bytes) else {
            complete(StageReport(name: .clientHello, status: .ok, summary: "sent (\(message.size) bytes)", details: details))
            return
        }
        details.offeredVersions = facts.versions
        details.cipherSuitesOffered = facts.cipherSuiteCount
        details.groupsOffered = facts.groups
        details.signatureAlgorithmsOffered = facts.signatureAlgorithmCount
        details.sni = facts.serverName
        details.alpnOffered = facts.alpn
        let versions = facts.versions.count > 1 ? "\(facts.versions.first!)–\(facts.versions.last!.replacingOccurrences(of: "TLS ", with: ""))" : (facts.versions.first ?? "?")
        var parts = [versions, "\(facts.cipherSuiteCount) suites", "\(facts.groups.count) groups"]
        parts.append(facts.serverName.map { "SNI \($0)" } ?? "no SNI")
        if !facts.alpn.isEmpty { parts.append("ALPN \(facts.alpn.joined(separator: ","))") }
        complete(StageReport(name: .clientHello, status: .ok, summary: parts.joined(separator: ", "), details: details))
    }

    func completeServerHello(_ connection: TLSConnection, session: NegotiatedSession?) {
        let recorder = connection.recorder
        let helloMessages = recorder.messages.filter { $0.contentType == 22 && $0.kind == HandshakeType.serverHello && !$0.sent }
        guard let hello = helloMessages.last, let facts = HelloParser.serverHello(hello.bytes) else { return }
        let cipher = connection.cipherName(suite: facts.cipherSuite)
        let sentAt = recorder.firstHandshake(HandshakeType.clientHello, sent: true)?.message.atMs ?? 0
        var details = StageDetails()
        details.version = facts.version
        details.cipher = cipher
        details.bytes = hello.size
        details.helloRetryRequest = helloMessages.count > 1
        details.sessionResumed = session?.resumed
        var summary = "\(facts.version), \(cipher)"
        if helloMessages.count > 1 { summary += " (after HelloRetryRequest)" }
        var diagnoses: [Diagnosis] = []
        if let version = TLSVersion(rawValue: String(facts.version.dropFirst(4))), version < .tls12 {
            let id = version == .tls10 ? DiagnosisID.protoTLS10Only : DiagnosisID.protoTLS11Only
            diagnoses.append(diagnosis(id, ["version": facts.version, "server_versions": facts.version, "offered": offeredVersionsLabel]))
        }
        diagnoses += cipherDiagnoses
        diagnoses += versionExpectation(facts.version)
        complete(StageReport(name: .serverHello, status: .ok, durationMs: hello.atMs - sentAt, summary: summary, details: details), diagnoses: diagnoses)
    }

    /// The permissive offer got a broken cipher. Would a normal client get the same? Ask the
    /// server with a normal client's offer, so our wide offer does not hide what users get.
    private func judgeWeakCipher(_ session: NegotiatedSession) {
        guard let cipher = session.cipher, let connection, let reason = connection.weakness(ofCipherNamed: cipher) else { return }
        var facts = ["cipher": cipher, "reason": reason]
        let normal = followUp(purpose: "what does a normal client get", offer: .normalClient(options: options), sni: serverName)
        if let normal, normal.accepted, let normalCipher = normal.cipher, connection.weakness(ofCipherNamed: normalCipher) == nil {
            facts["normal_cipher"] = normalCipher
            cipherDiagnoses = [
                Diagnosis(id: DiagnosisID.cipherWeak, facts: self.facts(facts), severityOverride: .warning),
                diagnosis(DiagnosisID.cipherNormalClientDiffers, facts),
            ]
        } else {
            cipherDiagnoses = [diagnosis(DiagnosisID.cipherWeak, facts)]
        }
    }

    var offeredVersionsLabel: String {
        let offer = engine.context.offer
        return offer.minVersion == offer.maxVersion ? offer.minVersion.label : "\(offer.minVersion.label)–\(offer.maxVersion.rawValue)"
    }

    private func fillTLSSummary(_ session: NegotiatedSession, handshakeMs: Double) {
        report.tls.version = session.version
        report.tls.cipher = session.cipher
        report.tls.cipherIANA = session.cipherIANA
        report.tls.group = session.group
        report.tls.dhBits = session.dhBits
        report.tls.forwardSecrecy = session.forwardSecrecy
        report.tls.alpn = session.alpn
        report.tls.signatureAlgorithm = session.signatureAlgorithm
        report.tls.sessionResumed = session.resumed
        report.tls.ocspStapled = session.ocspStapled
        report.tls.handshakeMs = handshakeMs
    }

    func completeKeyExchange(_ connection: TLSConnection, session: NegotiatedSession) {
        var details = StageDetails()
        details.group = session.group
        details.dhBits = session.dhBits
        details.signatureAlgorithm = session.signatureAlgorithm
        details.forwardSecrecy = session.forwardSecrecy
        var diagnoses = PolicyJudge.keyExchange(session, session: self)
        if session.forwardSecrecy == false {
            diagnoses.append(diagnosis(DiagnosisID.keyNoForwardSecrecy, ["cipher": session.cipher ?? "?"]))
        }
        var parts: [String] = []
        if let group = session.group { parts.append(session.forwardSecrecy == false ? "RSA key transport: no forward secrecy" : group) }
        if let signature = session.signatureAlgorithm { parts.append(signature) }
        complete(StageReport(name: .keyExchange, status: .ok, summary: parts.joined(separator: ", "), details: details), diagnoses: diagnoses)
    }

    var clientCertificateRequestedButNotSent: Bool {
        guard let connection else { return false }
        return connection.recorder.hasReceived(HandshakeType.certificateRequest) && !connection.sentClientCertificate
    }

    var requestedClientCANames: String {
        let names = connection?.acceptableClientCANames() ?? []
        return names.isEmpty ? "any" : names.joined(separator: "; ")
    }

    func completeFinished(handshakeMs: Double, session: NegotiatedSession, rejection: Diagnosis?) {
        var details = StageDetails()
        details.handshakeMs = StageReport.rounded(handshakeMs)
        details.alpn = session.alpn
        details.ocspStapled = session.ocspStapled
        details.messages = options.verbose ? connection?.recorder.messageLog() : nil
        var parts = ["handshake complete"]
        if let rejection {
            parts = ["server rejected the handshake after our Finished: \(rejection.summary)"]
        } else {
            if let alpn = session.alpn { parts.append("ALPN \(alpn)") }
            parts.append(session.ocspStapled ? "OCSP stapled" : "no OCSP staple")
        }
        var diagnoses = (rejection.map { [$0] } ?? []) + alpnExpectation(session.alpn)
        if rejection == nil && clientCertificateRequestedButNotSent {
            parts.append("client certificate requested, none sent")
            diagnoses.append(diagnosis(DiagnosisID.handshakeClientCertRequested, ["ca_names": requestedClientCANames]))
        }
        complete(StageReport(name: .finished, status: .ok, durationMs: handshakeMs, summary: parts.joined(separator: ", "), details: details), diagnoses: diagnoses)
    }

    /// TLS 1.3 moves client-certificate rejection after the handshake. Wait (briefly) for the
    /// server's verdict: a NewSessionTicket means it accepted our Finished; an alert means not.
    func awaitPostHandshakeRejection(_ connection: TLSConnection, socket: TCPSocket, session: NegotiatedSession) -> Diagnosis? {
        guard session.version == "TLSv1.3" else { return nil }
        // Only a server that asked for a client certificate rejects after our Finished. Waiting
        // without a CertificateRequest cost every --no-http (or untrusted) probe of a TLS 1.3
        // server that sends no session ticket a full second (s_server -num_tickets 0: 1.26 s
        // before, 0.04 s after, like the bench/floor.c handshake).
        guard connection.recorder.hasReceived(HandshakeType.certificateRequest) else { return nil }
        let waitUntil = Deadline.after(seconds: 1).earlier(deadline)
        let accepted = { connection.recorder.hasReceived(HandshakeType.newSessionTicket) }
        switch connection.read(over: socket, deadline: waitUntil, limit: 1024, satisfied: accepted) {
        case .data, .satisfied: return nil
        case .tlsError, .closeNotify, .transport: return rejectionDiagnosis(connection)
        }
    }

    /// The diagnosis for an alert that arrived after our Finished, or nil when none did.
    func rejectionDiagnosis(_ connection: TLSConnection) -> Diagnosis? {
        guard let alert = connection.recorder.receivedAlert, alert.description != 0 else { return nil }
        return alertDiagnosis(alert.description, connection: connection, stage: .finished)
    }
}
