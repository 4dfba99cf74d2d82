/// What was negotiated. Every field is null until the handshake got far enough to know it.
public struct TLSSummary: Codable, Sendable {
    /// "TLSv1.3", "TLSv1.2", … (OpenSSL's spelling, as curl and s_client print it).
    public var version: String?
    /// OpenSSL's cipher name ("TLS_AES_256_GCM_SHA384", "ECDHE-RSA-AES128-GCM-SHA256").
    public var cipher: String?
    /// The IANA name ("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256").
    public var cipherIANA: String?
    /// "x25519", "P-256", "ffdhe2048", "DHE 1024 bits", or "RSA key transport".
    public var group: String?
    public var dhBits: Int?
    public var forwardSecrecy: Bool?
    public var alpn: String?
    /// The server's handshake signature ("rsa_pss_rsae_sha256", "ecdsa_secp256r1_sha256").
    public var signatureAlgorithm: String?
    public var sessionResumed: Bool?
    public var ocspStapled: Bool?
    /// The stapled OCSP response once verified: "good", "revoked", "unknown", "invalid",
    /// "unsuccessful", "unverified", "mismatch", "expired", "not_yet_valid"; nil without a staple.
    public var ocspStaple: String?
    /// The leaf carries the TLS Feature extension with status_request ("must-staple").
    public var mustStaple: Bool?
    public var handshakeMs: Double?

    public init() {}

    enum CodingKeys: String, CodingKey {
        case version, cipher
        case cipherIANA = "cipher_iana"
        case group
        case dhBits = "dh_bits"
        case forwardSecrecy = "forward_secrecy"
        case alpn
        case signatureAlgorithm = "signature_algorithm"
        case sessionResumed = "session_resumed"
        case ocspStapled = "ocsp_stapled"
        case ocspStaple = "ocsp_staple"
        case mustStaple = "must_staple"
        case handshakeMs = "handshake_ms"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(version, forKey: .version)
        try container.encode(cipher, forKey: .cipher)
        try container.encode(cipherIANA, forKey: .cipherIANA)
        try container.encode(group, forKey: .group)
        try container.encode(dhBits, forKey: .dhBits)
        try container.encode(forwardSecrecy, forKey: .forwardSecrecy)
        try container.encode(alpn, forKey: .alpn)
        try container.encode(signatureAlgorithm, forKey: .signatureAlgorithm)
        try container.encode(sessionResumed, forKey: .sessionResumed)
        try container.encode(ocspStapled, forKey: .ocspStapled)
        try container.encode(ocspStaple, forKey: .ocspStaple)
        try container.encode(mustStaple, forKey: .mustStaple)
        try container.encode(handshakeMs.map(StageReport.rounded), forKey: .handshakeMs)
    }
}

public struct VerificationSummary: Codable, Sendable {
    /// True only when the chain verified to a trust anchor with no error at any depth.
    public var trusted: Bool?
    public var hostnameMatched: Bool?
    /// The trust store used: a file, a directory, or "system".
    public var trustStore: String?
    public var errors: [VerificationError] = []
    /// The trust anchor the verified chain ends in (nil when it did not verify), for --save-root.
    public var anchor: CertificateSummary?

    public init() {}

    enum CodingKeys: String, CodingKey {
        case trusted
        case hostnameMatched = "hostname_matched"
        case trustStore = "trust_store"
        case errors, anchor
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(trusted, forKey: .trusted)
        try container.encode(hostnameMatched, forKey: .hostnameMatched)
        try container.encode(trustStore, forKey: .trustStore)
        try container.encode(errors, forKey: .errors)
        try container.encode(anchor, forKey: .anchor)
    }
}

/// One error OpenSSL's verifier reported (the verify callback records them all, at every depth).
public struct VerificationError: Codable, Sendable, Equatable {
    public var depth: Int
    /// OpenSSL's X509_V_ERR_* number.
    public var code: Int
    /// The constant's name, "X509_V_ERR_CERT_HAS_EXPIRED".
    public var name: String
    /// OpenSSL's text, "certificate has expired".
    public var message: String
    /// Subject of the certificate at that depth.
    public var subject: String
    // The certificate at that depth may be one the server did not send (a root from the trust
    // store): its dates and issuer are kept here so a diagnosis can name them. Not in the JSON.
    public var issuer: String? = nil
    public var notBeforeEpoch: Double? = nil
    public var notAfterEpoch: Double? = nil

    public init(depth: Int, code: Int, name: String, message: String, subject: String,
                issuer: String? = nil, notBeforeEpoch: Double? = nil, notAfterEpoch: Double? = nil) {
        self.depth = depth
        self.code = code
        self.name = name
        self.message = message
        self.subject = subject
        self.issuer = issuer
        self.notBeforeEpoch = notBeforeEpoch
        self.notAfterEpoch = notAfterEpoch
    }

    enum CodingKeys: String, CodingKey {
        case depth, code, name, message, subject
    }
}

public struct HTTPSummary: Codable, Sendable {
    public var request: String
    public var status: Int?
    public var statusLine: String?
    /// The headers that matter, lower-cased names, in the order received (values escaped).
    public var headers: [String: String] = [:]
    public var timeToFirstByteMs: Double?
    public var headerBytes: Int = 0
    /// Status lines of the interim (1xx) responses read before the final one (at most a few).
    public var interimResponses: [String] = []

    public init(request: String) {
        self.request = request
    }

    enum CodingKeys: String, CodingKey {
        case request, status
        case statusLine = "status_line"
        case headers
        case timeToFirstByteMs = "time_to_first_byte_ms"
        case headerBytes = "header_bytes"
        case interimResponses = "interim_responses"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(request, forKey: .request)
        try container.encode(status, forKey: .status)
        try container.encode(statusLine, forKey: .statusLine)
        try container.encode(headers, forKey: .headers)
        try container.encode(timeToFirstByteMs.map(StageReport.rounded), forKey: .timeToFirstByteMs)
        try container.encode(headerBytes, forKey: .headerBytes)
        try container.encode(interimResponses, forKey: .interimResponses)
    }
}
