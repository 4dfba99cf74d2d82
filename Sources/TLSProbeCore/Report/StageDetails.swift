/// Stage-specific facts: one type per stage. In JSON a stage's `details` holds only the fields
/// its stage knows and that were learned (absent, not null), plus `skip_reason` for a stage that
/// did not run; a stage that failed before it learned anything has `{}`.
public enum StageDetails: Sendable {
    case none
    case skipped(reason: String)
    case dns(DNSDetails)
    case tcp(TCPDetails)
    case proxy(ProxyDetails)
    case starttls(DialogueDetails)
    case clientHello(ClientHelloDetails)
    case serverHello(ServerHelloDetails)
    case certificate(CertificateDetails)
    case keyExchange(KeyExchangeDetails)
    case finished(FinishedDetails)
    case http(HTTPDetails)
    case app(DialogueDetails)

    public var skipReason: String? { if case .skipped(let reason) = self { reason } else { nil } }
    public var dns: DNSDetails? { if case .dns(let details) = self { details } else { nil } }
    public var tcp: TCPDetails? { if case .tcp(let details) = self { details } else { nil } }
    public var proxy: ProxyDetails? { if case .proxy(let details) = self { details } else { nil } }
    public var starttls: DialogueDetails? { if case .starttls(let details) = self { details } else { nil } }
    public var app: DialogueDetails? { if case .app(let details) = self { details } else { nil } }
    public var clientHello: ClientHelloDetails? { if case .clientHello(let details) = self { details } else { nil } }
    public var serverHello: ServerHelloDetails? { if case .serverHello(let details) = self { details } else { nil } }
    public var certificate: CertificateDetails? { if case .certificate(let details) = self { details } else { nil } }
    public var keyExchange: KeyExchangeDetails? { if case .keyExchange(let details) = self { details } else { nil } }
    public var finished: FinishedDetails? { if case .finished(let details) = self { details } else { nil } }
    public var http: HTTPDetails? { if case .http(let details) = self { details } else { nil } }
}

extension StageDetails: Encodable {
    private enum SkipKeys: String, CodingKey { case skipReason = "skip_reason" }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .none: _ = encoder.container(keyedBy: SkipKeys.self)
        case .skipped(let reason):
            var container = encoder.container(keyedBy: SkipKeys.self)
            try container.encode(reason, forKey: .skipReason)
        case .dns(let details): try details.encode(to: encoder)
        case .tcp(let details): try details.encode(to: encoder)
        case .proxy(let details): try details.encode(to: encoder)
        case .starttls(let details), .app(let details): try details.encode(to: encoder)
        case .clientHello(let details): try details.encode(to: encoder)
        case .serverHello(let details): try details.encode(to: encoder)
        case .certificate(let details): try details.encode(to: encoder)
        case .keyExchange(let details): try details.encode(to: encoder)
        case .finished(let details): try details.encode(to: encoder)
        case .http(let details): try details.encode(to: encoder)
        }
    }

    /// The stage's name says which type its details are.
    init(from decoder: any Decoder, stage: StageName) throws {
        let container = try decoder.container(keyedBy: SkipKeys.self)
        if let reason = try container.decodeIfPresent(String.self, forKey: .skipReason) {
            self = .skipped(reason: reason)
            return
        }
        switch stage {
        case .dns: self = .dns(try DNSDetails(from: decoder))
        case .tcp: self = .tcp(try TCPDetails(from: decoder))
        case .proxy: self = .proxy(try ProxyDetails(from: decoder))
        case .starttls: self = .starttls(try DialogueDetails(from: decoder))
        case .app: self = .app(try DialogueDetails(from: decoder))
        case .clientHello: self = .clientHello(try ClientHelloDetails(from: decoder))
        case .serverHello: self = .serverHello(try ServerHelloDetails(from: decoder))
        case .certificate: self = .certificate(try CertificateDetails(from: decoder))
        case .keyExchange: self = .keyExchange(try KeyExchangeDetails(from: decoder))
        case .finished: self = .finished(try FinishedDetails(from: decoder))
        case .http: self = .http(try HTTPDetails(from: decoder))
        // The revocation stage's findings are the report's `revocation` array, not details.
        case .revocation: self = .none
        }
    }
}

public struct DNSDetails: Codable, Sendable {
    public var query: String?
    public var addresses: [String]?

    public init(query: String? = nil) { self.query = query }
}

public struct TCPDetails: Codable, Sendable {
    public var attempts: [ConnectAttempt]?
    public var localAddress: String?
    public var remoteAddress: String?

    public init(attempts: [ConnectAttempt]? = nil) { self.attempts = attempts }

    enum CodingKeys: String, CodingKey {
        case attempts
        case localAddress = "local_address"
        case remoteAddress = "remote_address"
    }
}

/// The CONNECT exchange with the proxy.
public struct ProxyDetails: Codable, Sendable {
    public var request: String?
    public var status: Int?
    public var remoteAddress: String?

    public init(request: String? = nil) { self.request = request }

    enum CodingKeys: String, CodingKey {
        case request, status
        case remoteAddress = "remote_address"
    }
}

public struct ClientHelloDetails: Codable, Sendable {
    public var offeredVersions: [String]?
    public var cipherSuitesOffered: Int?
    public var groupsOffered: [String]?
    public var signatureAlgorithmsOffered: Int?
    public var sni: String?
    public var alpnOffered: [String]?
    public var bytes: Int?

    public init(bytes: Int? = nil) { self.bytes = bytes }

    enum CodingKeys: String, CodingKey {
        case offeredVersions = "offered_versions"
        case cipherSuitesOffered = "cipher_suites_offered"
        case groupsOffered = "groups_offered"
        case signatureAlgorithmsOffered = "signature_algorithms_offered"
        case sni
        case alpnOffered = "alpn_offered"
        case bytes
    }
}

public struct ServerHelloDetails: Codable, Sendable {
    public var version: String?
    public var cipher: String?
    public var bytes: Int?
    public var helloRetryRequest: Bool?
    public var sessionResumed: Bool?
    /// With -v, when the handshake failed before a ServerHello: the messages exchanged until then.
    public var messages: [HandshakeMessage]?

    public init() {}

    enum CodingKeys: String, CodingKey {
        case version, cipher, bytes
        case helloRetryRequest = "hello_retry_request"
        case sessionResumed = "session_resumed"
        case messages
    }
}

public struct CertificateDetails: Codable, Sendable {
    public var sentCount: Int?
    public var certificateMessageBytes: Int?
    public var builtChain: [String]?
    public var trusted: Bool?
    public var hostnameMatched: Bool?
    /// The chain as completed through AIA (absent when no issuer was missing).
    public var aiaCompletion: ChainCompletion?

    public init() {}

    enum CodingKeys: String, CodingKey {
        case sentCount = "sent_count"
        case certificateMessageBytes = "certificate_message_bytes"
        case builtChain = "built_chain"
        case trusted
        case hostnameMatched = "hostname_matched"
        case aiaCompletion = "aia_completion"
    }
}

public struct KeyExchangeDetails: Codable, Sendable {
    public var group: String?
    public var dhBits: Int?
    public var signatureAlgorithm: String?
    public var forwardSecrecy: Bool?

    public init() {}

    enum CodingKeys: String, CodingKey {
        case group
        case dhBits = "dh_bits"
        case signatureAlgorithm = "signature_algorithm"
        case forwardSecrecy = "forward_secrecy"
    }
}

public struct FinishedDetails: Codable, Sendable {
    public var handshakeMs: Double?
    public var alpn: String?
    public var ocspStapled: Bool?
    /// With -v: every handshake message in both directions.
    public var messages: [HandshakeMessage]?

    public init() {}

    enum CodingKeys: String, CodingKey {
        case handshakeMs = "handshake_ms"
        case alpn
        case ocspStapled = "ocsp_stapled"
        case messages
    }
}

public struct HTTPDetails: Codable, Sendable {
    public var request: String?
    public var status: Int?
    public var timeToFirstByteMs: Double?

    public init(request: String? = nil) { self.request = request }

    enum CodingKeys: String, CodingKey {
        case request, status
        case timeToFirstByteMs = "time_to_first_byte_ms"
    }
}

/// starttls and app: a plaintext or application dialogue — the protocol spoken, what crossed
/// the wire, what the server offered and its last answer.
public struct DialogueDetails: Codable, Sendable {
    public var protocolName: String?
    public var transcript: [String]?
    public var capabilities: [String]?
    public var reply: String?
    public var replyCode: Int?
    public var bytes: Int?
    public var request: String?
    public var status: Int?

    public init() {}

    enum CodingKeys: String, CodingKey {
        case protocolName = "protocol"
        case transcript, capabilities, reply
        case replyCode = "reply_code"
        case bytes, request, status
    }
}
