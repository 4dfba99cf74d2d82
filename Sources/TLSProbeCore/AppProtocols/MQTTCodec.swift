/// MQTT 3.1.1 (OASIS, 2014) and 5.0 (OASIS, 2019): just enough to send CONNECT and read CONNACK.
public enum MQTTVersion: String, Sendable, CaseIterable {
    case v311 = "3.1.1"
    case v5 = "5"

    var level: UInt8 { self == .v311 ? 4 : 5 }
    public var label: String { self == .v311 ? "MQTT 3.1.1" : "MQTT 5" }
}

/// The meaning of a CONNACK return code (3.1.1 §3.2.2.3) or reason code (5.0 §3.2.2.2).
struct MQTTConnectResult: Equatable {
    enum Kind: Equatable {
        case accepted
        /// The broker wants (other) credentials: TLS itself is fine.
        case credentials
        /// The broker refused for another reason (version, client id, load, ban).
        case refused
    }

    let code: Int
    let version: MQTTVersion
    let name: String
    let kind: Kind
    /// What to do about it, in a line.
    let advice: String

    /// "0x87", "0x00": MQTT 5 reason codes as the specification writes them.
    static func hex(_ code: Int) -> String {
        let digits = String(code, radix: 16, uppercase: true)
        return "0x" + (digits.count < 2 ? "0" + digits : digits)
    }

    static func meaning(code: Int, version: MQTTVersion) -> MQTTConnectResult {
        switch version {
        case .v311:
            switch code {
            case 0: return .init(code: code, version: version, name: "Connection Accepted", kind: .accepted, advice: "")
            case 1: return .init(code: code, version: version, name: "unacceptable protocol version", kind: .refused, advice: "the broker does not speak MQTT 3.1.1: try --mqtt-version 5 (or the broker's version)")
            case 2: return .init(code: code, version: version, name: "identifier rejected", kind: .refused, advice: "the broker rejects the client identifier: pass one it accepts with --mqtt-client-id")
            case 3: return .init(code: code, version: version, name: "server unavailable", kind: .refused, advice: "the MQTT service behind TLS is down or overloaded: check the broker")
            case 4: return .init(code: code, version: version, name: "bad user name or password", kind: .credentials, advice: "check --mqtt-user / --mqtt-password (esp-mqtt: credentials.username, credentials.authentication.password)")
            case 5: return .init(code: code, version: version, name: "not authorized", kind: .credentials, advice: "the broker requires credentials or a client certificate this client lacks: pass --mqtt-user/--mqtt-password or --cert/--key")
            default: return .init(code: code, version: version, name: "reserved code \(code)", kind: .refused, advice: "the broker sent a code MQTT 3.1.1 does not define")
            }
        case .v5:
            let names: [Int: (String, Kind)] = [
                0x00: ("Success", .accepted), 0x80: ("Unspecified error", .refused), 0x81: ("Malformed Packet", .refused),
                0x82: ("Protocol Error", .refused), 0x83: ("Implementation specific error", .refused),
                0x84: ("Unsupported Protocol Version", .refused), 0x85: ("Client Identifier not valid", .refused),
                0x86: ("Bad User Name or Password", .credentials), 0x87: ("Not authorized", .credentials),
                0x88: ("Server unavailable", .refused), 0x89: ("Server busy", .refused), 0x8A: ("Banned", .refused),
                0x8C: ("Bad authentication method", .credentials), 0x90: ("Topic Name invalid", .refused),
                0x95: ("Packet too large", .refused), 0x97: ("Quota exceeded", .refused),
                0x99: ("Payload format invalid", .refused), 0x9A: ("Retain not supported", .refused),
                0x9B: ("QoS not supported", .refused), 0x9C: ("Use another server", .refused),
                0x9D: ("Server moved", .refused), 0x9F: ("Connection rate exceeded", .refused),
            ]
            let (name, kind) = names[code] ?? ("reason code \(hex(code))", .refused)
            let advice: String
            switch code {
            case 0x84: advice = "the broker does not speak MQTT 5: try --mqtt-version 3.1.1"
            case 0x85: advice = "pass a client identifier the broker accepts with --mqtt-client-id"
            case 0x86, 0x87, 0x8C: advice = "pass --mqtt-user/--mqtt-password or a client certificate (--cert/--key) the broker accepts"
            case 0x88, 0x89, 0x9F: advice = "the broker is unavailable or throttling: retry later, check its load"
            case 0x8A: advice = "this client (identifier, user or address) is banned by the broker"
            case 0x9C, 0x9D: advice = "the broker points elsewhere: see its Server Reference"
            default: advice = kind == .accepted ? "" : "see the broker's log for why it refused"
            }
            return .init(code: code, version: version, name: name, kind: kind, advice: advice)
        }
    }
}

enum MQTTCodec {
    /// CONNECT with a clean session, keep-alive 60 s, optional user name and password.
    static func connect(version: MQTTVersion, clientID: String, user: String?, password: String?) -> [UInt8] {
        var flags: UInt8 = 0x02  // clean session / clean start
        if user != nil { flags |= 0x80 }
        if password != nil { flags |= 0x40 }
        var variable: [UInt8] = string("MQTT") + [version.level, flags, 0, 60]
        if version == .v5 { variable.append(0) }  // no properties
        var payload = string(clientID)
        if let user { payload += string(user) }
        if let password { payload += string(password) }
        let body = variable + payload
        return [0x10] + remainingLength(body.count) + body
    }

    static let disconnect: [UInt8] = [0xE0, 0x00]

    enum Parse: Equatable {
        case incomplete
        case connack(code: Int, sessionPresent: Bool, reason: String?)
        /// Another packet type, or bytes that are not MQTT.
        case notConnack(type: UInt8)
        case malformed
    }

    /// Reads a CONNACK from the front of `buffer` (and removes it).
    static func parseConnack(_ buffer: inout [UInt8], version: MQTTVersion) -> Parse {
        guard let first = buffer.first else { return .incomplete }
        guard first == 0x20 else { return .notConnack(type: first) }
        guard let (length, headerBytes) = decodeRemainingLength(buffer.dropFirst()) else {
            return buffer.count > 5 ? .malformed : .incomplete
        }
        guard buffer.count >= 1 + headerBytes + length else { return .incomplete }
        let body = Array(buffer[(1 + headerBytes)..<(1 + headerBytes + length)])
        buffer.removeSubrange(0..<(1 + headerBytes + length))
        guard body.count >= 2 else { return .malformed }
        var reason: String?
        if version == .v5, body.count > 2 { reason = reasonString(properties: Array(body[2...])) }
        return .connack(code: Int(body[1]), sessionPresent: body[0] & 1 == 1, reason: reason)
    }

    /// The Reason String property (0x1F) of a CONNACK's properties, skipping the others by type.
    static func reasonString(properties: [UInt8]) -> String? {
        guard let (length, lengthBytes) = decodeRemainingLength(properties[...]) else { return nil }
        var rest = properties.dropFirst(lengthBytes).prefix(length)
        while let id = rest.first {
            rest = rest.dropFirst()
            switch id {
            case 0x01, 0x17, 0x19, 0x24, 0x25, 0x28, 0x29, 0x2A: rest = rest.dropFirst(1)
            case 0x13, 0x21, 0x22, 0x23: rest = rest.dropFirst(2)
            case 0x02, 0x11, 0x27: rest = rest.dropFirst(4)
            case 0x0B:
                guard let (_, count) = decodeRemainingLength(rest) else { return nil }
                rest = rest.dropFirst(count)
            case 0x03, 0x08, 0x09, 0x12, 0x15, 0x16, 0x1A, 0x1C, 0x1F:
                guard rest.count >= 2 else { return nil }
                let size = Int(rest[rest.startIndex]) << 8 | Int(rest[rest.startIndex + 1])
                let value = rest.dropFirst(2).prefix(size)
                if id == 0x1F { return SafeText.escape(bytes: value) }
                rest = rest.dropFirst(2 + size)
            case 0x26:
                for _ in 0..<2 {
                    guard rest.count >= 2 else { return nil }
                    let size = Int(rest[rest.startIndex]) << 8 | Int(rest[rest.startIndex + 1])
                    rest = rest.dropFirst(2 + size)
                }
            default: return nil
            }
        }
        return nil
    }

    static func string(_ text: String) -> [UInt8] {
        let bytes = Array(text.utf8.prefix(65535))
        return [UInt8(bytes.count >> 8), UInt8(bytes.count & 0xFF)] + bytes
    }

    static func remainingLength(_ value: Int) -> [UInt8] {
        var value = value
        var bytes: [UInt8] = []
        repeat {
            var byte = UInt8(value % 128)
            value /= 128
            if value > 0 { byte |= 0x80 }
            bytes.append(byte)
        } while value > 0
        return bytes
    }

    /// A variable byte integer (at most 4 bytes): its value and how many bytes it took.
    static func decodeRemainingLength(_ bytes: ArraySlice<UInt8>) -> (Int, Int)? {
        var value = 0
        var multiplier = 1
        for (offset, byte) in bytes.prefix(4).enumerated() {
            value += Int(byte & 0x7F) * multiplier
            if byte & 0x80 == 0 { return (value, offset + 1) }
            multiplier *= 128
        }
        return nil
    }
}

/// CONNECT, then CONNACK: the MQTT application stage.
struct MQTTDialogue: Dialogue {
    let version: MQTTVersion
    let clientID: String
    let user: String?
    let password: String?
    private var sent = false
    private(set) var result: MQTTConnectResult?
    private(set) var reasonString: String?
    private(set) var sessionPresent = false

    init(version: MQTTVersion, clientID: String, user: String?, password: String?) {
        self.version = version
        self.clientID = clientID
        self.user = user
        self.password = password
    }

    var waitingFor: String { "the CONNACK" }

    mutating func step(_ buffer: inout [UInt8], log: inout DialogueLog) -> DialogueStep {
        if !sent {
            sent = true
            var shown = "CONNECT \(version.label), client id \(clientID)"
            if let user { shown += ", user \(user)" }
            if password != nil { shown += ", password (not shown)" }
            return .send(MQTTCodec.connect(version: version, clientID: clientID, user: user, password: password), shown: shown)
        }
        let original = buffer
        switch MQTTCodec.parseConnack(&buffer, version: version) {
        case .incomplete: return .needMore
        case .malformed: return .failed(.unexpected(reply: SafeText.hex(Array(original.prefix(8))), expected: "a well-formed CONNACK"))
        case .notConnack(let type):
            // A broker that answers a v5 CONNECT it cannot parse may just close; a server that
            // is not MQTT sends text or TLS-level data.
            if type >> 4 >= 1 && type >> 4 <= 15 && original.count >= 2 && type & 0x0F == 0 && !(0x20...0x7E).contains(type) {
                return .failed(.unexpected(reply: "MQTT packet type \(type >> 4)", expected: "CONNACK"))
            }
            let (name, preview) = DialogueText.identify(original)
            return .failed(.otherProtocol(detected: name, preview: preview))
        case .connack(let code, let present, let reason):
            let meaning = MQTTConnectResult.meaning(code: code, version: version)
            result = meaning
            reasonString = reason
            sessionPresent = present
            var shown = "CONNACK \(version == .v5 ? MQTTConnectResult.hex(code) : String(code)) (\(meaning.name))"
            if let reason { shown += ", reason: \(reason)" }
            log.server(shown)
            return .done
        }
    }
}
