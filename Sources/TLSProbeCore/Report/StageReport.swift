/// One line of the staged output.
public struct StageReport: Codable, Sendable {
    public var name: StageName
    public var status: StageStatus
    public var durationMs: Double?
    public var summary: String
    public var details: StageDetails

    public init(name: StageName, status: StageStatus, durationMs: Double? = nil, summary: String, details: StageDetails = .none) {
        self.name = name
        self.status = status
        self.durationMs = durationMs
        self.summary = summary
        self.details = details
    }

    public static func skipped(_ name: StageName, reason: String) -> StageReport {
        StageReport(name: name, status: .skipped, summary: "skipped: \(reason)", details: .skipped(reason: reason))
    }

    enum CodingKeys: String, CodingKey {
        case name, status
        case durationMs = "duration_ms"
        case summary, details
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(StageName.self, forKey: .name)
        status = try container.decode(StageStatus.self, forKey: .status)
        durationMs = try container.decodeIfPresent(Double.self, forKey: .durationMs)
        summary = try container.decode(String.self, forKey: .summary)
        details = try StageDetails(from: container.superDecoder(forKey: .details), stage: name)
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
