extension RawHello {
    /// Offers each spec on its own connection, up to `concurrency` at a time, and returns the
    /// results in the order of `specs`. Every connection is bounded by `deadline`, so the whole
    /// batch is too; a stalling server costs one deadline, not one per offer.
    public static func offerAll(_ specs: [ClientHelloSpec], to address: SocketAddress, deadline: Deadline, concurrency: Int = 8) -> [RawHelloResult] {
        guard specs.count > 1 else { return specs.map { offer($0, to: address, deadline: deadline) } }
        return WorkerThreads.map(count: specs.count, width: concurrency, name: "tlsprobe-raw") { index in
            offer(specs[index], to: address, deadline: deadline)
        }
    }
}
