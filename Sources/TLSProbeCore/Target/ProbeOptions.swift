import FoundationEssentials

/// TLS protocol versions tlsprobe can offer. Raw values are what users type (`--tls-min 1.2`).
public enum TLSVersion: String, Sendable, CaseIterable, Comparable {
    case tls10 = "1.0"
    case tls11 = "1.1"
    case tls12 = "1.2"
    case tls13 = "1.3"

    /// OpenSSL's protocol constant (TLS1_VERSION …).
    var wireValue: Int32 {
        switch self {
        case .tls10: 0x0301
        case .tls11: 0x0302
        case .tls12: 0x0303
        case .tls13: 0x0304
        }
    }

    public var label: String { "TLS \(rawValue)" }

    init?(wireValue: Int) {
        switch wireValue {
        case 0x0301: self = .tls10
        case 0x0302: self = .tls11
        case 0x0303: self = .tls12
        case 0x0304: self = .tls13
        default: return nil
        }
    }

    public static func < (lhs: TLSVersion, rhs: TLSVersion) -> Bool { lhs.wireValue < rhs.wireValue }
}

/// Where trust anchors come from.
public enum TrustSource: Sendable, Equatable {
    /// SSL_CERT_FILE / SSL_CERT_DIR when set, else the system's hashed directory (looked up lazily).
    case system
    case file(String)
    case directory(String)
    case fileAndDirectory(String, String)

    public var label: String {
        switch self {
        case .system: "system"
        case .file(let path): path
        case .directory(let path): path
        case .fileAndDirectory(let file, let directory): "\(file) + \(directory)"
        }
    }

    /// The CA file given with --cacert, if any.
    public var caFile: String? {
        switch self {
        case .file(let path), .fileAndDirectory(let path, _): path
        case .system, .directory: nil
        }
    }
}

/// Everything that shapes a probe, shared by every target of a run.
public struct ProbeOptions: Sendable {
    public var trust: TrustSource = .system
    /// Connect here instead of the target's host (keeping the target's name for SNI, checks, Host).
    public var connectTo: String?
    public var sniOverride: String?
    public var sendSNI = true
    public var family: AddressFamily = .any
    /// HTTP CONNECT proxy and its exceptions (see Pipeline/Stages/ProxyStage.swift).
    public var proxy = ProxySettings()
    public var timeout: Double = 10
    public var connectTimeout: Double = 5
    public var tlsMin: TLSVersion?
    public var tlsMax: TLSVersion?
    /// TLS ≤ 1.2 cipher string; nil → a permissive offer (see `TLSOffer`).
    public var ciphers: String?
    /// TLS 1.3 cipher suites.
    public var cipherSuites: String?
    public var groups: String?
    public var alpn: [String] = ["http/1.1"]
    public var clientCertificatePath: String?
    public var clientKeyPath: String?
    /// Run the stage after the handshake (http, or app for other protocols); --no-http / --no-app.
    public var runHTTP = true
    /// --starttls PROTO: speak this protocol's upgrade whatever the target's scheme.
    public var startTLSOverride: AppProtocol?
    /// Whether --alpn was given; without it non-HTTP protocols offer their own default (none).
    public var alpnExplicit = false
    /// The MQTT application stage: CONNECT as this version, with these credentials.
    public var mqtt = MQTTSettings()
    /// wss://: the Sec-WebSocket-Protocol to ask for (e.g. "mqtt"); nil asks for none.
    public var webSocketProtocol: String?
    public var insecure = false
    public var verbose = false
    public var warnDays = 14
    public var failDays: Int?
    /// --at: verify the chain as of this time instead of now.
    public var at: Date?
    public var expectStatus: [Int]?
    /// Download a missing intermediate from its CA Issuers URL to show what browsers build; --no-fetch.
    public var fetchMissingIssuers = true
    /// --trust-stores: compare the chain against every store of `TrustStoreCatalogue`.
    public var compareTrustStores = false
    /// --revocation: ask the CA (OCSP responder, CRL) about each certificate; nil = off.
    public var revocation: RevocationMode?
    /// --expect-alpn: the protocol the server must select ("none" when it must select none).
    public var expectALPN: String?
    /// --expect-tls-min: the negotiated version must be at least this.
    public var expectTLSMin: TLSVersion?
    /// Warnings fail the run with exit 1.
    public var strict = false
    public var userAgent = "tlsprobe/\(TLSProbeVersion.current)"
    /// Probe as this client (`--client`): its offer, and its checks beyond the handshake.
    public var clientProfile: ClientProfile = ClientProfiles.defaultProfile
    /// `--client-buffer`: the device's input buffer instead of the profile's.
    public var clientBufferBytes: Int?
    /// How the device trusts the server; nil → `ClientTrust.implied(by:)`.
    public var clientTrust: ClientTrust?
    /// `--chip`: the ESP target whose hardware limits an ESP-IDF profile uses.
    public var chip: ESPChip = .defaultChip

    public init() {}
}
