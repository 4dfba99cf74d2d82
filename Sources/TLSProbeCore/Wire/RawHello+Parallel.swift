import Foundation

extension RawHello {
    /// Offers each spec on its own connection, up to `concurrency` at a time, and returns the
    /// results in the order of `specs`. Every connection is bounded by `deadline`, so the whole
    /// batch is too; a stalling server costs one deadline, not one per offer.
    public static func offerAll(_ specs: [ClientHelloSpec], to address: SocketAddress, deadline: Deadline, concurrency: Int = 8) -> [RawHelloResult] {
        guard specs.count > 1 else { return specs.map { offer($0, to: address, deadline: deadline) } }
        let slots = ResultSlots(count: specs.count)
        let workers = min(max(1, concurrency), specs.count)
        for worker in 0..<workers {
            Thread {
                var index = worker
                while index < specs.count {
                    slots.set(index, offer(specs[index], to: address, deadline: deadline))
                    index += workers
                }
                slots.workerDone()
            }.start()
        }
        return slots.waitForAll(workers: workers)
    }
}

/// Slots filled from several threads, and a count of finished workers.
private final class ResultSlots: @unchecked Sendable {
    private let condition = NSCondition()
    private var slots: [RawHelloResult?]
    private var finished = 0

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ result: RawHelloResult) {
        condition.lock()
        slots[index] = result
        condition.unlock()
    }

    func workerDone() {
        condition.lock()
        finished += 1
        condition.signal()
        condition.unlock()
    }

    func waitForAll(workers: Int) -> [RawHelloResult] {
        condition.lock()
        defer { condition.unlock() }
        while finished < workers { condition.wait() }
        return slots.map { $0! }
    }
}
