import FoundationEssentials

/// What the stages of one probe share and hand on: the report being built, the deadline, the
/// socket and TLS connection once they exist, and what earlier stages learned. Confined to the
/// probe's thread; built by `ProbePipeline`, read and extended by each `ProbeStage`.
final class ProbeContext {
    let engine: ProbeEngine
    let target: ProbeTarget
    let options: ProbeOptions
    let observer: (@Sendable (StageReport) -> Void)?
    let start = Deadline.now
    let deadline: Deadline
    let startDate = Date()
    var report: ProbeReport
    /// The name sent as SNI (nil when none).
    let serverName: String?
    /// The name the certificate must match and the Host header carries.
    let verifyName: String
    let connectHost: String
    /// The HTTP proxy this probe tunnels through, or nil for a direct connection.
    let proxy: ProxyEndpoint?

    // Handed on by dns → tcp.
    var addresses: [SocketAddress] = []
    // Handed on by tcp (and proxy) to the TLS stages.
    var socket: TCPSocket?
    /// The address the tcp stage connected to (the proxy's, with a proxy).
    var connectedAddress: SocketAddress?
    // Handed on by client_hello to the later TLS stages.
    var connection: TLSConnection?
    var handshake: HandshakeOutcome?

    /// What the stages learned that a later stage reports.
    var learned = Learned()

    /// Set once the probe cannot go on; later stages are then listed as skipped with this reason.
    var stopReason: String?

    struct Learned {
        /// A weak cipher was chosen: server_hello waits for a retry with a normal client's offer.
        var deferServerHello = false
        /// True when the chain verified, the name matched and policy found no error.
        var certificateAcceptable = false
        /// Set when the handshake succeeded and the finished stage waits for the server's first word.
        var pendingFinished: (handshakeMs: Double, session: NegotiatedSession)?
        /// Found with raw ClientHellos (handshake.intolerance, cipher.cbc …), reported with server_hello.
        var wireDiagnoses: [Diagnosis] = []
        /// The stapled OCSP response's verdict, judged by finished before anything is sent.
        var staple: StapledOCSPJudgement?
        /// The strict pass's findings with their rules, for a strict `--client` profile.
        var strictFindings: [StrictFinding] = []
        /// Follow-ups a server that serves one connection at a time (s_server -www, botan
        /// tls_server, many devices) could not answer while ours was open: run once it is closed.
        var afterConnection: [(ProbeContext) -> Void] = []
    }

    init(engine: ProbeEngine, target: ProbeTarget, observer: (@Sendable (StageReport) -> Void)?) {
        self.engine = engine
        self.target = target
        self.options = engine.options
        self.observer = observer
        deadline = Deadline.after(seconds: engine.options.timeout)
        verifyName = target.host
        connectHost = target.connectTo ?? engine.options.connectTo ?? target.host
        // NO_PROXY is matched against the target's name, as curl matches the URL's host.
        proxy = engine.options.proxy.route(for: target.host)
        if !engine.options.sendSNI {
            serverName = nil
        } else if let explicit = target.sni ?? engine.options.sniOverride {
            serverName = explicit
        } else {
            // RFC 6066: SNI carries host names only, never IP literals.
            // Mbed TLS sends whatever host it is given as SNI, an IP address too (ssl_write_hostname_ext).
            serverName = target.isIPLiteral && !options.clientProfile.sendsSNIForIPAddress ? nil : target.host
        }
        var info = TargetInfo(input: target.input, host: target.host, port: target.port, path: target.path, sni: serverName)
        info.appProtocol = (engine.options.startTLSOverride ?? target.appProtocol).rawValue
        report = ProbeReport(target: info)
        report.startedAt = RFC3339.string(startDate)
        report.expiryThresholds = ExpiryThresholds(warnDays: engine.options.warnDays, failDays: engine.options.failDays)
        report.client = engine.options.clientProfile.name
        report.verification.trustStore = engine.trustStoreLabel
    }

    /// Records a stage with its diagnoses; its status follows from them (`StageStatus.settled`).
    func complete(_ stage: StageReport, diagnoses: [Diagnosis] = []) {
        var stage = stage
        stage.status = stage.status.settled(by: diagnoses.map(\.severity))
        report.stages.append(stage)
        report.diagnoses += diagnoses
        observer?(stage)
    }

    /// Records a stage that failed: `failure` settled by its follow-up steps. A stage already
    /// recorded (shown live) takes the diagnosis and fails.
    func fail(_ failure: StageFailure) {
        let (stage, summary, found) = settle(failure)
        if let index = report.stages.firstIndex(where: { $0.name == stage }) {
            // The stage may have found it already (a certificate list tlsprobe cut): not twice.
            if !report.diagnoses.contains(where: { $0.id == found.id && $0.summary == found.summary }) { report.diagnoses.append(found) }
            report.stages[index].status = .fail
            return
        }
        var details = StageDetails.none
        // --verbose: what was exchanged before a handshake that got no ServerHello (often only
        // our ClientHello), so `-v` can say what was sent and that nothing came back.
        if options.verbose, stage == .serverHello, let log = connection?.recorder.messageLog() {
            var hello = ServerHelloDetails()
            hello.messages = log
            details = .serverHello(hello)
        }
        complete(StageReport(name: stage, status: .fail, summary: summary, details: details), diagnoses: [found])
    }

    func hasCompleted(_ name: StageName) -> Bool { report.stages.contains { $0.name == name } }

    /// Replaces a recorded diagnosis (a follow-up answered late) and settles its stage again from
    /// its diagnoses, for a stage recorded as ok with its findings (server_hello); a stage whose
    /// status changed is shown again.
    func revise(_ id: String, at stage: StageName, with replacements: [Diagnosis]) {
        guard let index = report.diagnoses.firstIndex(where: { $0.id == id && $0.stage == stage }) else { return }
        report.diagnoses.replaceSubrange(index...index, with: replacements)
        guard let stageIndex = report.stages.firstIndex(where: { $0.name == stage }), report.stages[stageIndex].status != .skipped else { return }
        let after = StageStatus.ok.settled(by: report.diagnoses.filter { $0.stage == stage }.map(\.severity))
        guard after != report.stages[stageIndex].status else { return }
        report.stages[stageIndex].status = after
        observer?(report.stages[stageIndex])
    }

    /// Facts every diagnosis may use.
    func facts(_ extra: [String: String] = [:]) -> [String: String] {
        var all = ["host": target.host, "port": String(target.port)]
        all.merge(extra) { _, new in new }
        return all
    }

    func diagnosis(_ id: String, _ extra: [String: String] = [:], depth: Int? = nil, openssl: String? = nil, stage: StageName? = nil) -> Diagnosis {
        Diagnosis(id: id, facts: facts(extra), depth: depth, opensslDetail: openssl, stageOverride: stage)
    }

    func elapsedMs(since mark: Deadline) -> Double { Deadline.millisecondsSince(mark) }

    /// "TLS 1.2–1.3": the versions the main offer spans.
    var offeredVersionsLabel: String {
        let offer = engine.context.offer
        return offer.minVersion == offer.maxVersion ? offer.minVersion.label : "\(offer.minVersion.label)–\(offer.maxVersion.rawValue)"
    }
}

/// What client_hello's handshake hands on to server_hello, certificate, key_exchange, finished.
struct HandshakeOutcome {
    var result: TLSStepResult
    var handshakeMs: Double
    /// The negotiated parameters; nil when the handshake did not complete.
    var session: NegotiatedSession?
}
