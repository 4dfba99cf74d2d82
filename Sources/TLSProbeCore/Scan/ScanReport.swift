/// What `tlsprobe scan` found the server accepts: the `scan` object of the JSON report. Every
/// type has explicit snake_case keys (a contract, like the rest of `ProbeReport`). Dictionaries
/// are keyed by `ScanVersion.key` ("tls1_2") so `jq '.scan.cipher_suites.tls1_2'` works.
public struct ScanReport: Codable, Sendable {
    /// One row per version, SSL 2.0 (key `ssl2`, asked in its own record format) and SSL 3.0 to
    /// TLS 1.3, whether accepted or not.
    public var versions: [ScannedVersion] = []
    /// The SSL 2.0 cipher kinds the server's SERVER-HELLO listed ("0x010080"); empty unless it speaks SSL 2.0.
    public var ssl2CipherSpecs: [ScannedCode] = []
    /// Accepted suites per accepted version, in the server's preference order when it has one
    /// (`server_order`), else in the order they were found.
    public var cipherSuites: [String: [ScannedSuite]] = [:]
    /// Per version: true when the server picks by its own order, false when it follows the
    /// client's, absent when fewer than two suites were accepted.
    public var serverOrder: [String: Bool] = [:]
    /// Groups per version (TLS 1.3: the server's order as HelloRetryRequests name it; TLS 1.2:
    /// the elliptic curves it accepts for ECDHE, tried one at a time).
    public var groups: [String: [ScannedCode]] = [:]
    /// Signature schemes the server can sign with, per version (offered one at a time).
    public var signatureAlgorithms: [String: [ScannedCode]] = [:]
    /// Versions at which the server answered an offer of only an unassigned signature scheme:
    /// it signs with whatever it has, whatever the client lists.
    public var signatureAlgorithmsIgnored: [String] = []
    /// The DH group of the server's DHE suites, at the best TLS ≤ 1.2 version with one: an entry
    /// for a hello listing the RFC 7919 ffdhe groups and one for a hello without them, where
    /// the server answered with DHE. Empty when no DHE suite is accepted.
    public var dhParameters: [ScannedDHParameters] = []
    /// One entry per distinct leaf certificate, with the key type that selected it.
    public var certificates: [ScannedCertificate] = []
    public var features = ScannedFeatures()
    /// Each raw offer or handshake the scan made, counted; and its wall-clock time.
    public var connections = 0
    public var durationMs: Double = 0
    /// Checks that could not be made and why (deadline passed, nothing to test against).
    public var notes: [String] = []

    public init() {}

    /// The `versions` key of the SSL 2.0 row.
    public static let ssl2Key = "ssl2"
    public var acceptsSSLv2: Bool { versions.contains { $0.key == Self.ssl2Key && $0.accepted } }

    public func suites(_ version: ScanVersion) -> [ScannedSuite] { cipherSuites[version.key] ?? [] }
    public var acceptedVersions: [ScanVersion] { versions.filter(\.accepted).compactMap { ScanVersion(rawValue: $0.key) } }

    enum CodingKeys: String, CodingKey {
        case versions
        case ssl2CipherSpecs = "ssl2_cipher_specs"
        case cipherSuites = "cipher_suites"
        case serverOrder = "server_order"
        case groups
        case signatureAlgorithms = "signature_algorithms"
        case signatureAlgorithmsIgnored = "signature_algorithms_ignored"
        case dhParameters = "dh_parameters"
        case certificates, features, connections
        case durationMs = "duration_ms"
        case notes
    }
}

public struct ScannedVersion: Codable, Sendable, Equatable {
    public var key: String
    public var name: String
    public var accepted: Bool
    /// What the server answered to an offer of this version alone ("ServerHello TLS 1.2, …",
    /// "alert protocol_version (70)", "answered with TLS 1.0").
    public var answer: String

    enum CodingKeys: String, CodingKey { case key, name, accepted, answer }
}

public struct ScannedSuite: Codable, Sendable, Equatable {
    /// "0xC02F"
    public var code: String
    public var name: String
    /// OpenSSL's name, or null for a suite OpenSSL has no name for.
    public var opensslName: String?
    public var keyExchange: String
    public var authentication: String
    public var encryption: String
    public var mac: String
    public var bits: Int?
    public var aead: Bool
    public var forwardSecrecy: Bool
    /// Why a current default client does not offer it (RC4, export, anonymous …), else null.
    public var weakness: String?

    init(_ info: CipherSuiteInfo) {
        code = hex(info.code)
        name = info.ianaName
        opensslName = info.opensslName.isEmpty || info.opensslName == "-" ? nil : info.opensslName
        keyExchange = info.keyExchange
        authentication = info.authentication
        encryption = info.encryption
        mac = info.mac
        bits = ScannedSuite.bits(of: info.encryption)
        aead = info.isAEAD
        forwardSecrecy = ScannedSuite.hasForwardSecrecy(info)
        weakness = info.modernClientRefusal
    }

    /// "AESGCM(128)" → 128.
    static func bits(of encryption: String) -> Int? {
        guard let open = encryption.firstIndex(of: "("), let close = encryption.firstIndex(of: ")"), open < close else { return nil }
        return Int(encryption[encryption.index(after: open)..<close])
    }

    /// Ephemeral (EC)DH, or any TLS 1.3 suite; static RSA, DH and ECDH key exchange have none.
    static func hasForwardSecrecy(_ info: CipherSuiteInfo) -> Bool {
        if info.isTLS13 { return true }
        let name = info.ianaName
        return name.contains("_DHE_") || name.contains("_ECDHE_") || name.contains("_CECPQ")
    }

    enum CodingKeys: String, CodingKey {
        case code, name
        case opensslName = "openssl_name"
        case keyExchange = "key_exchange"
        case authentication, encryption, mac, bits, aead
        case forwardSecrecy = "forward_secrecy"
        case weakness
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(code, forKey: .code)
        try container.encode(name, forKey: .name)
        try container.encode(opensslName, forKey: .opensslName)
        try container.encode(keyExchange, forKey: .keyExchange)
        try container.encode(authentication, forKey: .authentication)
        try container.encode(encryption, forKey: .encryption)
        try container.encode(mac, forKey: .mac)
        try container.encode(bits, forKey: .bits)
        try container.encode(aead, forKey: .aead)
        try container.encode(forwardSecrecy, forKey: .forwardSecrecy)
        try container.encode(weakness, forKey: .weakness)
    }
}

/// A group or signature scheme: its code point and name.
public struct ScannedCode: Codable, Sendable, Equatable {
    public var code: String
    public var name: String

    init(code: UInt16, name: String) {
        self.code = hex(code)
        self.name = name
    }

    init(code: String, name: String) {
        self.code = code
        self.name = name
    }
}

/// The DH group one DHE ServerKeyExchange carried.
public struct ScannedDHParameters: Codable, Sendable, Equatable {
    /// The version offered ("tls1_2").
    public var version: String
    /// Whether the ClientHello listed the RFC 7919 ffdhe groups in supported_groups.
    public var ffdheGroupsListed: Bool
    /// The DHE suite the server chose (IANA name).
    public var cipher: String
    /// The prime's size.
    public var bits: Int
    /// "ffdhe2048" (RFC 7919), "modp2048" (RFC 2409/3526), or null for a prime of the server's own.
    public var group: String?

    /// Below what a modern default client accepts: the scan's key.weak_dh.
    public var isWeak: Bool { bits < PolicyJudge.minimumDHBits }

    enum CodingKeys: String, CodingKey {
        case version
        case ffdheGroupsListed = "ffdhe_groups_listed"
        case cipher, bits, group
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(version, forKey: .version)
        try container.encode(ffdheGroupsListed, forKey: .ffdheGroupsListed)
        try container.encode(cipher, forKey: .cipher)
        try container.encode(bits, forKey: .bits)
        try container.encode(group, forKey: .group)
    }
}

/// A leaf certificate the server sends, and which offer made it send that one.
public struct ScannedCertificate: Codable, Sendable {
    /// "RSA", "ECDSA", "Ed25519", "Ed448", "DSA": what the offer restricted authentication to.
    public var requested: String
    public var version: String
    public var cipher: String
    /// The chain as sent, leaf first.
    public var chain: [CertificateSummary]
    /// Whether a stapled OCSP response came with it.
    public var ocspStapled: Bool

    enum CodingKeys: String, CodingKey {
        case requested, version, cipher, chain
        case ocspStapled = "ocsp_stapled"
    }
}

/// Yes/no answers; null where the question does not apply or could not be asked.
public struct ScannedFeatures: Codable, Sendable, Equatable {
    /// The server chose DEFLATE when offered it (CRIME).
    public var compression: Bool?
    /// renegotiation_info (RFC 5746) answered, on TLS ≤ 1.2.
    public var secureRenegotiation: Bool?
    /// The server completed a renegotiation the client started (TLS ≤ 1.2, after secure
    /// renegotiation); false when it refused; null when not asked or not answered.
    public var clientRenegotiation: Bool?
    /// The server refused a lower-version hello carrying TLS_FALLBACK_SCSV with inappropriate_fallback.
    public var fallbackSCSV: Bool?
    public var extendedMasterSecret: Bool?
    /// encrypt_then_mac answered when only CBC suites were offered.
    public var encryptThenMAC: Bool?
    /// session_ticket answered on TLS ≤ 1.2, or a NewSessionTicket received on TLS 1.3.
    public var sessionTickets: Bool?
    /// A second handshake resumed the first one's session by session id (TLS ≤ 1.2).
    public var resumptionSessionID: Bool?
    /// A second handshake resumed by ticket / PSK.
    public var resumptionTicket: Bool?
    public var ocspStapling: Bool?
    /// ALPN protocols the server selects when offered alone, in the order tried.
    public var alpn: [String] = []

    enum CodingKeys: String, CodingKey {
        case compression
        case secureRenegotiation = "secure_renegotiation"
        case clientRenegotiation = "client_renegotiation"
        case fallbackSCSV = "fallback_scsv"
        case extendedMasterSecret = "extended_master_secret"
        case encryptThenMAC = "encrypt_then_mac"
        case sessionTickets = "session_tickets"
        case resumptionSessionID = "resumption_session_id"
        case resumptionTicket = "resumption_ticket"
        case ocspStapling = "ocsp_stapling"
        case alpn
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(compression, forKey: .compression)
        try container.encode(secureRenegotiation, forKey: .secureRenegotiation)
        try container.encode(clientRenegotiation, forKey: .clientRenegotiation)
        try container.encode(fallbackSCSV, forKey: .fallbackSCSV)
        try container.encode(extendedMasterSecret, forKey: .extendedMasterSecret)
        try container.encode(encryptThenMAC, forKey: .encryptThenMAC)
        try container.encode(sessionTickets, forKey: .sessionTickets)
        try container.encode(resumptionSessionID, forKey: .resumptionSessionID)
        try container.encode(resumptionTicket, forKey: .resumptionTicket)
        try container.encode(ocspStapling, forKey: .ocspStapling)
        try container.encode(alpn, forKey: .alpn)
    }
}
