/// The chain as completed through AIA (RFC 5280 §4.2.2.1 CA Issuers): what a browser, which
/// downloads a missing intermediate, builds from the same server. The chain as sent stays the
/// probe's verdict; this is the second opinion. Part of the JSON contract
/// (`stages[certificate].details.aia_completion`).
public struct ChainCompletion: Codable, Sendable {
    public enum Status: String, Codable, Sendable {
        /// The chain as sent verifies, or fails for a reason no download can fix.
        case notNeeded = "not_needed"
        /// With the fetched certificates the chain verifies to a trust anchor.
        case completed
        /// Fetching was tried and the chain still does not verify (see `reason`, `fetches`).
        case incomplete
        /// An issuer is missing and a URL names it, but fetching is off (see `reason`).
        case notFetched = "not_fetched"
    }

    public var status: Status
    /// Why it is incomplete or was not fetched, in words.
    public var reason: String?
    /// Whether the completed chain verifies (the host name aside).
    public var trusted: Bool
    /// The path built with the fetched certificates, leaf first, trust anchor last when trusted.
    public var chain: [CertificateSummary]
    /// Every URL tried, in order.
    public var fetches: [AIAFetch]
    /// What still fails on the completed chain.
    public var errors: [VerificationError]
    public var durationMs: Double

    public init(status: Status, reason: String? = nil, trusted: Bool = false, chain: [CertificateSummary] = [],
                fetches: [AIAFetch] = [], errors: [VerificationError] = [], durationMs: Double = 0) {
        self.status = status
        self.reason = reason
        self.trusted = trusted
        self.chain = chain
        self.fetches = fetches
        self.errors = errors
        self.durationMs = durationMs
    }

    /// What to deploy: the leaf, then the intermediates, without the trust anchor (clients have
    /// it; sending it only costs bytes). Nil unless the completed chain verifies.
    public var fullChain: [CertificateSummary]? {
        guard status == .completed, trusted, chain.count > 1 else { return nil }
        return Array(chain.dropLast())
    }

    /// The certificates that were downloaded and used.
    public var fetchedCertificates: [CertificateSummary] {
        fetches.filter { $0.outcome == .used }.compactMap(\.certificate)
    }

    enum CodingKeys: String, CodingKey {
        case status, reason, trusted, chain, fetches, errors
        case durationMs = "duration_ms"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(status, forKey: .status)
        try container.encode(reason, forKey: .reason)
        try container.encode(trusted, forKey: .trusted)
        try container.encode(chain, forKey: .chain)
        try container.encode(fetches, forKey: .fetches)
        try container.encode(errors, forKey: .errors)
        try container.encode(StageReport.rounded(durationMs), forKey: .durationMs)
    }
}

/// One download from a CA Issuers URL.
public struct AIAFetch: Codable, Sendable {
    public enum Outcome: String, Codable, Sendable {
        /// It gave the missing issuer, which is now part of the chain.
        case used
        /// It answered, but with nothing that issued the certificate.
        case unusable
        /// No answer that could be read (connection, timeout, size, HTTP status, redirects).
        case failed
    }

    public var url: String
    /// The certificate whose issuer was missing (the one naming this URL).
    public var forSubject: String
    public var outcome: Outcome
    public var detail: String
    public var durationMs: Double
    /// Body bytes received (nil when nothing was).
    public var bytes: Int?
    /// "der", "pem" or "pkcs7" when the answer held certificates.
    public var format: String?
    /// Where redirects led, in order (same scheme only).
    public var redirects: [String]
    /// The issuer it gave.
    public var certificate: CertificateSummary?
    /// The answer came from an earlier download of this run (a fleet fetches each URL once).
    public var cached = false

    public init(url: String, forSubject: String, outcome: Outcome, detail: String, durationMs: Double = 0,
                bytes: Int? = nil, format: String? = nil, redirects: [String] = [], certificate: CertificateSummary? = nil) {
        self.url = url
        self.forSubject = forSubject
        self.outcome = outcome
        self.detail = detail
        self.durationMs = durationMs
        self.bytes = bytes
        self.format = format
        self.redirects = redirects
        self.certificate = certificate
    }

    enum CodingKeys: String, CodingKey {
        case url
        case forSubject = "for_subject"
        case outcome, detail
        case durationMs = "duration_ms"
        case bytes, format, redirects, certificate, cached
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(url, forKey: .url)
        try container.encode(forSubject, forKey: .forSubject)
        try container.encode(outcome, forKey: .outcome)
        try container.encode(detail, forKey: .detail)
        try container.encode(StageReport.rounded(durationMs), forKey: .durationMs)
        try container.encode(bytes, forKey: .bytes)
        try container.encode(format, forKey: .format)
        try container.encode(redirects, forKey: .redirects)
        try container.encode(certificate, forKey: .certificate)
        try container.encode(cached, forKey: .cached)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        url = try container.decode(String.self, forKey: .url)
        forSubject = try container.decode(String.self, forKey: .forSubject)
        outcome = try container.decode(Outcome.self, forKey: .outcome)
        detail = try container.decode(String.self, forKey: .detail)
        durationMs = try container.decode(Double.self, forKey: .durationMs)
        bytes = try container.decodeIfPresent(Int.self, forKey: .bytes)
        format = try container.decodeIfPresent(String.self, forKey: .format)
        redirects = try container.decode([String].self, forKey: .redirects)
        certificate = try container.decodeIfPresent(CertificateSummary.self, forKey: .certificate)
        cached = try container.decodeIfPresent(Bool.self, forKey: .cached) ?? false
    }
}
