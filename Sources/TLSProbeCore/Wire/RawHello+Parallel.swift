extension RawHello {
    /// Offers each spec on its own connection, up to `concurrency` at a time, and returns the
    /// results in the order of `specs`. Every connection is bounded by `deadline`, so the whole
    /// batch is too; a stalling server costs one deadline, not one per offer.
    public static func offerAll(_ specs: [ClientHelloSpec], to address: SocketAddress, deadline: Deadline, concurrency: Int = 8) -> [RawHelloResult] {
        guard specs.count > 1 else { return specs.map { offer($0, to: address, deadline: deadline) } }
        let slots = ResultSlots(count: specs.count)
        let workers = min(max(1, concurrency), specs.count)
        for worker in 0..<workers {
            let work: @Sendable () -> Void = {
                var index = worker
                while index < specs.count {
                    slots.set(index, offer(specs[index], to: address, deadline: deadline))
                    index += workers
                }
                slots.workerDone()
            }
            // No thread to be had: do this worker's share here.
            if !startDetachedThread(name: "tlsprobe-raw", work) { work() }
        }
        return slots.waitForAll(workers: workers)
    }
}

/// Slots filled from several threads, and a count of finished workers.
private final class ResultSlots: @unchecked Sendable {
    private let lock = ConditionLock()
    private var slots: [RawHelloResult?]
    private var finished = 0

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ result: RawHelloResult) {
        lock.withLock { slots[index] = result }
    }

    func workerDone() {
        lock.withLock { finished += 1 }
        lock.broadcast()
    }

    func waitForAll(workers: Int) -> [RawHelloResult] {
        lock.lock()
        defer { lock.unlock() }
        while finished < workers { lock.wait() }
        return slots.map { $0! }
    }
}
