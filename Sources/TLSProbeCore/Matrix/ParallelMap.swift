/// Runs `work` for every item on up to `concurrency` threads and returns the results in the
/// items' order. Every piece of work bounds its own waits (a deadline), so the whole map does.
func parallelMap<Item: Sendable, Result: Sendable>(_ items: [Item], concurrency: Int, _ work: @escaping @Sendable (Item) -> Result) -> [Result] {
    guard items.count > 1, concurrency > 1 else { return items.map(work) }
    let slots = MatrixSlots<Result>(count: items.count)
    let workers = min(concurrency, items.count)
    for worker in 0..<workers {
        let body: @Sendable () -> Void = {
            var index = worker
            while index < items.count {
                slots.set(index, work(items[index]))
                index += workers
            }
            slots.workerDone()
        }
        if !startDetachedThread(name: "tlsprobe-matrix", body) { body() }
    }
    return slots.waitForAll(workers: workers)
}

private final class MatrixSlots<Result: Sendable>: @unchecked Sendable {
    private let lock = ConditionLock()
    private var slots: [Result?]
    private var finished = 0

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ result: Result) { lock.withLock { slots[index] = result } }

    func workerDone() {
        lock.withLock { finished += 1 }
        lock.broadcast()
    }

    func waitForAll(workers: Int) -> [Result] {
        lock.lock()
        defer { lock.unlock() }
        while finished < workers { lock.wait() }
        return slots.map { $0! }
    }
}
