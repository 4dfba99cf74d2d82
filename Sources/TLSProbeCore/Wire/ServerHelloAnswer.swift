/// What a server's ServerHello (or HelloRetryRequest) said, as code points.
public struct ServerHelloAnswer: Sendable, Equatable {
    public var isHelloRetryRequest: Bool
    public var legacyVersion: UInt16
    /// supported_versions when present, else legacy_version.
    public var selectedVersion: UInt16
    public var cipherSuite: UInt16
    public var compressionMethod: UInt8
    public var sessionID: [UInt8]
    /// Extension types in the order the server sent them.
    public var extensions: [UInt16]
    /// key_share: the group of the server's share (ServerHello) or the group it asks for (HRR).
    public var keyShareGroup: UInt16?
    public var alpn: String?
    /// The handshake message's size in bytes (header included).
    public var size: Int

    public var versionName: String { WireVersion.name(selectedVersion) }
    public var cipherName: String { CipherSuiteTable.name(cipherSuite) }
    public func has(_ type: UInt16) -> Bool { extensions.contains(type) }
}

/// How an offer ended: the server's first answer, or what happened instead.
public enum RawHelloOutcome: Sendable, Equatable {
    case serverHello(ServerHelloAnswer)
    case helloRetryRequest(ServerHelloAnswer)
    case alert(level: UInt8, description: UInt8)
    /// FIN before a complete answer (`bytesReceived` tells whether anything came first).
    case closed
    /// RST before a complete answer.
    case reset
    case timedOut
    case connectFailed(String)
    case sendFailed(String)
    /// Bytes that are not a TLS answer to a ClientHello: not TLS, an oversized or truncated
    /// record, a handshake message other than ServerHello, a ServerHello that does not parse.
    case malformed(String)

    /// The server accepted the offer far enough to choose parameters.
    public var answeredHello: ServerHelloAnswer? {
        switch self {
        case .serverHello(let hello), .helloRetryRequest(let hello): hello
        default: nil
        }
    }

    /// A close, a reset, a timeout, or an alert that names no parameter: "nothing on the wire
    /// says why" (the trigger for the intolerance retry).
    public var isUnexplainedRejection: Bool {
        switch self {
        case .closed, .reset, .timedOut: true
        case .alert(_, let description): RawHelloOutcome.unexplainedAlerts.contains(description)
        default: false
        }
    }

    /// handshake_failure, illegal_parameter, decode_error, internal_error (and the SSLv3-era
    /// close_notify some stacks send instead of an answer).
    public static let unexplainedAlerts: Set<UInt8> = [0, 40, 47, 50, 80]

    public var label: String {
        switch self {
        case .serverHello(let hello): "ServerHello \(hello.versionName), \(hello.cipherName)"
        case .helloRetryRequest(let hello): "HelloRetryRequest for \(hello.keyShareGroup.map(WireGroup.name) ?? "no group")"
        case .alert(_, let description): "alert \(TLSAlert.name(for: description) ?? "unknown") (\(description))"
        case .closed: "connection closed"
        case .reset: "connection reset"
        case .timedOut: "no answer before the deadline"
        case .connectFailed(let text): "connect failed: \(text)"
        case .sendFailed(let text): "send failed: \(text)"
        case .malformed(let text): "malformed answer: \(text)"
        }
    }
}

/// Something the server chose that the offer never allowed. A conforming server never does
/// this; OpenSSL aborts the handshake on each one.
public enum HelloViolation: Sendable, Equatable, CustomStringConvertible {
    case suiteNotOffered(UInt16)
    case versionNotOffered(UInt16)
    case groupNotOffered(UInt16)
    case alpnNotOffered(String)
    case extensionNotOffered(UInt16)
    case compressionNotOffered(UInt8)
    case duplicateExtension(UInt16)
    case sessionIDNotEchoed
    /// A HelloRetryRequest that asks for a group we already sent a share for.
    case retryForOfferedShare(UInt16)

    public var description: String {
        switch self {
        case .suiteNotOffered(let code): "chose cipher suite \(CipherSuiteTable.name(code)) (\(hex(code))), which was not offered"
        case .versionNotOffered(let code): "chose \(WireVersion.name(code)), which was not offered"
        case .groupNotOffered(let code): "chose group \(WireGroup.name(code)), which was not offered"
        case .alpnNotOffered(let name): "selected ALPN \"\(name)\", which was not offered"
        case .extensionNotOffered(let type): "answered with \(WireExtension.name(type)), which the ClientHello did not carry"
        case .compressionNotOffered(let method): "chose compression method \(method), which was not offered"
        case .duplicateExtension(let type): "sent \(WireExtension.name(type)) twice"
        case .sessionIDNotEchoed: "did not echo the TLS 1.3 legacy session id"
        case .retryForOfferedShare(let code): "asked again for \(WireGroup.name(code)), whose share was already sent"
        }
    }
}

/// One offer and its answer.
public struct RawHelloResult: Sendable, Equatable {
    public var outcome: RawHelloOutcome
    /// What the server chose outside the offer (empty for a conforming answer).
    public var violations: [HelloViolation]
    public var bytesReceived: Int
    /// The first bytes received (at most 16), for "what did it send instead".
    public var firstBytes: [UInt8]
    /// The ClientHello's size as sent (handshake message, header included).
    public var helloSize: Int
    public var elapsedMs: Double
    /// How a TLS ≤ 1.2 server's first flight went on after its ServerHello, when the offer asked
    /// to read it (`RawHello.offer(…, readFlight: true)`); nil otherwise.
    public var flight: FlightEnd? = nil
    /// The start of the ServerKeyExchange body, when the offer asked to keep it.
    public var serverKeyExchange: [UInt8]? = nil
}

/// What followed a TLS ≤ 1.2 ServerHello: the server's key exchange, the end of its flight with
/// none (RSA key transport), or an alert or close where they belong (a server that chose a
/// suite and then found no parameters for it, e.g. no DH group under RFC 7919).
public enum FlightEnd: Sendable, Equatable {
    case serverKeyExchange
    case serverHelloDone
    case alert(level: UInt8, description: UInt8)
    case closed
    case reset
    case timedOut
    /// More messages than a first flight has, or bytes that are not TLS.
    case malformed(String)

    public var label: String {
        switch self {
        case .serverKeyExchange: "then ServerKeyExchange"
        case .serverHelloDone: "then ServerHelloDone"
        case .alert(_, let description): "then alert \(TLSAlert.name(for: description) ?? "unknown") (\(description))"
        case .closed: "then a close"
        case .reset: "then a reset"
        case .timedOut: "then silence"
        case .malformed(let text): "then \(text)"
        }
    }
}
