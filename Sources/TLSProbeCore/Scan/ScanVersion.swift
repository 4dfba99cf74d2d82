/// The protocol versions a capability scan asks about, SSL 3.0 to TLS 1.3. `key` is the JSON
/// key (`scan.cipher_suites.tls1_2`); `label` what people read ("TLS 1.2").
public enum ScanVersion: String, Sendable, CaseIterable, Codable, Comparable {
    case ssl3 = "ssl3"
    case tls10 = "tls1_0"
    case tls11 = "tls1_1"
    case tls12 = "tls1_2"
    case tls13 = "tls1_3"

    public var key: String { rawValue }
    public var code: UInt16 {
        switch self {
        case .ssl3: WireVersion.ssl30
        case .tls10: WireVersion.tls10
        case .tls11: WireVersion.tls11
        case .tls12: WireVersion.tls12
        case .tls13: WireVersion.tls13
        }
    }

    public var label: String { WireVersion.name(code) }
    public var isTLS13: Bool { self == .tls13 }

    /// The suites worth offering at this version: TLS 1.3 has its own five; TLS 1.2 and below
    /// get every other IANA suite (a TLS 1.0 server ignores the TLS 1.2-only ones it does not know).
    var candidateSuites: [UInt16] { isTLS13 ? CipherSuiteTable.tls13 : CipherSuiteTable.tls12AndEarlier.filter { !ScanOffers.signallingSuites.contains($0) } }

    public static func < (lhs: ScanVersion, rhs: ScanVersion) -> Bool { lhs.code < rhs.code }
}
