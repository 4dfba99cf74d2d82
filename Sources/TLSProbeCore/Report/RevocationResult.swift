/// What `--revocation` learned about one certificate of the chain from one source (the OCSP
/// responder in its AIA, or its CRL distribution point). Part of the JSON contract.
public struct RevocationResult: Codable, Sendable, Equatable {
    /// Position in the chain OpenSSL built (0 = leaf).
    public var depth: Int
    public var subject: String
    /// "ocsp" or "crl".
    public var method: String
    /// The URL asked, when the certificate names one.
    public var url: String?
    /// "good", "revoked" or "unknown" (no URL, no answer, or an answer that does not verify).
    public var status: String
    /// In words: why unknown, or what the answer said.
    public var detail: String
    /// CRLReason name when revoked ("keyCompromise").
    public var reason: String?
    /// RFC 3339, when revoked.
    public var revokedAt: String?

    enum CodingKeys: String, CodingKey {
        case depth, subject, method, url, status, detail, reason
        case revokedAt = "revoked_at"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(depth, forKey: .depth)
        try container.encode(subject, forKey: .subject)
        try container.encode(method, forKey: .method)
        try container.encode(url, forKey: .url)
        try container.encode(status, forKey: .status)
        try container.encode(detail, forKey: .detail)
        try container.encode(reason, forKey: .reason)
        try container.encode(revokedAt, forKey: .revokedAt)
    }
}

/// `--revocation`: which sources to ask. Off by default: asking sends each certificate's serial
/// number to its CA (and tells it who is being probed).
public enum RevocationMode: String, Sendable, CaseIterable {
    case ocsp, crl, both

    var asksOCSP: Bool { self != .crl }
    var asksCRL: Bool { self != .ocsp }
}
