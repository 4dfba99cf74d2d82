/// One certificate as the server sent it, with the facts a diagnosis needs.
/// All text fields that come from the certificate are already escaped (see `SafeText`).
public struct CertificateSummary: Codable, Sendable {
    /// Position in the chain as sent (0 = the leaf, as the server put it first).
    public var depth: Int
    public var subject: String
    public var issuer: String
    /// The subject's common name alone, when present.
    public var commonName: String?
    public var serial: String
    public var notBefore: String
    public var notAfter: String
    /// Whole days until notAfter (negative when expired).
    public var daysLeft: Int
    public var san: [String]
    public var keyType: String
    public var keyBits: Int
    /// Curve name for EC keys ("P-256").
    public var curve: String?
    public var signatureAlgorithm: String
    public var sha256: String
    public var isCA: Bool
    public var selfSigned: Bool
    public var extendedKeyUsage: [String]
    public var caIssuersURL: String?
    public var derBytes: Int

    // Kept for the probe's own analysis and --save-chain; not part of the JSON.
    public var pem: String = ""
    public var notBeforeEpoch: Double = 0
    public var notAfterEpoch: Double = 0
    public var subjectHash: String = ""
    public var issuerHash: String = ""

    enum CodingKeys: String, CodingKey {
        case depth, subject, issuer
        case commonName = "common_name"
        case serial
        case notBefore = "not_before"
        case notAfter = "not_after"
        case daysLeft = "days_left"
        case san
        case keyType = "key_type"
        case keyBits = "key_bits"
        case curve
        case signatureAlgorithm = "signature_algorithm"
        case sha256
        case isCA = "is_ca"
        case selfSigned = "self_signed"
        case extendedKeyUsage = "extended_key_usage"
        case caIssuersURL = "ca_issuers_url"
        case derBytes = "der_bytes"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(depth, forKey: .depth)
        try container.encode(subject, forKey: .subject)
        try container.encode(issuer, forKey: .issuer)
        try container.encode(commonName, forKey: .commonName)
        try container.encode(serial, forKey: .serial)
        try container.encode(notBefore, forKey: .notBefore)
        try container.encode(notAfter, forKey: .notAfter)
        try container.encode(daysLeft, forKey: .daysLeft)
        try container.encode(san, forKey: .san)
        try container.encode(keyType, forKey: .keyType)
        try container.encode(keyBits, forKey: .keyBits)
        try container.encode(curve, forKey: .curve)
        try container.encode(signatureAlgorithm, forKey: .signatureAlgorithm)
        try container.encode(sha256, forKey: .sha256)
        try container.encode(isCA, forKey: .isCA)
        try container.encode(selfSigned, forKey: .selfSigned)
        try container.encode(extendedKeyUsage, forKey: .extendedKeyUsage)
        try container.encode(caIssuersURL, forKey: .caIssuersURL)
        try container.encode(derBytes, forKey: .derBytes)
    }
}
