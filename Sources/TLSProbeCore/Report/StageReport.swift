/// One line of the staged output.
public struct StageReport: Codable, Sendable {
    public var name: StageName
    public var status: StageStatus
    public var durationMs: Double?
    public var summary: String
    public var details: StageDetails

    public init(name: StageName, status: StageStatus, durationMs: Double? = nil, summary: String, details: StageDetails = StageDetails()) {
        self.name = name
        self.status = status
        self.durationMs = durationMs
        self.summary = summary
        self.details = details
    }

    public static func skipped(_ name: StageName, reason: String) -> StageReport {
        StageReport(name: name, status: .skipped, summary: "skipped: \(reason)", details: StageDetails(skipReason: reason))
    }

    enum CodingKeys: String, CodingKey {
        case name, status
        case durationMs = "duration_ms"
        case summary, details
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(status, forKey: .status)
        try container.encode(durationMs.map(Self.rounded), forKey: .durationMs)
        try container.encode(summary, forKey: .summary)
        try container.encode(details, forKey: .details)
    }

    static func rounded(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }
}

/// Stage-specific facts. Only the fields a stage knows are present in JSON (absent, not null).
public struct StageDetails: Codable, Sendable {
    public var skipReason: String?
    // dns
    public var query: String?
    public var addresses: [String]?
    // tcp
    public var attempts: [ConnectAttempt]?
    public var localAddress: String?
    public var remoteAddress: String?
    // client_hello / server_hello
    public var offeredVersions: [String]?
    public var cipherSuitesOffered: Int?
    public var groupsOffered: [String]?
    public var signatureAlgorithmsOffered: Int?
    public var sni: String?
    public var alpnOffered: [String]?
    public var bytes: Int?
    public var version: String?
    public var cipher: String?
    public var helloRetryRequest: Bool?
    public var sessionResumed: Bool?
    // certificate
    public var sentCount: Int?
    public var certificateMessageBytes: Int?
    public var builtChain: [String]?
    public var trusted: Bool?
    public var hostnameMatched: Bool?
    // key_exchange
    public var group: String?
    public var dhBits: Int?
    public var signatureAlgorithm: String?
    public var forwardSecrecy: Bool?
    // finished
    public var handshakeMs: Double?
    public var alpn: String?
    public var ocspStapled: Bool?
    // http
    public var request: String?
    public var status: Int?
    public var timeToFirstByteMs: Double?
    // starttls / app: the protocol spoken, what crossed the wire, what the server offered
    public var protocolName: String?
    public var transcript: [String]?
    public var capabilities: [String]?
    public var reply: String?
    public var replyCode: Int?
    // verbose: every handshake message in both directions
    public var messages: [HandshakeMessage]?

    public init(skipReason: String? = nil) {
        self.skipReason = skipReason
    }

    enum CodingKeys: String, CodingKey {
        case skipReason = "skip_reason"
        case query, addresses, attempts
        case localAddress = "local_address"
        case remoteAddress = "remote_address"
        case offeredVersions = "offered_versions"
        case cipherSuitesOffered = "cipher_suites_offered"
        case groupsOffered = "groups_offered"
        case signatureAlgorithmsOffered = "signature_algorithms_offered"
        case sni
        case alpnOffered = "alpn_offered"
        case bytes, version, cipher
        case helloRetryRequest = "hello_retry_request"
        case sessionResumed = "session_resumed"
        case sentCount = "sent_count"
        case certificateMessageBytes = "certificate_message_bytes"
        case builtChain = "built_chain"
        case trusted
        case hostnameMatched = "hostname_matched"
        case group
        case dhBits = "dh_bits"
        case signatureAlgorithm = "signature_algorithm"
        case forwardSecrecy = "forward_secrecy"
        case handshakeMs = "handshake_ms"
        case alpn
        case ocspStapled = "ocsp_stapled"
        case request, status
        case timeToFirstByteMs = "time_to_first_byte_ms"
        case protocolName = "protocol"
        case transcript, capabilities, reply
        case replyCode = "reply_code"
        case messages
    }
}

public struct ConnectAttempt: Codable, Sendable {
    public var address: String
    /// "connected", "refused", "timeout", "unreachable", or the system's error text.
    public var result: String
    public var durationMs: Double

    public init(address: String, result: String, durationMs: Double) {
        self.address = address
        self.result = result
        self.durationMs = durationMs
    }

    enum CodingKeys: String, CodingKey {
        case address, result
        case durationMs = "duration_ms"
    }
}

/// One handshake-layer message as it crossed the wire (from OpenSSL's message callback).
public struct HandshakeMessage: Codable, Sendable {
    /// "sent" or "received".
    public var direction: String
    /// "ClientHello", "Certificate", "Alert fatal handshake_failure (40)", "ChangeCipherSpec", …
    public var type: String
    public var bytes: Int
    /// Milliseconds since the TCP connection was established (of the first, when folded).
    public var atMs: Double
    /// Identical messages in a row folded into this entry (`bytes` is the size of each).
    public var count: Int

    public init(direction: String, type: String, bytes: Int, atMs: Double, count: Int = 1) {
        self.direction = direction
        self.type = type
        self.bytes = bytes
        self.atMs = atMs
        self.count = count
    }

    enum CodingKeys: String, CodingKey {
        case direction, type, bytes, count
        case atMs = "at_ms"
    }
}
