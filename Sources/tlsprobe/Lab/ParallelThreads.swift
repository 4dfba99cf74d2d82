import Dispatch
import Synchronization
import TLSProbeCore

/// Runs blocking work (server start-up, probes) on up to `width` dedicated threads. Probes block
/// their thread for seconds on purpose (timeouts are part of the demo), so they must not run on
/// Swift's cooperative pool, which has only as many threads as cores.
enum ParallelThreads {
    /// `body(index)` for every index in `0..<count`; `completed(index, result)` is called (on a
    /// worker thread, one call at a time) as each finishes. Returns the results in index order.
    static func map<Result: Sendable>(
        count: Int, width: Int,
        _ body: @escaping @Sendable (Int) -> Result,
        completed: @escaping @Sendable (Int, Result) -> Void = { _, _ in }
    ) -> [Result] {
        let work = WorkList<Result>(count: count)
        let done = DispatchGroup()
        for _ in 0..<min(max(width, 1), count) {
            done.enter()
            startDetachedThread(name: "tlsprobe-demo") {
                while let index = work.takeNext() {
                    let result = body(index)
                    work.finish(index, result, completed)
                }
                done.leave()
            }
        }
        done.wait()
        return work.results
    }
}

/// The shared to-do cursor and result slots of one `ParallelThreads.map`.
private final class WorkList<Result: Sendable>: Sendable {
    private struct State {
        var results: [Result?]
        var next = 0
    }

    private let state: Mutex<State>
    private let count: Int

    init(count: Int) {
        self.count = count
        state = Mutex(State(results: Array(repeating: nil, count: count)))
    }

    func takeNext() -> Int? {
        state.withLock { state in
            guard state.next < count else { return nil }
            defer { state.next += 1 }
            return state.next
        }
    }

    func finish(_ index: Int, _ result: Result, _ completed: (Int, Result) -> Void) {
        state.withLock { state in
            state.results[index] = result
            completed(index, result)
        }
    }

    var results: [Result] { state.withLock { $0.results.map { $0! } } }
}
