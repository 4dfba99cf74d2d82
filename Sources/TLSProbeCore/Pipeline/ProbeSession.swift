import Foundation

/// The state of one probe while it runs: the report being built, the deadline, and the stages
/// emitted so far. Confined to the probe's thread.
final class ProbeSession {
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

    var socket: TCPSocket?
    /// The address the probe connected to; follow-up probes reuse it.
    var connectedAddress: SocketAddress?
    var connection: TLSConnection?
    /// Set once the probe cannot go on; later stages are then listed as skipped with this reason.
    var stopReason: String?
    /// A weak cipher was chosen: server_hello waits for a retry with a normal client's offer.
    var deferServerHello = false
    /// Diagnoses about the chosen cipher, reported with server_hello.
    var cipherDiagnoses: [Diagnosis] = []
    /// Set when the handshake succeeded and the finished stage waits for the HTTP exchange.
    var pendingFinished: (handshakeMs: Double, session: NegotiatedSession)?

    init(engine: ProbeEngine, target: ProbeTarget, observer: (@Sendable (StageReport) -> Void)?) {
        self.engine = engine
        self.target = target
        self.options = engine.options
        self.observer = observer
        deadline = Deadline.after(seconds: engine.options.timeout)
        verifyName = target.host
        connectHost = target.connectTo ?? engine.options.connectTo ?? target.host
        if !engine.options.sendSNI {
            serverName = nil
        } else if let explicit = target.sni ?? engine.options.sniOverride {
            serverName = explicit
        } else {
            // RFC 6066: SNI carries host names only, never IP literals.
            serverName = target.isIPLiteral ? nil : target.host
        }
        var info = TargetInfo(input: target.input, host: target.host, port: target.port, path: target.path, sni: serverName)
        info.connectAddress = nil
        report = ProbeReport(target: info)
        report.startedAt = RFC3339.string(startDate)
        report.client = engine.options.clientProfile.name
        report.verification.trustStore = engine.trustStoreLabel
    }

    func run() {
        if let proxy = proxyRoute {
            guard openTunnel(through: proxy) else { return }
        } else {
            guard let addresses = resolve() else { return }
            guard connect(to: addresses) else { return }
        }
        guard handshake() else { return }
        exchangeHTTP()
    }

    /// Records a stage with its diagnoses; its status follows from the worst of them.
    func complete(_ stage: StageReport, diagnoses: [Diagnosis] = []) {
        var stage = stage
        if stage.status != .skipped {
            if diagnoses.contains(where: { $0.severity == .error }) { stage.status = .fail }
            else if diagnoses.contains(where: { $0.severity == .warning }) && stage.status == .ok { stage.status = .warning }
        }
        report.stages.append(stage)
        report.diagnoses += diagnoses
        observer?(stage)
    }

    func hasCompleted(_ name: StageName) -> Bool { report.stages.contains { $0.name == name } }

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

    func finish() -> ProbeReport {
        // Every stage is listed, in order; the ones that did not run say why.
        let reason = stopReason ?? "not run"
        let order = stageOrder
        for name in order where !hasCompleted(name) {
            report.stages.append(.skipped(name, reason: reason))
        }
        report.stages.sort { (order.firstIndex(of: $0.name) ?? order.count) < (order.firstIndex(of: $1.name) ?? order.count) }
        socket?.close()
        judgeAsClientProfile()
        connection = nil
        Verdict.apply(to: &report, options: options)
        report.durationMs = StageReport.rounded(elapsedMs(since: start))
        return report
    }
}
