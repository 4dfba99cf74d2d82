/// PostgreSQL's TLS negotiation (protocol 3.0, "SSL Session Encryption"): the client sends an
/// SSLRequest, the server answers one byte, 'S' (go ahead) or 'N' (no TLS here). After TLS a
/// StartupMessage shows what the server asks next: a password method, or an error.
struct PostgresDialogue: Dialogue {
    enum Mode { case startTLS, afterTLS }
    private enum State { case opening, reply, finished }

    let mode: Mode
    let user: String
    let database: String
    private var state = State.opening

    /// After TLS: the authentication the server asks for ("SCRAM-SHA-256", "md5", "none").
    private(set) var authentication: String?
    /// After TLS: the ErrorResponse the server sent instead, with its SQLSTATE.
    private(set) var error: (code: String, message: String)?
    /// After TLS: the session reached ReadyForQuery (trust authentication).
    private(set) var sessionReady = false

    init(mode: Mode, user: String = "tlsprobe", database: String? = nil) {
        self.mode = mode
        self.user = user
        self.database = database ?? user
    }

    /// Int32 length 8, then the request code 1234·65536 + 5679 (PostgreSQL docs, "SSLRequest").
    static let sslRequest: [UInt8] = [0, 0, 0, 8, 0x04, 0xD2, 0x16, 0x2F]
    static let terminate: [UInt8] = [UInt8(ascii: "X"), 0, 0, 0, 4]

    var waitingFor: String {
        switch (mode, state) {
        case (.startTLS, _): "the answer to SSLRequest ('S' or 'N')"
        case (.afterTLS, _): "the answer to the StartupMessage"
        }
    }

    var startupMessage: [UInt8] {
        var body: [UInt8] = [0, 3, 0, 0]  // protocol 3.0
        for (key, value) in [("user", user), ("database", database), ("application_name", "tlsprobe")] {
            body += Array(key.utf8) + [0] + Array(value.utf8) + [0]
        }
        body.append(0)
        return Self.int32(body.count + 4) + body
    }

    mutating func step(_ buffer: inout [UInt8], log: inout DialogueLog) -> DialogueStep {
        switch state {
        case .opening:
            state = .reply
            switch mode {
            case .startTLS: return .send(Self.sslRequest, shown: "SSLRequest")
            case .afterTLS: return .send(startupMessage, shown: "StartupMessage user=\(user) database=\(database)")
            }
        case .finished:
            return .done
        case .reply:
            break
        }
        guard let first = buffer.first else { return .needMore }
        switch mode {
        case .startTLS:
            switch first {
            case UInt8(ascii: "S"):
                buffer.removeFirst()
                log.server("S (go ahead with TLS)")
                state = .finished
                return .done
            case UInt8(ascii: "N"):
                buffer.removeFirst()
                log.server("N (no TLS on this server)")
                return .failed(.refused(reply: "N"))
            case UInt8(ascii: "E"):
                // A server that predates SSLRequest, or a proxy: an ErrorResponse.
                guard let message = Self.message(&buffer) else { return .needMore }
                let fields = Self.errorFields(message.body)
                log.server("ErrorResponse \(fields["C"] ?? "") \(fields["M"] ?? "")")
                return .failed(.unexpected(reply: "ErrorResponse: \(fields["M"] ?? "?")", expected: "'S' or 'N'"))
            default:
                let (name, preview) = DialogueText.identify(buffer)
                return .failed(.otherProtocol(detected: name, preview: preview))
            }
        case .afterTLS:
            // AuthenticationOk (trust) is followed by ParameterStatus, BackendKeyData and
            // ReadyForQuery, or by an ErrorResponse when the role or database does not exist.
            while let type = buffer.first {
                guard [UInt8(ascii: "R"), UInt8(ascii: "E"), UInt8(ascii: "v"), UInt8(ascii: "S"), UInt8(ascii: "K"), UInt8(ascii: "N"), UInt8(ascii: "Z")].contains(type) else {
                    let (name, preview) = DialogueText.identify(buffer)
                    return .failed(.otherProtocol(detected: name, preview: preview))
                }
                guard let message = Self.message(&buffer) else { return .needMore }
                switch message.type {
                case UInt8(ascii: "R"):
                    authentication = Self.authenticationName(message.body)
                    log.server("AuthenticationRequest: \(authentication ?? "?")")
                    if message.body.prefix(4) != [0, 0, 0, 0] {
                        state = .finished
                        return .done
                    }
                case UInt8(ascii: "E"):
                    let fields = Self.errorFields(message.body)
                    error = (fields["C"] ?? "?", fields["M"] ?? "?")
                    log.server("ErrorResponse \(fields["S"] ?? "") \(fields["C"] ?? ""): \(fields["M"] ?? "")")
                    state = .finished
                    return .done
                case UInt8(ascii: "Z"):
                    sessionReady = true
                    log.server("ReadyForQuery")
                    state = .finished
                    return .done
                case UInt8(ascii: "v"):
                    log.server("NegotiateProtocolVersion")
                    return .failed(.unexpected(reply: "NegotiateProtocolVersion", expected: "an authentication request"))
                default:
                    continue  // ParameterStatus, BackendKeyData, NoticeResponse
                }
            }
            return .needMore
        }
    }

    /// One backend message (type byte, Int32 length including itself, body), or nil when incomplete.
    /// Lengths past the runner's cap never complete, so the cap ends them.
    static func message(_ buffer: inout [UInt8]) -> (type: UInt8, body: [UInt8])? {
        guard buffer.count >= 5 else { return nil }
        let length = Int(buffer[1]) << 24 | Int(buffer[2]) << 16 | Int(buffer[3]) << 8 | Int(buffer[4])
        guard length >= 4, buffer.count >= 1 + length else { return nil }
        let message = (buffer[0], Array(buffer[5..<(1 + length)]))
        buffer.removeSubrange(0..<(1 + length))
        return message
    }

    static func authenticationName(_ body: [UInt8]) -> String {
        guard body.count >= 4 else { return "?" }
        let code = Int(body[0]) << 24 | Int(body[1]) << 16 | Int(body[2]) << 8 | Int(body[3])
        switch code {
        case 0: return "none (trust)"
        case 2: return "Kerberos V5"
        case 3: return "cleartext password"
        case 5: return "md5 password"
        case 7: return "GSSAPI"
        case 9: return "SSPI"
        case 10:
            let mechanisms = body.dropFirst(4).split(separator: 0).map { SafeText.escape(bytes: $0) }
            return "SASL " + mechanisms.joined(separator: ", ")
        default: return "method \(code)"
        }
    }

    /// ErrorResponse fields: a type byte ('S' severity, 'C' SQLSTATE, 'M' message), a C string.
    static func errorFields(_ body: [UInt8]) -> [String: String] {
        var fields: [String: String] = [:]
        var rest = body[...]
        while let type = rest.first, type != 0 {
            rest = rest.dropFirst()
            let value = rest.prefix { $0 != 0 }
            fields[String(UnicodeScalar(type))] = SafeText.escape(bytes: value)
            rest = rest.dropFirst(value.count + 1)
        }
        return fields
    }

    static func int32(_ value: Int) -> [UInt8] {
        [UInt8(truncatingIfNeeded: value >> 24), UInt8(truncatingIfNeeded: value >> 16), UInt8(truncatingIfNeeded: value >> 8), UInt8(truncatingIfNeeded: value)]
    }
}
