/// The one pool of plain threads for blocking work: fleet probes, the demo's probes, lab servers
/// starting and stopping. A probe blocks its thread for seconds on purpose (timeouts are part of
/// what it measures), so such work must not run on Swift's cooperative pool, which has only as
/// many threads as cores.
public enum WorkerThreads {
    /// Runs `body(worker)` on `count` threads (`worker` is 0..<count) and returns when every one
    /// has returned. A thread the system will not create runs its share on the caller instead,
    /// so no work is lost.
    public static func run(count: Int, name: String, _ body: @escaping @Sendable (_ worker: Int) -> Void) {
        let running = RunningCount(count)
        for worker in 0..<count {
            let started = startDetachedThread(name: "\(name)-\(worker)") {
                body(worker)
                running.finishOne()
            }
            if !started {
                body(worker)
                running.finishOne()
            }
        }
        running.waitForAll()
    }

    /// `body(index)` for every index in `0..<count` on up to `width` threads; `completed(index,
    /// result)` is called (on a worker thread, one call at a time) as each finishes. Returns the
    /// results in index order.
    public static func map<Result: Sendable>(
        count: Int, width: Int, name: String,
        _ body: @escaping @Sendable (Int) -> Result,
        completed: @escaping @Sendable (Int, Result) -> Void = { _, _ in }
    ) -> [Result] {
        let work = WorkList<Result>(count: count)
        run(count: min(max(width, 1), count), name: name) { _ in
            while let index = work.takeNext() {
                work.finish(index, body(index), completed)
            }
        }
        return work.results
    }
}

/// How many of `run`'s threads are still working.
private final class RunningCount: @unchecked Sendable {  // `remaining` is guarded by `lock`
    private let lock = ConditionLock()
    private var remaining: Int

    init(_ count: Int) { remaining = count }

    func finishOne() {
        lock.withLock {
            remaining -= 1
            lock.broadcast()
        }
    }

    func waitForAll() {
        lock.lock()
        while remaining > 0 { lock.wait() }
        lock.unlock()
    }
}

/// The shared to-do cursor and result slots of one `WorkerThreads.map`.
private final class WorkList<Result: Sendable>: @unchecked Sendable {  // `slots`, `next` guarded by `lock`
    private let lock = ConditionLock()
    private var slots: [Result?]
    private var next = 0

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func takeNext() -> Int? {
        lock.withLock {
            guard next < slots.count else { return nil }
            defer { next += 1 }
            return next
        }
    }

    func finish(_ index: Int, _ result: Result, _ completed: (Int, Result) -> Void) {
        lock.withLock {
            slots[index] = result
            completed(index, result)
        }
    }

    var results: [Result] { lock.withLock { slots.map { $0! } } }
}
