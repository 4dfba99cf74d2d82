/// How a fleet run is carried out.
public struct FleetConfiguration: Sendable {
    /// Worker threads, each running one blocking probe at a time.
    public var jobs = 16
    /// Print results in input order (through a bounded reorder window) rather than as they finish.
    public var ordered = true
    /// Stop starting new probes after the first failing result is printed.
    public var failFast = false
    /// At most this many targets are started ahead of the oldest unprinted one, so the buffered
    /// reports stay bounded however long the list. Defaults to max(4 × jobs, 64).
    public var window: Int?

    public init(jobs: Int = 16, ordered: Bool = true, failFast: Bool = false, window: Int? = nil) {
        self.jobs = jobs
        self.ordered = ordered
        self.failFast = failFast
        self.window = window
    }

    var effectiveWindow: Int { max(window ?? max(4 * jobs, 64), jobs, 1) }
}

/// One finished probe, with its 0-based position among the run's targets.
public struct FleetResult: Sendable {
    public let index: Int
    public let report: ProbeReport
}

/// What a whole run came to.
public struct FleetOutcome: Sendable {
    /// Results handed to `emit`.
    public var emitted = 0
    /// Emitted results with a non-zero exit code.
    public var failures = 0
    /// The exit code of the first failing target in input order, 0 when none failed.
    public var exitCode: Int32 = 0
    /// A targets-file problem met while streaming (standard input is not scanned ahead).
    public var inputError: ProbeSetupError?
    /// --fail-fast stopped the run before every target was probed.
    public var stoppedEarly = false
}

/// Runs one probe per target on `WorkerThreads` (a probe blocks its thread, so it must not run on
/// Swift's cooperative pool), all sharing one `ProbeEngine` and so one SSL_CTX and
/// trust store. Results are handed to `emit` one at a time, never concurrently.
public final class FleetRunner: @unchecked Sendable {
    // Every mutable property below is guarded by `state`; `sourceLock` serialises reading the
    // source so that the index reserved for a target matches its position in the input.
    private let engine: ProbeEngine
    private let source: FleetSource
    private let configuration: FleetConfiguration
    private let state = ConditionLock()
    private let sourceLock = ConditionLock()
    private var nextIndex = 0
    private var nextToEmit = 0
    private var exhausted = false
    private var stopped = false
    private var pending: [Int: ProbeReport] = [:]
    private var completed = 0
    private var completedFailures = 0
    private var firstFailureIndex = Int.max
    private var outcome = FleetOutcome()
    private var emit: @Sendable (FleetResult) -> Void = { _ in }
    private var progress: @Sendable (_ done: Int, _ failures: Int) -> Void = { _, _ in }

    public init(engine: ProbeEngine, source: FleetSource, configuration: FleetConfiguration) {
        self.engine = engine
        self.source = source
        self.configuration = configuration
    }

    /// Runs every target and returns when all workers are done. `progress` is told of each
    /// completed probe (in completion order); `emit` gets results in the configured order.
    public func run(
        expectedCount: Int? = nil,
        progress: @escaping @Sendable (_ done: Int, _ failures: Int) -> Void = { _, _ in },
        emit: @escaping @Sendable (FleetResult) -> Void
    ) -> FleetOutcome {
        self.emit = emit
        self.progress = progress
        let workers = max(1, min(configuration.jobs, expectedCount ?? configuration.jobs))
        WorkerThreads.run(count: workers, name: "tlsprobe-worker") { [self] _ in work() }
        return state.withLock { outcome }
    }

    private func work() {
        while let (index, target) = nextAssignment() {
            let report = engine.probe(target)
            finish(index, report)
        }
    }

    /// The next target to probe, once the reorder window allows it; nil when the run is over.
    private func nextAssignment() -> (Int, ProbeTarget)? {
        sourceLock.lock()
        defer { sourceLock.unlock() }
        state.lock()
        while !stopped && !exhausted && configuration.ordered && nextIndex >= nextToEmit + configuration.effectiveWindow {
            state.wait()
        }
        if stopped || exhausted {
            state.unlock()
            return nil
        }
        let index = nextIndex
        state.unlock()
        let next: Result<ProbeTarget?, ProbeSetupError>
        do { next = .success(try source.next()) } catch { next = .failure(error) }
        state.lock()
        defer { state.broadcast(); state.unlock() }
        switch next {
        case .success(let target?):
            nextIndex += 1
            return (index, target)
        case .success(nil):
            exhausted = true
            return nil
        case .failure(let error):
            outcome.inputError = error
            stopped = true
            return nil
        }
    }

    private func finish(_ index: Int, _ report: ProbeReport) {
        state.lock()
        defer { state.broadcast(); state.unlock() }
        completed += 1
        if report.exitCode != 0 { completedFailures += 1 }
        progress(completed, completedFailures)
        guard configuration.ordered else {
            deliver(index, report)
            return
        }
        pending[index] = report
        while let next = pending.removeValue(forKey: nextToEmit) {
            deliver(nextToEmit, next)
            nextToEmit += 1
        }
    }

    /// Called with `state` held, so results reach `emit` one at a time.
    private func deliver(_ index: Int, _ report: ProbeReport) {
        if outcome.stoppedEarly { return }  // --fail-fast: nothing after the first failure
        emit(FleetResult(index: index, report: report))
        outcome.emitted += 1
        guard report.exitCode != 0 else { return }
        outcome.failures += 1
        if index < firstFailureIndex {
            firstFailureIndex = index
            outcome.exitCode = report.exitCode
        }
        if configuration.failFast {
            outcome.stoppedEarly = true
            stopped = true
        }
    }
}
