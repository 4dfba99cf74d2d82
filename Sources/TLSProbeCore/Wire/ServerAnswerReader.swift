/// Reads a server's bytes until the first answer to a ClientHello is complete: a ServerHello
/// (or HelloRetryRequest), possibly fragmented over several records, or an alert. Everything
/// after it is ignored. Fed incrementally; memory is bounded whatever the server sends.
struct ServerAnswerReader {
    /// RFC 8446 §5.1: a plaintext record carries at most 2^14 bytes; more is record_overflow.
    static let maxRecordPayload = 16384
    /// A ServerHello is a few hundred bytes; this bound stops a server from making us buffer a
    /// 16 MB "ServerHello" declared in the 24-bit length.
    static let maxHelloLength = 65536

    enum State: Equatable {
        case needMore
        case done(RawHelloOutcome)
    }

    /// Read on past a TLS ≤ 1.2 ServerHello to the server's key exchange (see `FlightEnd`).
    var readFlight = false
    /// With `readFlight`: how many bytes of the ServerKeyExchange body to keep (0: none). Its
    /// DH parameters come first (RFC 5246 §7.4.3), so a bounded prefix holds the prime.
    var keyExchangeBytesKept = 0
    /// The ServerKeyExchange body's first `keyExchangeBytesKept` bytes (fewer if the stream ended).
    private(set) var keyExchange: [UInt8]?
    private var keyExchangeWanted = 0
    /// The ServerHello while the rest of the flight is read, and how the flight ended.
    private(set) var flightHello: ServerHelloAnswer?
    private(set) var flightEnd: FlightEnd?
    private var flightHeader: [UInt8] = []
    private var flightSkip = 0
    private var flightMessages = 0
    /// A first flight is ServerHello, Certificate, CertificateStatus, ServerKeyExchange,
    /// CertificateRequest, ServerHelloDone: more than this is no first flight.
    static let maxFlightMessages = 8

    private var pending: [UInt8] = []
    private var handshake: [UInt8] = []
    private var alertBytes: [UInt8] = []
    private(set) var total = 0
    private(set) var firstBytes: [UInt8] = []

    mutating func feed(_ bytes: [UInt8]) -> State {
        total += bytes.count
        if firstBytes.count < 16 { firstBytes += bytes.prefix(16 - firstBytes.count) }
        pending += bytes
        while pending.count >= 5 {
            let type = pending[0]
            let length = Int(pending[3]) << 8 | Int(pending[4])
            guard (20...24).contains(type), pending[1] == 3 else {
                return .done(.malformed("not a TLS record (first bytes \(SafeText.hex(firstBytes.prefix(8))))"))
            }
            guard length <= Self.maxRecordPayload + 256 else {
                return .done(.malformed("a record of \(length) bytes, more than the 16 KB TLS allows"))
            }
            guard length > 0 || type == 23 else {
                return .done(.malformed("an empty \(Self.recordName(type)) record"))
            }
            guard pending.count >= 5 + length else { return .needMore }
            let payload = Array(pending[5..<5 + length])
            pending.removeFirst(5 + length)
            switch type {
            case 21:
                alertBytes += payload
                if alertBytes.count >= 2 {
                    if let hello = flightHello { return endFlight(hello, .alert(level: alertBytes[0], description: alertBytes[1])) }
                    return .done(.alert(level: alertBytes[0], description: alertBytes[1]))
                }
            case 22 where flightHello != nil:
                if let state = readFlight(payload) { return state }
            case 22:
                guard alertBytes.isEmpty else { return .done(.malformed("a handshake record inside a fragmented alert")) }
                handshake += payload
                if let state = completeHandshake() { return state }
            default:
                if let hello = flightHello { return endFlight(hello, .malformed("a \(Self.recordName(type)) record in the first flight")) }
                return .done(.malformed("a \(Self.recordName(type)) record before the ServerHello"))
            }
        }
        return .needMore
    }

    /// What the end of the stream means at this point.
    mutating func endOfStream(reset: Bool) -> RawHelloOutcome {
        if let hello = flightHello {
            flightEnd = reset ? .reset : .closed
            return .serverHello(hello)
        }
        if pending.isEmpty && handshake.isEmpty && alertBytes.isEmpty { return reset ? .reset : .closed }
        let have = pending.count + handshake.count + alertBytes.count
        let what = reset ? "reset" : "closed"
        return .malformed("the connection \(what) inside a record or message (\(have) bytes of an incomplete answer)")
    }

    private mutating func completeHandshake() -> State? {
        guard handshake.count >= 4 else { return nil }
        guard handshake[0] == 2 else {
            return .done(.malformed("a \(HandshakeType.name(handshake[0])) message where the ServerHello belongs"))
        }
        let length = Int(handshake[1]) << 16 | Int(handshake[2]) << 8 | Int(handshake[3])
        guard length <= Self.maxHelloLength else {
            return .done(.malformed("a ServerHello declaring \(length) bytes"))
        }
        guard handshake.count >= 4 + length else { return nil }
        let message = Array(handshake[0..<4 + length])
        guard let hello = Self.parseServerHello(message) else {
            return .done(.malformed("a ServerHello that does not parse (\(message.count) bytes)"))
        }
        if readFlight && !hello.isHelloRetryRequest && hello.selectedVersion < WireVersion.tls13 {
            flightHello = hello
            flightMessages = 1
            let rest = Array(handshake[(4 + length)...])
            handshake = []
            return rest.isEmpty ? nil : readFlight(rest)
        }
        return .done(hello.isHelloRetryRequest ? .helloRetryRequest(hello) : .serverHello(hello))
    }

    /// The timeout while the flight is read: the ServerHello stands, the flight ended in silence.
    mutating func timedOut() -> RawHelloOutcome {
        guard let hello = flightHello else { return .timedOut }
        flightEnd = .timedOut
        return .serverHello(hello)
    }

    /// Handshake bytes after the ServerHello: message headers are read, bodies skipped (a
    /// Certificate may be large; nothing of it is kept).
    private mutating func readFlight(_ bytes: [UInt8]) -> State? {
        guard let hello = flightHello else { return nil }
        var index = 0
        while index < bytes.count {
            if keyExchangeWanted > 0 {
                let step = min(keyExchangeWanted, bytes.count - index)
                keyExchange?.append(contentsOf: bytes[index..<index + step])
                keyExchangeWanted -= step
                index += step
                if keyExchangeWanted == 0 { return endFlight(hello, .serverKeyExchange) }
                continue
            }
            if flightSkip > 0 {
                let step = min(flightSkip, bytes.count - index)
                flightSkip -= step
                index += step
                continue
            }
            flightHeader.append(bytes[index])
            index += 1
            guard flightHeader.count == 4 else { continue }
            let type = flightHeader[0]
            flightSkip = Int(flightHeader[1]) << 16 | Int(flightHeader[2]) << 8 | Int(flightHeader[3])
            flightHeader = []
            flightMessages += 1
            switch type {
            case 12 where keyExchangeBytesKept > 0 && flightSkip > 0:
                keyExchange = []
                keyExchangeWanted = min(flightSkip, keyExchangeBytesKept)
                flightSkip = 0
            case 12: return endFlight(hello, .serverKeyExchange)
            case 14: return endFlight(hello, .serverHelloDone)
            default:
                if flightMessages > Self.maxFlightMessages { return endFlight(hello, .malformed("more than \(Self.maxFlightMessages) messages without a ServerHelloDone")) }
            }
        }
        return nil
    }

    private mutating func endFlight(_ hello: ServerHelloAnswer, _ end: FlightEnd) -> State {
        flightEnd = end
        return .done(.serverHello(hello))
    }

    /// Parses a ServerHello handshake message (header included). Nil when it is cut short or
    /// its lengths do not add up.
    static func parseServerHello(_ message: [UInt8]) -> ServerHelloAnswer? {
        var reader = ByteReader(message)
        guard reader.u8() == 2, let length = reader.u24(), length == message.count - 4,
              let legacyVersion = reader.u16(), let random = reader.take(32),
              let sessionLength = reader.u8(), sessionLength <= 32, let sessionID = reader.take(Int(sessionLength)),
              let suite = reader.u16(), let compression = reader.u8()
        else { return nil }
        let isRetry = random == HelloParser.helloRetryRandom
        var answer = ServerHelloAnswer(
            isHelloRetryRequest: isRetry, legacyVersion: legacyVersion, selectedVersion: legacyVersion, cipherSuite: suite,
            compressionMethod: compression, sessionID: sessionID, extensions: [], keyShareGroup: nil, alpn: nil, size: message.count)
        guard reader.remaining > 0 else { return answer }  // TLS ≤ 1.2 may omit extensions entirely
        guard let extensionsLength = reader.u16(), Int(extensionsLength) == reader.remaining, var list = reader.slice(Int(extensionsLength)) else { return nil }
        while list.remaining > 0 {
            guard let type = list.u16(), let size = list.u16(), var body = list.slice(Int(size)) else { return nil }
            answer.extensions.append(type)
            switch type {
            case WireExtension.supportedVersions:
                guard let version = body.u16() else { return nil }
                answer.selectedVersion = version
            case WireExtension.keyShare:
                guard let group = body.u16() else { return nil }
                answer.keyShareGroup = group
            case WireExtension.alpn:
                guard body.u16() != nil, let nameLength = body.u8(), let name = body.take(Int(nameLength)) else { return nil }
                answer.alpn = SafeText.escape(bytes: name)
            default:
                break
            }
        }
        return answer
    }

    static func recordName(_ type: UInt8) -> String {
        switch type {
        case 20: "ChangeCipherSpec"
        case 21: "alert"
        case 22: "handshake"
        case 23: "application data"
        case 24: "heartbeat"
        default: "type \(type)"
        }
    }
}
