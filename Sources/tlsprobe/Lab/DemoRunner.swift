import FoundationEssentials
import Synchronization
import TLSProbeCore
import TLSProbeLab

/// One scenario of the demo: what the probe said and whether that kept the scenario's promise,
/// or why its server could not start (which fails the demo too).
struct DemoResult: Sendable {
    let scenario: LabScenario
    let report: ProbeReport?
    let check: LabScenarioCheck?
    let startError: String?

    var passed: Bool { check?.passed ?? false }
}

/// Starts the scenarios, probes them in parallel and reports each result in scenario order as
/// soon as it and every one before it are done (so the table streams, in a stable order).
struct DemoRunner {
    let scenarios: [LabScenario]
    /// Receives the lab root for --cacert; created here, removed by the caller.
    let directory: URL

    /// Probes run on this many threads: most take milliseconds, a few wait out a timeout.
    static let probeThreads = 8

    func run(_ report: @escaping @Sendable (DemoResult) -> Void) throws -> [DemoResult] {
        let pki = try LabPKI.standard()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try pki.write(to: directory)
        let engine = try ProbeEngine(options: Self.options(rootPath: directory.appending(path: "root.pem").path))
        let scenarios = self.scenarios
        let emitter = OrderedEmitter(count: scenarios.count, report)
        // Each worker starts a scenario's server, probes it and stops it: slow starts (RSA-4096
        // key generation) overlap with other scenarios' probes instead of delaying them all.
        return WorkerThreads.map(count: scenarios.count, width: Self.probeThreads, name: "tlsprobe-demo") { index in
            let scenario = scenarios[index]
            do {
                let server = try scenario.make(pki)
                defer { server.stop() }
                let probe = engine.probe(try ProbeTarget.parse("\(scenario.host):\(server.port)"))
                return DemoResult(scenario: scenario, report: probe, check: LabScenarioCheck(scenario: scenario, report: probe), startError: nil)
            } catch {
                return DemoResult(scenario: scenario, report: nil, check: nil, startError: "\(error)")
            }
        } completed: { index, result in
            emitter.finished(index, result)
        }
    }

    /// What a user probing the lab would pass: trust the lab root, connect to loopback whatever
    /// the name, and deadlines short enough that the stalling scenarios take seconds, not tens.
    static func options(rootPath: String) -> ProbeOptions {
        var options = ProbeOptions()
        options.trust = .file(rootPath)
        options.connectTo = LabListenAddress.loopback.host
        options.timeout = 4
        options.connectTimeout = 2
        return options
    }
}

/// Hands results on in index order: a result waits until every earlier one has been handed on.
final class OrderedEmitter: Sendable {
    private let state: Mutex<(next: Int, waiting: [Int: DemoResult])>
    private let emit: @Sendable (DemoResult) -> Void

    init(count: Int, _ emit: @escaping @Sendable (DemoResult) -> Void) {
        state = Mutex((next: 0, waiting: [:]))
        self.emit = emit
    }

    func finished(_ index: Int, _ result: DemoResult) {
        state.withLock { state in
            state.waiting[index] = result
            while let ready = state.waiting.removeValue(forKey: state.next) {
                emit(ready)
                state.next += 1
            }
        }
    }
}
