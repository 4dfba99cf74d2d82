/// A client's ClientHello as code points, the way it goes on the wire: what the client matrix
/// replays with the raw ClientHello component (`RawHello`), so suites and groups OpenSSL lacks
/// count, and the extension list (status_request, EMS, padding …) is the client's own.
/// Captured from the real client where it runs here (scripts/capture-client-hello.py), else
/// from the source named in the profile.
public struct HelloRecipe: Sendable, Equatable {
    /// Versions offered, highest first (supported_versions when it includes TLS 1.3).
    public var versions: [UInt16]
    /// Cipher suites in the client's order, TLS 1.3 suites included; SCSVs too (0x00FF).
    public var suites: [UInt16]
    public var groups: [UInt16]
    /// Groups the client sends a key share for, in order.
    public var keyShares: [UInt16]
    public var signatureSchemes: [UInt16]
    /// Extension types in wire order. Bodies come from the fields above; an extension without
    /// a typed case takes its body from `rawBodies` (empty when absent there).
    public var extensions: [UInt16]
    public var alpn: [String] = []
    public var pointFormats: [UInt8] = [0]
    public var pskModes: [UInt8] = [1]
    /// RFC 7685 padding to 512 bytes when the hello would be 256–511 bytes long
    /// (OpenSSL's SSL_OP_TLSEXT_PADDING, part of SSL_OP_ALL, which curl and Python set).
    public var padsTo512 = false
    public var rawBodies: [UInt16: [UInt8]] = [:]

    public init(versions: [UInt16], suites: [UInt16], groups: [UInt16], keyShares: [UInt16], signatureSchemes: [UInt16],
                extensions: [UInt16], alpn: [String] = [], pointFormats: [UInt8] = [0], pskModes: [UInt8] = [1],
                padsTo512: Bool = false, rawBodies: [UInt16: [UInt8]] = [:]) {
        self.versions = versions
        self.suites = suites
        self.groups = groups
        self.keyShares = keyShares
        self.signatureSchemes = signatureSchemes
        self.extensions = extensions
        self.alpn = alpn
        self.pointFormats = pointFormats
        self.pskModes = pskModes
        self.padsTo512 = padsTo512
        self.rawBodies = rawBodies
    }

    public var offersTLS13: Bool { versions.contains(WireVersion.tls13) }
    public var requestsOCSPStaple: Bool { extensions.contains(WireExtension.statusRequest) }
    public var tls12Suites: [UInt16] { suites.filter { CipherSuiteTable.info($0)?.isTLS13 != true } }
    public var tls13Suites: [UInt16] { suites.filter { CipherSuiteTable.info($0)?.isTLS13 == true } }

    /// Extension code points (the ones a recipe names).
    public enum Ext {
        public static let statusRequestV2: UInt16 = 17
        public static let compressCertificate: UInt16 = 27
        public static let recordSizeLimit: UInt16 = 28
        public static let postHandshakeAuth: UInt16 = 49
        public static let signatureAlgorithmsCert: UInt16 = 50
        public static let applicationSettings: UInt16 = 17513
    }
}

/// What a client accepts once the server has chosen: its trust store, how it builds the chain,
/// how it matches the name, and the key, signature and size limits it enforces. The client
/// matrix judges the chain the server sent for that client's negotiation with these rules.
public struct ClientAcceptance: Sendable, Equatable {
    /// The TLS library and release that decides the rules ("OpenSSL 3.0.19", "JSSE 17.0.15").
    public var library: String
    public var trustStore: ClientTrustStore
    /// Finds intermediates anywhere in the Certificate message (RFC 8446 §4.4.2 allows any
    /// order); false: only after the certificate they sign (Mbed TLS).
    public var reordersChain = true
    /// Tries other paths when the first one fails, e.g. past an expired cross-sign (OpenSSL ≥
    /// 1.1.0, Go, Java, GnuTLS ≥ 3.6, browsers); OpenSSL 1.0.2 stops at the first.
    public var alternativeChains = true
    /// Compares the host with the subject CN when the certificate has no DNS SAN.
    public var commonNameFallback: Bool
    /// Matches an IP-address target against iPAddress SANs.
    public var matchesIPAddressSANs = true
    /// OpenSSL security level the client's library enforces on keys and signatures on the
    /// path (Debian builds default to 2); nil for a library that is not OpenSSL.
    public var securityLevel: Int32? = nil
    /// Smallest RSA key accepted anywhere on the path (leaf, intermediates, root).
    public var minRSABits: Int
    public var sha1Signatures: SHA1Rule
    /// Smallest finite-field DH group accepted in DHE; nil when the client offers no DHE.
    public var minDHBits: Int?
    /// Largest Certificate handshake message it takes (OpenSSL's max_cert_list, JSSE's
    /// jdk.tls.maxHandshakeMessageSize, Go's maxHandshake …); nil: no limit we know of.
    public var maxCertificateMessageBytes: Int?
    /// Critical extensions this library handles that OpenSSL's verifier calls unhandled
    /// (X509_V_ERR_UNHANDLED_CRITICAL_EXTENSION), by OpenSSL's long name.
    public var handledCriticalExtensions: Set<String> = []

    public init(library: String, trustStore: ClientTrustStore, reordersChain: Bool = true,
                alternativeChains: Bool = true, commonNameFallback: Bool, matchesIPAddressSANs: Bool = true,
                securityLevel: Int32? = nil, minRSABits: Int, sha1Signatures: SHA1Rule, minDHBits: Int?, maxCertificateMessageBytes: Int?) {
        self.library = library
        self.trustStore = trustStore
        self.reordersChain = reordersChain
        self.alternativeChains = alternativeChains
        self.commonNameFallback = commonNameFallback
        self.matchesIPAddressSANs = matchesIPAddressSANs
        self.securityLevel = securityLevel
        self.minRSABits = minRSABits
        self.sha1Signatures = sha1Signatures
        self.minDHBits = minDHBits
        self.maxCertificateMessageBytes = maxCertificateMessageBytes
    }

    /// SHA-1 in certificate signatures below the root (a root's self-signature is never checked).
    public enum SHA1Rule: String, Sendable {
        /// Refused everywhere (OpenSSL 3 at security level ≥ 1, Go ≥ 1.18, browsers).
        case refused
        /// Refused only on chains that end at a root the vendor ships (JSSE's "SHA1 jdkCA &
        /// usage TLSServer"): a private root still works.
        case refusedUnderShippedRoots = "refused-under-shipped-roots"
        case accepted
    }
}

/// The root list a client trusts by default. The matrix judges each client against that store
/// from the trust-store catalogue (Trust/) where this machine has it (system, Java cacerts,
/// certifi); the others (Android, Apple, Windows, the browsers' root programs, Node's compiled-in
/// roots) stand in with the system store, and the row says so (`ClientMatrix` → ClientStores).
public enum ClientTrustStore: String, Sendable, CaseIterable {
    /// The distribution's bundle (/etc/ssl/certs: Debian ca-certificates = Mozilla's list).
    case system
    /// JDK cacerts (Debian's is generated from ca-certificates).
    case javaCacerts = "java-cacerts"
    /// Python's certifi package (what requests, httpx and pip verify against by default).
    case certifi
    /// Node's bundled Mozilla snapshot (node --use-openssl-ca switches to the system's).
    case nodeBundled = "node-bundled"
    case android
    case apple
    case windows
    /// Mozilla NSS's built-in roots (Firefox).
    case mozilla
    /// The Chrome Root Store.
    case chrome
    /// The ESP-IDF certificate bundle (embedded profiles).
    case espBundle = "esp-idf-bundle"
}
