import FoundationEssentials

/// client_hello: what we offered. The TLS handshake starts here: OpenSSL drives the whole
/// exchange in one call, so this stage runs it, shows each TLS stage as soon as its message has
/// crossed the wire (`ProbeStage.observe`), and hands on `connection` and `handshake` to the
/// stages after it. A handshake that fails is diagnosed here (`HandshakeFailure`).
struct ClientHelloStage: ProbeStage {
    static let name = StageName.clientHello

    init?(for context: ProbeContext) {}

    func run(_ context: ProbeContext) -> StageOutcome { run(context, retry: nil) }

    private func run(_ context: ProbeContext, retry: HandshakeRetry?) -> StageOutcome {
        guard let socket = context.socket else { return .stop }
        context.noteEmbeddedApplicationClient()
        let connection: TLSConnection
        do {
            connection = try TLSConnection(context: retry?.context ?? context.engine.context, serverName: context.serverName, verifyName: context.verifyName,
                                           alpn: retry == nil ? context.effectiveALPN : [], start: Deadline.now,
                                           requestOCSPStaple: retry == nil, padHello: retry?.padHello ?? false)
        } catch {
            context.report.diagnoses.append(context.diagnosis(DiagnosisID.internalError, ["detail": String(describing: error)]))
            context.stopReason = "internal error"
            return .stop
        }
        context.connection = connection
        let handshakeStart = Deadline.now
        connection.onProgress = { [unowned context, unowned connection] in Self.observeAll(context, connection) }
        // A server (or middlebox) silent after our hello may be dropping it: past half the time,
        // ask whether a plain hello is answered, and keep waiting if not (Handshake/IntoleranceRetry).
        var result = connection.handshake(over: socket, deadline: retry == nil ? context.patienceForFirstAnswer : context.deadline)
        if retry == nil, context.silentSinceHello(result, connection: connection) {
            if let plain = context.retryWithPlainHello(after: result, connection: connection) {
                connection.onProgress = nil
                return run(context, retry: plain)
            }
            result = connection.handshake(over: socket, deadline: context.deadline)
        }
        connection.onProgress = nil
        Self.observeAll(context, connection)
        guard case .completed = result else {
            // Our permissive hello may itself be the cause: retry once with a plain one (Handshake/IntoleranceRetry).
            if retry == nil, !result.isTimeout, let plain = context.retryWithPlainHello(after: result, connection: connection) { return run(context, retry: plain) }
            context.handshake = HandshakeOutcome(result: result, handshakeMs: context.elapsedMs(since: handshakeStart), session: nil)
            context.fail(HandshakeFailure.diagnose(result, connection: connection, context: context))
            return .stop
        }
        let session = connection.negotiatedSession()
        let handshakeMs = context.elapsedMs(since: handshakeStart)
        context.handshake = HandshakeOutcome(result: result, handshakeMs: handshakeMs, session: session)
        context.report.tls = TLSSummary(session, handshakeMs: handshakeMs)
        return .proceed
    }

    /// Lets every TLS stage that can be shown mid-handshake look at the transcript so far.
    private static func observeAll(_ context: ProbeContext, _ connection: TLSConnection) {
        for stage in ProbePipeline.stageTypes { stage.observe(context, connection) }
    }

    static func observe(_ context: ProbeContext, _ connection: TLSConnection) {
        guard !context.hasCompleted(.clientHello), let (message, _) = connection.recorder.firstHandshake(HandshakeType.clientHello, sent: true) else { return }
        var details = ClientHelloDetails()
        details.bytes = message.size
        guard let facts = HelloParser.clientHello(message.bytes) else {
            context.complete(StageReport(name: .clientHello, status: .ok, summary: "sent (\(message.size) bytes)", details: .clientHello(details)))
            return
        }
        details.offeredVersions = facts.versions
        details.cipherSuitesOffered = facts.cipherSuiteCount
        details.groupsOffered = facts.groups
        details.signatureAlgorithmsOffered = facts.signatureAlgorithmCount
        details.sni = facts.serverName
        details.alpnOffered = facts.alpn
        let versions = facts.versions.count > 1 ? "\(facts.versions.first!)–\(facts.versions.last!.replacingEvery("TLS ", with: ""))" : (facts.versions.first ?? "?")
        var parts = [versions, "\(facts.cipherSuiteCount) suites", "\(facts.groups.count) groups"]
        parts.append(facts.serverName.map { "SNI \($0)" } ?? "no SNI")
        if !facts.alpn.isEmpty { parts.append("ALPN \(facts.alpn.joined(separator: ","))") }
        context.complete(StageReport(name: .clientHello, status: .ok, summary: parts.joined(separator: ", "), details: .clientHello(details)))
    }
}

extension TLSSummary {
    init(_ session: NegotiatedSession, handshakeMs milliseconds: Double) {
        self.init()
        version = session.version
        cipher = session.cipher
        cipherIANA = session.cipherIANA
        group = session.group
        dhBits = session.dhBits
        forwardSecrecy = session.forwardSecrecy
        alpn = session.alpn
        signatureAlgorithm = session.signatureAlgorithm
        sessionResumed = session.resumed
        ocspStapled = session.ocspStapled
        handshakeMs = milliseconds
    }
}
