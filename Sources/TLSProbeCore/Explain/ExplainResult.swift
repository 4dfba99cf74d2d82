/// What `tlsprobe explain` knows about one pasted code or name. Rendered as text or JSON;
/// the JSON keys are snake_case and part of the output contract.
public struct ExplainResult: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable {
        case mbedtls
        case mbedtlsComposite = "mbedtls_composite"
        case espTLS = "esp_tls"
        case x509Flags = "x509_flags"
        case opensslVerify = "openssl_verify"
        case opensslError = "openssl_error"
        case tlsAlert = "tls_alert"
        case curl
        case exitCode = "exit_code"
        case diagnosis
        case unknown
    }

    /// The same fault as the other tools name it.
    public struct Related: Codable, Sendable, Equatable {
        public var mbedtls: [String] = []
        public var openssl: [String] = []
        public var tlsprobe: [String] = []
        public var curl: [String] = []

        public var isEmpty: Bool { mbedtls.isEmpty && openssl.isEmpty && tlsprobe.isEmpty && curl.isEmpty }
    }

    public var query: String
    public var kind: Kind
    public var name: String?
    public var meaning: String?
    /// Most likely first.
    public var causes: [String] = []
    public var fixes: [String] = []
    public var related = Related()
    /// The high and low parts of a composite mbedTLS code, or each bit of a flag mask.
    public var parts: [ExplainResult] = []
    public var versionNotes: [String] = []
    public var oftenMistakenFor: [String] = []
    /// For unknown input: the closest known names, ids and codes.
    public var suggestions: [String] = []
    public var hint: String?

    public init(query: String, kind: Kind, name: String? = nil, meaning: String? = nil) {
        self.query = query
        self.kind = kind
        self.name = name
        self.meaning = meaning
    }

    enum CodingKeys: String, CodingKey {
        case query, kind, name, meaning, causes, fixes, related, parts, hint, suggestions
        case versionNotes = "version_notes"
        case oftenMistakenFor = "often_mistaken_for"
    }

    public static let probeHint = "Run `tlsprobe HOST` to see which of these applies to your server."
}
