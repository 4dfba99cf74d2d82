/// What every check of one scan shares: the address, the SNI, the overall deadline, and a gate
/// that keeps at most `concurrency` connections open at once whatever the checks do. Every
/// connection's wait is bounded by `connectionDeadline()`, which never outlives the scan's.
final class ScanSession: @unchecked Sendable {
    let address: SocketAddress
    let serverName: String?
    let verifyName: String
    let options: ProbeOptions
    let deadline: Deadline
    let perConnectionSeconds: Double
    /// The STARTTLS protocol every connection upgrades with first (nil: TLS from the first byte).
    let startTLS: AppProtocol?
    private let gate: ConnectionGate
    private let counter = ConditionLock()
    private var connectionCount = 0

    init(address: SocketAddress, serverName: String?, verifyName: String, options: ProbeOptions, deadline: Deadline,
         concurrency: Int, perConnectionSeconds: Double, startTLS: AppProtocol? = nil) {
        self.address = address
        self.serverName = serverName
        self.verifyName = verifyName
        self.options = options
        self.deadline = deadline
        self.perConnectionSeconds = perConnectionSeconds
        self.startTLS = startTLS
        gate = ConnectionGate(limit: max(1, concurrency))
    }

    var connections: Int { counter.withLock { connectionCount } }

    func connectionDeadline() -> Deadline { Deadline.after(seconds: perConnectionSeconds).earlier(deadline) }

    /// A TCP connection ready for a ClientHello: connected and, for a STARTTLS target, upgraded.
    /// The caller closes it. On failure, what went wrong in a few words.
    func connect(deadline: Deadline) -> Result<TCPSocket, ScanConnectFailure> {
        switch TCPSocket.connect(to: address, deadline: deadline) {
        case .failure(let failure): return .failure(ScanConnectFailure(label: failure.label))
        case .success(let socket):
            guard let startTLS else { return .success(socket) }
            guard let upgrade = StartTLSUpgrade.run(startTLS, domain: verifyName, over: socket, deadline: deadline) else { return .success(socket) }
            if upgrade.failure == nil, upgrade.runner.leftover.isEmpty { return .success(socket) }
            socket.close()
            let reply = upgrade.runner.log.transcript.last { $0.hasPrefix("S: ") }.map { " (last reply: \($0.dropFirst(3)))" } ?? ""
            return .failure(ScanConnectFailure(label: "the \(startTLS.label) STARTTLS upgrade failed\(reply)"))
        }
    }

    /// One raw offer through the gate; `.timedOut` without a connection when the scan's time is up.
    func offer(_ spec: ClientHelloSpec, keyExchangeBytes: Int = 0) -> RawHelloResult {
        guard gate.acquire(until: deadline) else {
            return RawHelloResult(outcome: .timedOut, violations: [], bytesReceived: 0, firstBytes: [], helloSize: 0, elapsedMs: 0)
        }
        defer { gate.release() }
        counter.withLock { connectionCount += 1 }
        let start = Deadline.now
        let deadline = connectionDeadline()
        switch connect(deadline: deadline) {
        case .success(let socket):
            defer { socket.close() }
            return RawHello.exchange(spec, over: socket, deadline: deadline, start: start, readFlight: keyExchangeBytes > 0, keyExchangeBytes: keyExchangeBytes)
        case .failure(let failure):
            return RawHelloResult(outcome: .connectFailed(failure.label), violations: [], bytesReceived: 0, firstBytes: [], helloSize: 0,
                                  elapsedMs: Deadline.millisecondsSince(start))
        }
    }

    /// The SSL 2.0 CLIENT-HELLO through the gate; `.timedOut` when the scan's time is up.
    func offerSSLv2() -> SSLv2Hello.Answer {
        guard gate.acquire(until: deadline) else { return .timedOut }
        defer { gate.release() }
        counter.withLock { connectionCount += 1 }
        let deadline = connectionDeadline()
        switch connect(deadline: deadline) {
        case .success(let socket):
            defer { socket.close() }
            return SSLv2Hello.exchange(over: socket, deadline: deadline)
        case .failure(let failure): return .connectFailed(failure.label)
        }
    }

    /// Runs `body` holding a connection slot (for OpenSSL handshakes); nil when time is up.
    func withSlot<T>(_ body: () -> T) -> T? {
        guard gate.acquire(until: deadline) else { return nil }
        defer { gate.release() }
        counter.withLock { connectionCount += 1 }
        return body()
    }

    /// `body` over every item on up to `width` threads; results in the items' order.
    static func parallelMap<Item: Sendable, Value: Sendable>(_ items: [Item], width: Int, _ body: @escaping @Sendable (Item) -> Value) -> [Value] {
        guard items.count > 1 else { return items.map(body) }
        let slots = ScanSlots<Value>(count: items.count)
        let workers = min(max(1, width), items.count)
        for worker in 0..<workers {
            let work: @Sendable () -> Void = {
                var index = worker
                while index < items.count {
                    slots.set(index, body(items[index]))
                    index += workers
                }
                slots.workerDone()
            }
            if !startDetachedThread(name: "tlsprobe-scan", work) { work() }
        }
        return slots.waitForAll(workers: workers)
    }

    func parallelMap<Item: Sendable, Value: Sendable>(_ items: [Item], _ body: @escaping @Sendable (Item) -> Value) -> [Value] {
        Self.parallelMap(items, width: gate.limit, body)
    }
}

struct ScanConnectFailure: Error {
    var label: String
}

/// A counting semaphore with a deadline.
private final class ConnectionGate: @unchecked Sendable {
    let limit: Int
    private let lock = ConditionLock()
    private var inUse = 0

    init(limit: Int) { self.limit = limit }

    func acquire(until deadline: Deadline) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        while inUse >= limit {
            if deadline.hasPassed { return false }
            lock.wait(until: deadline)
        }
        if deadline.hasPassed { return false }
        inUse += 1
        return true
    }

    func release() {
        lock.withLock { inUse -= 1 }
        lock.broadcast()
    }
}

private final class ScanSlots<Value: Sendable>: @unchecked Sendable {
    private let lock = ConditionLock()
    private var slots: [Value?]
    private var finished = 0

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Value) { lock.withLock { slots[index] = value } }

    func workerDone() {
        lock.withLock { finished += 1 }
        lock.broadcast()
    }

    func waitForAll(workers: Int) -> [Value] {
        lock.lock()
        defer { lock.unlock() }
        while finished < workers { lock.wait() }
        return slots.map { $0! }
    }
}
