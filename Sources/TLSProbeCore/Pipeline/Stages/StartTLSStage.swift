/// starttls: the plaintext dialogue between tcp (or proxy) and client_hello for the protocols
/// that upgrade an existing connection (SMTP, IMAP, POP3, FTP, XMPP, LDAP, PostgreSQL): the
/// greeting, the capability list, the upgrade request and its answer. The dialogues themselves
/// are state machines in AppProtocols/; this stage runs one over the socket and judges it.
struct StartTLSStage: ProbeStage {
    static let name = StageName.starttls

    init?(for context: ProbeContext) {
        guard context.appProtocol.upgrade == .startTLS else { return nil }
    }

    func run(_ context: ProbeContext) -> StageOutcome {
        negotiate(context) ? .proceed : .stop
    }

    /// Runs the upgrade dialogue; true when TLS may begin.
    private func negotiate(_ context: ProbeContext) -> Bool {
        let appProtocol = context.appProtocol
        let target = context.target
        guard let socket = context.socket else { return false }
        let mark = Deadline.now
        // Silence may mean an implicit-TLS port waiting for our ClientHello: keep a little of
        // the deadline for the follow-up handshake that finds out.
        let reserve = min(1.5, context.options.timeout * 0.25)
        let dialogueDeadline = Deadline.after(seconds: max(0, context.deadline.remainingSeconds - reserve))
        var details = DialogueDetails()
        details.protocolName = appProtocol.label
        guard let upgrade = StartTLSUpgrade.run(appProtocol, domain: target.host, over: socket, deadline: dialogueDeadline) else { return true }
        var runner = upgrade.runner
        var failure = upgrade.failure
        details.capabilities = upgrade.capabilities
        let greeting = upgrade.greeting
        // The go-ahead must be the last plaintext byte: anything after it would be taken for
        // TLS-protected data by a client that keeps its buffer (the STARTTLS injection class).
        var leftover = runner.leftover
        if failure == nil, leftover.isEmpty, case .data(let more) = socket.receive(limit: 4096, deadline: Deadline.now) {
            leftover = more
        }
        if failure == nil, !leftover.isEmpty {
            failure = .injected(bytes: leftover.count, preview: SafeText.escape(bytes: leftover.prefix(60)))
            runner.log.server(SafeText.escape(bytes: leftover.prefix(120)) + " (after the go-ahead)")
        }
        details.transcript = runner.log.transcript
        details.bytes = runner.bytesReceived
        let lastReply = runner.log.transcript.last { $0.hasPrefix("S: ") }.map { String($0.dropFirst(3)) }
        details.reply = lastReply
        guard let failure else {
            var summary = "\(appProtocol.label)"
            if let greeting { summary += " \(greeting.prefix(60))" }
            summary += "; \(appProtocol.startTLSCommand) → \(lastReply ?? "go ahead")"
            context.complete(StageReport(name: .starttls, status: .ok, durationMs: context.elapsedMs(since: mark), summary: summary, details: .starttls(details)))
            return true
        }
        let waited = context.elapsedMs(since: mark)
        let (diagnosis, summary) = Self.diagnose(failure, greeting: greeting, waitedSeconds: waited / 1000, context)
        // Silence, or a close in answer to our first message: is the port implicit TLS?
        var followUps: [any FollowUpStep] = []
        switch failure {
        case .timedOut(_, 0), .closed(_, _, 0): followUps = [ImplicitTLSStep()]
        default: break
        }
        let settled = context.settle(StageFailure(.starttls, summary, diagnosis, followUps: followUps))
        context.complete(StageReport(name: .starttls, status: .fail, durationMs: waited, summary: settled.summary, details: .starttls(details)), diagnoses: [settled.diagnosis])
        context.stopReason = "the STARTTLS upgrade failed"
        return false
    }

    private static func diagnose(_ failure: DialogueFailure, greeting: String?, waitedSeconds: Double, _ context: ProbeContext) -> (Diagnosis, String) {
        let appProtocol = context.appProtocol
        let label = appProtocol.label
        var facts = ["protocol": label, "command": appProtocol.startTLSCommand, "scheme": appProtocol.scheme,
                     "implicit": implicitAlternative(appProtocol)]
        switch failure {
        case .notOffered(let offered):
            facts["offered"] = offered.isEmpty ? "nothing" : offered.joined(separator: ", ")
            return (context.diagnosis(ProtocolDiagnosisID.startTLSNotOffered, facts), "\(label) server does not offer \(appProtocol.startTLSCommand.components(after: " + ")); it offered: \(facts["offered"]!)")
        case .refused(let reply):
            facts["reply"] = reply
            if appProtocol == .postgres {
                return (context.diagnosis(ProtocolDiagnosisID.postgresNoSSL, facts), "PostgreSQL answered 'N' to SSLRequest: TLS is off on this server")
            }
            return (context.diagnosis(ProtocolDiagnosisID.startTLSRefused, facts), "\(label) refused the upgrade: \(reply)")
        case .otherProtocol(let detected, let preview):
            facts["detected"] = detected
            facts["preview"] = preview
            if detected.hasPrefix("TLS") {
                facts["evidence"] = "it answered our first message with a TLS record (\(preview))"
                return (context.diagnosis(ProtocolDiagnosisID.startTLSImplicitTLS, facts), "the server started TLS at once (implicit TLS), not \(label)")
            }
            return (context.diagnosis(ProtocolDiagnosisID.startTLSWrongProtocol, facts), "expected \(label), the server speaks \(detected): \"\(preview)\"")
        case .unexpected(let reply, let expected):
            facts["reply"] = reply
            facts["expected"] = expected
            return (context.diagnosis(ProtocolDiagnosisID.startTLSUnexpectedReply, facts), "expected \(expected), got \"\(reply)\"")
        case .timedOut(let waitingFor, let bytes):
            let seconds = format((waitedSeconds * 10).rounded() / 10)
            facts["waiting_for"] = waitingFor
            facts["seconds"] = seconds
            facts["bytes"] = String(bytes)
            if bytes == 0 && greeting == nil && waitingFor.contains("greeting") {
                return (context.diagnosis(ProtocolDiagnosisID.startTLSNoGreeting, facts), "no \(label) greeting within \(seconds) s")
            }
            return (context.diagnosis(ProtocolDiagnosisID.startTLSTimeout, facts), "no answer within \(seconds) s while waiting for \(waitingFor)")
        case .closed(let waitingFor, let reset, let bytes):
            facts["waiting_for"] = waitingFor
            facts["how"] = reset ? "reset" : "closed"
            facts["bytes"] = String(bytes)
            return (context.diagnosis(ProtocolDiagnosisID.startTLSClosed, facts), "the server \(reset ? "reset" : "closed") the connection while we waited for \(waitingFor)")
        case .tooLarge(let bytes, let limit):
            facts["bytes"] = String(bytes)
            facts["limit"] = "\(limit / 1024) KiB"
            return (context.diagnosis(ProtocolDiagnosisID.startTLSReplyTooLarge, facts), "the \(label) server's reply grew past \(limit / 1024) KiB without ending; stopped reading")
        case .injected(let bytes, let preview):
            facts["bytes"] = String(bytes)
            facts["preview"] = preview
            return (context.diagnosis(ProtocolDiagnosisID.startTLSInjection, facts), "\(bytes) bytes of plaintext arrived after the go-ahead, before TLS: \"\(preview)\"")
        case .transport(let text):
            facts["waiting_for"] = "the dialogue"
            facts["how"] = text
            facts["bytes"] = "0"
            return (context.diagnosis(ProtocolDiagnosisID.startTLSClosed, facts), "connection failed during the \(label) dialogue: \(text)")
        }
    }

    /// Where the same service speaks TLS at once.
    static func implicitAlternative(_ appProtocol: AppProtocol) -> String {
        switch appProtocol {
        case .smtp: "smtps:// (port 465)"
        case .imap: "imaps:// (port 993)"
        case .pop3: "pop3s:// (port 995)"
        case .ftp: "ftps:// (port 990)"
        case .ldap: "ldaps:// (port 636)"
        case .xmpp: "direct TLS on port 5223 (XEP-0368)"
        case .postgres: "direct TLS (PostgreSQL 17, sslnegotiation=direct)"
        default: "\(appProtocol.scheme)://"
        }
    }
}

extension ProbeContext {
    /// The protocol this probe speaks: `--starttls` wins over the target's scheme.
    var appProtocol: AppProtocol { options.startTLSOverride ?? target.appProtocol }

    /// The ALPN list for this probe: --alpn (or the client profile's) for HTTP-family
    /// protocols, and for the others the protocol's own default unless --alpn was given.
    var effectiveALPN: [String] {
        if options.alpnExplicit { return options.alpn }
        switch appProtocol.application {
        case .http, .webSocket: return options.alpn
        default: return options.clientProfile.isOpenSSLDefault ? appProtocol.defaultALPN : options.alpn
        }
    }

    /// `--client esp-idf mqtts://…`: what esp-mqtt puts in its ClientHello, noted with it.
    func noteEmbeddedApplicationClient() {
        guard appProtocol.application == .mqtt, !options.clientProfile.isOpenSSLDefault else { return }
        let alpn = effectiveALPN.isEmpty ? "no ALPN (broker.verification.alpn_protos unset)" : "ALPN \(effectiveALPN.joined(separator: ","))"
        report.diagnoses.append(diagnosis(ProtocolDiagnosisID.mqttEmbeddedClient, [
            "client": options.clientProfile.name, "sni": serverName ?? "none (an IP address)", "alpn": alpn,
        ]))
    }
}

extension String {
    /// The part after the last `separator` ("EHLO + STARTTLS" → "STARTTLS").
    func components(after separator: String) -> String {
        guard let range = ranges(of: separator).last else { return self }
        return String(self[range.upperBound...])
    }
}
