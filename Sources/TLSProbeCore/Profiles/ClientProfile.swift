/// A client to probe as: what it offers in its ClientHello and what it accepts afterwards.
///
/// Profiles are data, one Swift file each (`ClientProfile+<Name>.swift`) holding a single
/// literal, registered by one line in `ClientProfiles.all`. Why Swift literals and not JSON
/// resources: SwiftPM resources are found through `Bundle.module`, which looks next to the
/// build products and breaks for an installed binary (`make install` copies the executable
/// only). A literal is compiled into the binary, and a misspelt field fails the build instead
/// of failing at start-up on a user's machine.
public struct ClientProfile: Sendable {
    /// What users type after `--client`.
    public var name: String
    /// One line for `--client list`.
    public var summary: String
    /// The exact release the data describes, e.g. "ESP-IDF v5.5.4 (Mbed TLS 3.6.5), Kconfig defaults".
    public var basis: String
    /// The permissive probe with a modern OpenSSL client's verdict: the behaviour without `--client`.
    public var isOpenSSLDefault: Bool

    public var minVersion: TLSVersion
    public var maxVersion: TLSVersion
    /// TLS 1.2 cipher suites in the client's order, IANA names. Suites OpenSSL cannot send are
    /// kept (they are part of the truth) and left out of the offer.
    public var tls12CipherSuites: [String]
    /// TLS 1.3 suites, IANA names (= OpenSSL names); empty when the client has no TLS 1.3.
    public var tls13CipherSuites: [String]
    /// supported_groups in order, OpenSSL group names.
    public var groups: [String]
    /// signature_algorithms in order, OpenSSL sigalg names (`SSL_CTX_set1_sigalgs_list` syntax).
    public var signatureAlgorithms: [String]
    /// ALPN protocols it offers when the user names none; nil keeps tlsprobe's default.
    public var alpn: [String]?
    /// Whether it sends server_name.
    public var sendsSNI: Bool

    /// Largest incoming TLS record / handshake message the client can hold, in bytes.
    public var inputBufferBytes: Int?
    /// RSA keys above this size fail (a hardware limit); nil when any size works.
    public var maxRSABits: Int?
    /// RSA keys below this size are rejected in certificates.
    public var minRSABits: Int
    /// Curves accepted in certificates (OpenSSL short names, e.g. "P-256").
    public var certificateCurves: [String]
    /// Hashes accepted in certificate signatures ("sha256", …).
    public var certificateHashes: [String]
    /// Whether Ed25519 / Ed448 keys and signatures work at all.
    public var supportsEdDSA: Bool
    /// Whether certificate dates are checked by default.
    public var checksDates: Bool
    /// Name of the built-in root list the client trusts by default (see `ESPCertificateBundle`).
    public var defaultBundle: String?

    /// What turning TLS 1.3 on in the build adds, for the follow-up that asks "would 1.3 help".
    public var tls13Option: TLS13Option?

    /// For an Mbed TLS client: what it does after the ClientHello (chain building, message size,
    /// codes, logging), which the device prediction follows. nil for other clients.
    public var mbedTLS: MbedTLSBehaviour? = nil
    /// Where the offer and limits above come from, one line per fact (`--client list`).
    public var sources: [ProfileSource] = []
    /// Whether it sends an IP-address host as server_name too (Mbed TLS does; RFC 6066 says not to).
    public var sendsSNIForIPAddress: Bool = false
    /// Who drives Mbed TLS on the device (log lines).
    public var framework: DeviceFramework = .espTLS
    /// Whether it downloads a missing intermediate from the CA Issuers URL (AIA) as browsers do.
    /// curl, OpenSSL, Python, Java (by default), Go and Mbed TLS never do: then tlsprobe does not either.
    public var fetchesMissingIssuers: Bool = false
    /// Which `--chip` facts apply (ESP-IDF targets); false for clients that run on a PC.
    public var usesChip: Bool = false
    /// Rules of the strict pass (`chain.strict`) this client enforces although OpenSSL's default
    /// verification does not: such a finding is this client's failure, not a warning
    /// (`StrictRule.x509Strict` for an OpenSSL client with X509_V_FLAG_X509_STRICT, as Python
    /// 3.13's default context). Only rules checked against the real client belong here: the
    /// Mbed TLS profiles list none (Mbed TLS and OpenSSL 3 agree on the CA bit; it ignores
    /// criticality, key identifiers and CA EKUs).
    public var strictRules: Set<StrictRule> = []
    /// The ClientHello as the client puts it on the wire (code points, extension order, key
    /// shares), for the client matrix's raw offer. nil: built from the fields above.
    public var hello: HelloRecipe? = nil
    /// What the client accepts once the server has answered (trust store, chain building, name
    /// rules, key and message limits), for the client matrix. nil for Mbed TLS profiles, which
    /// `mbedTLS` and the device model describe.
    public var acceptance: ClientAcceptance? = nil

    public struct TLS13Option: Sendable {
        /// The build setting, e.g. "CONFIG_MBEDTLS_SSL_PROTO_TLS1_3=y".
        public let setting: String
        public let cipherSuites: [String]
        /// Signature algorithms TLS 1.3 adds to the list (RSA-PSS for mbedTLS).
        public let extraSignatureAlgorithms: [String]
    }

    /// `tls12CipherSuites` in OpenSSL's names, skipping what OpenSSL cannot send.
    public var opensslCipherNames: [String] { tls12CipherSuites.compactMap(CipherNames.openSSLName(forIANA:)) }

    /// The suites the offer has to leave out.
    public var unreproducibleSuites: [String] { tls12CipherSuites.filter { CipherNames.openSSLName(forIANA: $0) == nil } }
}
