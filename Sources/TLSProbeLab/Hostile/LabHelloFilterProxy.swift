import FoundationEssentials
import Glibc
import TLSProbeCore

/// What a `LabHelloFilterProxy` does to a ClientHello it does not like.
public enum LabHelloFilterAction: Sendable {
    case close
    case reset
    /// Hold the connection without an answer (until the client leaves, stop() or the hold limit).
    case stall
}

/// Which ClientHellos a `LabHelloFilterProxy` drops: the shapes real middleboxes and load
/// balancers have been seen to choke on.
public enum LabHelloFilter: Sendable {
    /// A handshake message of 256–511 bytes (the F5 "long handshake" bug, RFC 7685's reason).
    case sizeBetween256And511
    /// Any ClientHello carrying this extension type (e.g. 16 for ALPN, 5 for status_request).
    case carriesExtension(UInt16)
    /// More than this many cipher suites.
    case moreSuitesThan(Int)

    func matches(_ message: [UInt8]) -> Bool {
        switch self {
        case .sizeBetween256And511: return (256...511).contains(message.count)
        case .carriesExtension(let type): return Self.extensionTypes(message).contains(type)
        case .moreSuitesThan(let limit): return Self.suiteCount(message) > limit
        }
    }

    private static func suiteCount(_ message: [UInt8]) -> Int {
        let sessionAt = 4 + 2 + 32
        guard message.count > sessionAt else { return 0 }
        let suitesAt = sessionAt + 1 + Int(message[sessionAt])
        guard message.count > suitesAt + 1 else { return 0 }
        return (Int(message[suitesAt]) << 8 | Int(message[suitesAt + 1])) / 2
    }

    private static func extensionTypes(_ message: [UInt8]) -> [UInt16] {
        var offset = 4 + 2 + 32
        func byte(_ at: Int) -> Int? { at < message.count ? Int(message[at]) : nil }
        guard let session = byte(offset) else { return [] }
        offset += 1 + session
        guard let suitesHigh = byte(offset), let suitesLow = byte(offset + 1) else { return [] }
        offset += 2 + (suitesHigh << 8 | suitesLow)
        guard let compression = byte(offset) else { return [] }
        offset += 1 + compression + 2  // skip the extensions block length
        var types: [UInt16] = []
        while let typeHigh = byte(offset), let typeLow = byte(offset + 1), let lengthHigh = byte(offset + 2), let lengthLow = byte(offset + 3) {
            types.append(UInt16(typeHigh << 8 | typeLow))
            offset += 4 + (lengthHigh << 8 | lengthLow)
        }
        return types
    }
}

/// A loopback "middlebox" in front of any server (a lab server or a foreign one): it reads each
/// connection's ClientHello, drops the ones `filter` matches (close, reset or stall), and relays
/// everything else unchanged in both directions. It turns any TLS stack into "a server behind a
/// box that chokes on ClientHellos of this shape".
public final class LabHelloFilterProxy: LabServer {
    public let host: String
    private let loop: LabAcceptLoop
    private let dropped = LabCounter()

    public init(upstreamHost: String = "127.0.0.1", upstreamPort: UInt16, filter: LabHelloFilter, action: LabHelloFilterAction,
                host: String = "127.0.0.1", limits: LabServerLimits = LabServerLimits()) throws {
        self.host = host
        let dropped = self.dropped
        loop = try LabAcceptLoop(host: host, port: 0, limits: limits) { connection in
            guard let (raw, message) = Self.readClientHello(connection) else { return }
            if filter.matches(message) {
                dropped.increment()
                switch action {
                case .close: return
                case .reset: connection.resetOnClose()
                case .stall: connection.hold()
                }
                return
            }
            guard let upstream = try? LabOutboundSocket(host: upstreamHost, port: upstreamPort) else { return }
            defer { upstream.close() }
            guard send(upstream.fd, raw, raw.count, Int32(MSG_NOSIGNAL)) == raw.count else { return }
            Self.relay(connection, upstream.fd, limit: limits.holdLimit)
        }
    }

    deinit { loop.stop() }

    public var port: UInt16 { loop.port }
    public var connectionCount: Int { loop.connectionCount }
    /// ClientHellos dropped so far.
    public var droppedCount: Int { dropped.value }
    public func stop() { loop.stop() }

    /// The raw records carrying the first ClientHello, and the handshake message itself.
    private static func readClientHello(_ connection: LabConnectionSocket) -> ([UInt8], [UInt8])? {
        var raw: [UInt8] = []
        var message: [UInt8] = []
        while raw.count < 70_000 {
            guard let header = connection.read(exactly: 5), header[0] == 22 else { return nil }
            guard let payload = connection.read(exactly: Int(header[3]) << 8 | Int(header[4])) else { return nil }
            raw += header + payload
            message += payload
            if message.count >= 4 {
                let length = Int(message[1]) << 16 | Int(message[2]) << 8 | Int(message[3])
                if message.count >= 4 + length { return (raw, Array(message.prefix(4 + length))) }
            }
        }
        return nil
    }

    private static func relay(_ client: LabConnectionSocket, _ upstream: Int32, limit: TimeInterval) {
        let giveUpAt = Date().addingTimeInterval(limit)
        var buffer = [UInt8](repeating: 0, count: 16_384)
        while Date() < giveUpAt, !client.isStopping {
            var fds = [pollfd(fd: client.fd, events: Int16(POLLIN), revents: 0), pollfd(fd: upstream, events: Int16(POLLIN), revents: 0)]
            let ready = poll(&fds, 2, 100)
            if ready < 0 && errno != EINTR { return }
            if fds[0].revents != 0 {
                guard let bytes = client.read(), send(upstream, bytes, bytes.count, Int32(MSG_NOSIGNAL)) == bytes.count else { return }
            }
            if fds[1].revents != 0 {
                let count = recv(upstream, &buffer, buffer.count, 0)
                guard count > 0, client.write(Array(buffer.prefix(count))) else { return }
            }
        }
    }
}

/// A thread-safe counter.
final class LabCounter: @unchecked Sendable {
    private let lock = ConditionLock()
    private var count = 0
    func increment() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
}
