/// app: after Finished, one exchange in the target's own protocol shows that the service behind
/// TLS answers, as the http stage does for HTTPS: MQTT CONNECT and CONNACK, the WebSocket
/// upgrade, EHLO / CAPABILITY / CAPA / FEAT, XMPP stream features, LDAP WhoAmI, a PostgreSQL
/// StartupMessage. Like http, its first word from the server settles the finished stage.
struct AppStage: ProbeStage {
    static let name = StageName.app

    init?(for context: ProbeContext) {
        guard context.appProtocol.application != .http else { return nil }
    }

    func run(_ context: ProbeContext) -> StageOutcome {
        exchange(context)
        return .stop
    }

    /// What one protocol's exchange produced.
    private struct Outcome {
        var summary: String
        var details = DialogueDetails()
        var diagnoses: [Diagnosis] = []
        var status = StageStatus.ok
    }

    private func exchange(_ context: ProbeContext) {
        guard let socket = context.socket, let connection = context.connection, context.learned.pendingFinished != nil else { return }
        let appProtocol = context.appProtocol
        let options = context.options
        let target = context.target
        let deadline = context.deadline
        let mark = Deadline.now
        let channel = TLSChannel(connection: connection, socket: socket)
        var runner = DialogueRunner()
        let implicit = appProtocol.upgrade == .implicit
        var failure: DialogueFailure?
        var outcome = Outcome(summary: "")
        var goodbye: [UInt8]?
        switch appProtocol.application {
        case .http:
            return
        case .mqtt:
            let settings = options.mqtt
            let clientID = settings.clientID ?? "tlsprobe-" + String(UInt32.random(in: 0...UInt32.max), radix: 16)
            var dialogue = MQTTDialogue(version: settings.version, clientID: clientID, user: settings.user ?? target.user, password: settings.password)
            failure = runner.run(&dialogue, over: channel, deadline: deadline)
            if failure == nil, let result = dialogue.result { outcome = Self.mqttOutcome(result, reason: dialogue.reasonString, context) }
            goodbye = dialogue.result?.kind == .accepted ? MQTTCodec.disconnect : nil
        case .webSocket:
            let hostHeader = (target.host.contains(":") ? "[\(target.host)]" : target.host) + (target.port == 443 ? "" : ":\(target.port)")
            var dialogue = WebSocketDialogue(host: hostHeader, path: target.path, subprotocol: options.webSocketProtocol, userAgent: options.userAgent)
            failure = runner.run(&dialogue, over: channel, deadline: deadline)
            if failure == nil, let head = dialogue.head { outcome = Self.webSocketOutcome(head, acceptMatches: dialogue.acceptMatches, requestLine: "GET \(target.path) HTTP/1.1", context) }
        case .smtp:
            var dialogue = SMTPDialogue(mode: .afterTLS(expectGreeting: implicit))
            failure = runner.run(&dialogue, over: channel, deadline: deadline)
            outcome = Self.capabilityOutcome(command: "EHLO", greeting: dialogue.greeting, capabilities: dialogue.capabilities, startTLSKeyword: "STARTTLS", context)
            goodbye = SMTPDialogue.goodbye
        case .imap:
            var dialogue = IMAPDialogue(mode: .afterTLS(expectGreeting: implicit))
            failure = runner.run(&dialogue, over: channel, deadline: deadline)
            outcome = Self.capabilityOutcome(command: "CAPABILITY", greeting: dialogue.greeting, capabilities: dialogue.capabilities, startTLSKeyword: "STARTTLS", context)
            goodbye = IMAPDialogue.goodbye
        case .pop3:
            var dialogue = POP3Dialogue(mode: .afterTLS(expectGreeting: implicit))
            failure = runner.run(&dialogue, over: channel, deadline: deadline)
            outcome = Self.capabilityOutcome(command: "CAPA", greeting: dialogue.greeting, capabilities: dialogue.capabilities, startTLSKeyword: "STLS", context)
            goodbye = POP3Dialogue.goodbye
        case .ftp:
            var dialogue = FTPDialogue(mode: .afterTLS(expectGreeting: implicit))
            failure = runner.run(&dialogue, over: channel, deadline: deadline)
            outcome = Self.capabilityOutcome(command: "FEAT", greeting: dialogue.greeting, capabilities: dialogue.capabilities, startTLSKeyword: nil, context)
            goodbye = FTPDialogue.goodbye
        case .xmpp:
            var dialogue = XMPPDialogue(mode: .afterTLS, domain: target.host)
            failure = runner.run(&dialogue, over: channel, deadline: deadline)
            outcome = Self.capabilityOutcome(command: "a new stream", greeting: nil, capabilities: dialogue.features, startTLSKeyword: "starttls", context)
            goodbye = Array("</stream:stream>".utf8)
        case .ldap:
            var dialogue = LDAPDialogue(mode: .afterTLS)
            failure = runner.run(&dialogue, over: channel, deadline: deadline)
            let who = dialogue.authzID.map { $0.isEmpty ? "anonymous" : $0 }
            let result = dialogue.resultCode.map { "resultCode \($0) (\(LDAPDialogue.resultName($0)))" } ?? "?"
            outcome = Outcome(summary: "WhoAmI → \(result)\(who.map { ", \($0)" } ?? "")")
            outcome.details.replyCode = dialogue.resultCode
        case .postgres:
            let database = target.path.count > 1 ? String(target.path.dropFirst().prefix { $0 != "?" }) : nil
            var dialogue = PostgresDialogue(mode: .afterTLS, user: target.user ?? "tlsprobe", database: database)
            failure = runner.run(&dialogue, over: channel, deadline: deadline)
            outcome = Self.postgresOutcome(dialogue, context)
            goodbye = PostgresDialogue.terminate
        }
        // A TLS 1.3 server that rejects our (missing) client certificate says so only now; when
        // our first write already failed, its alert may still be unread.
        if failure != nil, runner.bytesReceived == 0, connection.recorder.receivedAlert == nil {
            _ = connection.read(over: socket, deadline: Deadline.after(seconds: 0.2).earlier(deadline))
        }
        // A close with no word at all after a CertificateRequest we could not satisfy is one too.
        var ending = TLSReadResult.transport(.timedOut)
        if case .closed(_, let reset, _)? = failure { ending = .transport(reset ? .reset : .closed) }
        if failure != nil, runner.bytesReceived == 0, let rejection = FinishedStage.rejection(context, connection, ending: ending, after: "our first message") {
            FinishedStage.settle(context, rejection: rejection)
            context.stopReason = "the server rejected the handshake"
            return
        }
        FinishedStage.settle(context, rejection: nil)
        var details = outcome.details
        details.protocolName = appProtocol.label
        details.transcript = runner.log.transcript
        details.bytes = runner.bytesReceived
        details.reply = details.reply ?? runner.log.transcript.last { $0.hasPrefix("S: ") }.map { String($0.dropFirst(3)) }
        if let failure {
            let (diagnosis, summary) = Self.diagnose(failure, context)
            context.complete(StageReport(name: .app, status: .fail, durationMs: context.elapsedMs(since: mark), summary: summary, details: .app(details)), diagnoses: [diagnosis])
            return
        }
        context.complete(StageReport(name: .app, status: outcome.status, durationMs: context.elapsedMs(since: mark), summary: outcome.summary, details: .app(details)), diagnoses: outcome.diagnoses)
        if let goodbye { _ = channel.send(goodbye, deadline: Deadline.after(seconds: 0.2).earlier(deadline)) }
    }

    private static func mqttOutcome(_ result: MQTTConnectResult, reason: String?, _ context: ProbeContext) -> Outcome {
        let code = result.version == .v5 ? MQTTConnectResult.hex(result.code) : String(result.code)
        var outcome = Outcome(summary: "CONNECT \(result.version.label) → CONNACK \(code) (\(result.name))\(reason.map { ", \($0)" } ?? "")")
        outcome.details.replyCode = result.code
        outcome.details.reply = "CONNACK \(code) \(result.name)"
        let facts = ["code": code, "meaning": result.name, "version": result.version.label, "advice": result.advice, "reason": reason ?? "none"]
        switch result.kind {
        case .accepted: break
        case .credentials:
            outcome.summary += ": TLS is fine, the broker wants credentials"
            outcome.diagnoses.append(context.diagnosis(ProtocolDiagnosisID.mqttNotAuthorized, facts))
        case .refused:
            outcome.diagnoses.append(context.diagnosis(ProtocolDiagnosisID.mqttRefused, facts))
        }
        return outcome
    }

    private static func webSocketOutcome(_ head: HTTPResponseHead, acceptMatches: Bool, requestLine: String, _ context: ProbeContext) -> Outcome {
        var outcome = Outcome(summary: "\(requestLine) Upgrade: websocket → \(head.statusLine)")
        outcome.details.request = requestLine
        outcome.details.status = head.status
        outcome.details.reply = head.statusLine
        var facts = ["status": String(head.status), "status_line": head.statusLine]
        if head.status != 101 {
            if let location = head.value("location") { facts["location"] = location }
            outcome.diagnoses.append(context.diagnosis(ProtocolDiagnosisID.webSocketNotUpgraded, facts))
        } else if !acceptMatches {
            facts["accept"] = head.value("sec-websocket-accept") ?? "missing"
            outcome.diagnoses.append(context.diagnosis(ProtocolDiagnosisID.webSocketBadAccept, facts))
        } else if let wanted = context.options.webSocketProtocol {
            let chosen = head.value("sec-websocket-protocol")
            outcome.summary += ", subprotocol \(chosen ?? "none")"
            if chosen?.lowercased() != wanted.lowercased() {
                facts["wanted"] = wanted
                facts["chosen"] = chosen ?? "none"
                outcome.diagnoses.append(context.diagnosis(ProtocolDiagnosisID.webSocketNoSubprotocol, facts))
            }
        }
        return outcome
    }

    private static func capabilityOutcome(command: String, greeting: String?, capabilities: [String], startTLSKeyword: String?, _ context: ProbeContext) -> Outcome {
        let appProtocol = context.appProtocol
        var parts: [String] = []
        if let greeting { parts.append("greeting \(greeting.prefix(50))") }
        let shown = capabilities.prefix(8).map { String($0.prefix(40)) }.joined(separator: " ")
        parts.append("\(command) → \(capabilities.count) \(capabilities.count == 1 ? "capability" : "capabilities")\(capabilities.isEmpty ? "" : ": " + shown + (capabilities.count > 8 ? " …" : ""))")
        var outcome = Outcome(summary: parts.joined(separator: "; "))
        outcome.details.capabilities = capabilities
        // RFC 3207 §4.2 / RFC 2595 §3.1: once TLS is up the server must stop offering the upgrade.
        if let keyword = startTLSKeyword, appProtocol.upgrade == .startTLS,
           capabilities.contains(where: { $0.lowercased() == keyword.lowercased() }) {
            outcome.diagnoses.append(context.diagnosis(ProtocolDiagnosisID.appStartTLSStillOffered, ["protocol": appProtocol.label, "keyword": keyword]))
        }
        return outcome
    }

    private static func postgresOutcome(_ dialogue: PostgresDialogue, _ context: ProbeContext) -> Outcome {
        if let error = dialogue.error {
            var outcome = Outcome(summary: "StartupMessage → ErrorResponse \(error.code): \(error.message.prefix(80)) (TLS is fine)")
            outcome.details.reply = "\(error.code) \(error.message)"
            outcome.diagnoses.append(context.diagnosis(ProtocolDiagnosisID.postgresRejected, ["code": error.code, "message": error.message, "user": dialogue.user, "database": dialogue.database]))
            return outcome
        }
        let method = dialogue.sessionReady ? "no password (trust): session ready" : "\(dialogue.authentication ?? "?")"
        let sslmode = context.report.diagnoses.contains { $0.severity == .error } ? "" : "; libpq sslmode=verify-full accepts this server"
        var outcome = Outcome(summary: "StartupMessage user=\(dialogue.user) → \(dialogue.sessionReady ? method : "server asks for " + method)\(sslmode)")
        outcome.details.reply = method
        return outcome
    }

    private static func diagnose(_ failure: DialogueFailure, _ context: ProbeContext) -> (Diagnosis, String) {
        let options = context.options
        let label = context.appProtocol.label
        var facts = ["protocol": label]
        switch failure {
        case .timedOut(let waitingFor, let bytes):
            facts["waiting_for"] = waitingFor
            facts["seconds"] = format(options.timeout)
            facts["bytes"] = String(bytes)
            return (context.diagnosis(ProtocolDiagnosisID.appTimeout, facts), "TLS is up, but no answer within \(format(options.timeout)) s while waiting for \(waitingFor)")
        case .closed(let waitingFor, let reset, let bytes):
            facts["waiting_for"] = waitingFor
            facts["how"] = reset ? "reset" : "closed"
            facts["bytes"] = String(bytes)
            return (context.diagnosis(ProtocolDiagnosisID.appClosed, facts), "TLS is up, but the server \(reset ? "reset" : "closed") the connection while we waited for \(waitingFor)")
        case .transport(let text):
            facts["waiting_for"] = "a reply"
            facts["how"] = text
            facts["bytes"] = "0"
            return (context.diagnosis(ProtocolDiagnosisID.appClosed, facts), "TLS is up, but the connection failed: \(text)")
        case .tooLarge(let bytes, let limit):
            facts["bytes"] = String(bytes)
            facts["limit"] = "\(limit / 1024) KiB"
            return (context.diagnosis(ProtocolDiagnosisID.appReplyTooLarge, facts), "the \(label) server's reply grew past \(limit / 1024) KiB without ending; stopped reading")
        case .otherProtocol(let detected, let preview):
            facts["detected"] = detected
            facts["preview"] = preview
            return (context.diagnosis(ProtocolDiagnosisID.appWrongProtocol, facts), "expected \(label) inside TLS, the server speaks \(detected): \"\(preview)\"")
        case .unexpected(let reply, let expected):
            facts["reply"] = reply
            facts["expected"] = expected
            return (context.diagnosis(ProtocolDiagnosisID.appUnexpectedReply, facts), "expected \(expected), got \"\(reply)\"")
        case .refused(let reply), .injected(_, let reply):
            facts["reply"] = reply
            facts["expected"] = "the \(label) greeting"
            return (context.diagnosis(ProtocolDiagnosisID.appUnexpectedReply, facts), "\(label) refused the session: \(reply)")
        case .notOffered(let offered):
            facts["reply"] = offered.joined(separator: ", ")
            facts["expected"] = "the \(label) reply"
            return (context.diagnosis(ProtocolDiagnosisID.appUnexpectedReply, facts), "unexpected \(label) reply")
        }
    }
}
