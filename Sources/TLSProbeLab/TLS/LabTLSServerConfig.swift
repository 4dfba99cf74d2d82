import FoundationEssentials
import TLSProbeCore

public enum LabTLSVersion: Int32, Sendable, CaseIterable, CustomStringConvertible {
    case tls1_0 = 0x0301
    case tls1_1 = 0x0302
    case tls1_2 = 0x0303
    case tls1_3 = 0x0304

    /// The probe's version type names it ("TLS 1.2"): one spelling for both.
    public var probeVersion: TLSVersion { TLSVersion.allCases[Int(rawValue - LabTLSVersion.tls1_0.rawValue)] }

    public var description: String { probeVersion.label }
}

public enum LabClientAuth: Sendable {
    case none
    /// Ask for a certificate, accept any (or none).
    case request
    /// Send a CertificateRequest naming these CAs; reject clients without a certificate they issued.
    case require(acceptableCAs: [LabCertificate])
}

public enum LabSNIPolicy: Sendable {
    case ignore
    /// A ClientHello without SNI is answered with this fatal alert (default unrecognized_name).
    case requireSNI(alert: UInt8 = 112)
    /// An SNI name not in this list (case-insensitive) gets a fatal unrecognized_name (112) alert.
    /// A ClientHello without SNI is served.
    case knownNames([String])
}

/// How a `LabTLSServer` is configured. Everything is deliberately permissive: the security level
/// is 0, so weak keys, SHA-1 chains, TLS 1.0 and NULL ciphers can all be served.
public struct LabTLSServerConfig: Sendable {
    /// Sent exactly as given: leaf first, then anything (wrong order, duplicates, a root, strangers).
    public var chain: [LabCertificate]
    /// The leaf's key unless set.
    public var key: LabKey?
    public var minVersion: LabTLSVersion?
    public var maxVersion: LabTLSVersion?
    /// OpenSSL cipher string for TLS 1.2 and below, e.g. "DHE-RSA-AES128-GCM-SHA256".
    public var cipherList: String?
    /// TLS 1.3 suites, e.g. "TLS_CHACHA20_POLY1305_SHA256".
    public var cipherSuites: String?
    /// Key-exchange groups, e.g. "P-256" or "x25519".
    public var groups: String?
    /// Signature algorithms, e.g. "rsa_pss_rsae_sha256:rsa_pss_rsae_sha384".
    public var sigalgs: String?
    /// A named finite-field group for DHE suites: "ffdhe2048", "dh_1024_160", "modp_1536"…
    public var dhGroup: String?
    /// The ALPN protocol selected for every ClientHello that carries ALPN, offered or not: the
    /// select callback's answer is taken as given by OpenSSL (it does not check the client's list),
    /// so the lab can be the server that answers h2 to an http/1.1-only offer.
    public var alpnAnswer: String?
    /// Choose suites and signature algorithms in the server's order, not the client's
    /// (SSL_OP_CIPHER_SERVER_PREFERENCE): a server that signs with SHA-1 when offered it although
    /// it has SHA-256.
    public var serverPreference = false
    public var clientAuth: LabClientAuth
    public var sni: LabSNIPolicy
    public var http: LabHTTPBehaviour
    public var limits: LabServerLimits

    public init(
        chain: [LabCertificate],
        key: LabKey? = nil,
        minVersion: LabTLSVersion? = nil,
        maxVersion: LabTLSVersion? = nil,
        cipherList: String? = nil,
        cipherSuites: String? = nil,
        groups: String? = nil,
        sigalgs: String? = nil,
        dhGroup: String? = nil,
        clientAuth: LabClientAuth = .none,
        sni: LabSNIPolicy = .ignore,
        http: LabHTTPBehaviour = .healthy,
        limits: LabServerLimits = LabServerLimits()
    ) {
        self.chain = chain
        self.key = key
        self.minVersion = minVersion
        self.maxVersion = maxVersion
        self.cipherList = cipherList
        self.cipherSuites = cipherSuites
        self.groups = groups
        self.sigalgs = sigalgs
        self.dhGroup = dhGroup
        self.clientAuth = clientAuth
        self.sni = sni
        self.http = http
        self.limits = limits
    }

    /// Only this one version.
    public mutating func pin(_ version: LabTLSVersion) {
        minVersion = version
        maxVersion = version
    }
}
