/// One IANA TLS cipher suite code point and what it is made of (the rows are generated, see
/// CipherSuiteTable+Data.swift). The raw ClientHello component offers suites by code point, so
/// it can ask a server about suites OpenSSL cannot speak (Camellia-GCM, ARIA, GOST, PSK …).
public struct CipherSuiteInfo: Sendable, Equatable {
    public let code: UInt16
    public let ianaName: String
    public let opensslName: String
    /// The first protocol version that defines the suite ("SSLv3", "TLSv1", "TLSv1.2", "TLSv1.3").
    public let since: String
    public let keyExchange: String
    public let authentication: String
    public let encryption: String
    public let mac: String
    public let export: Bool

    init(_ code: UInt16, _ ianaName: String, openssl: String, since: String, kx: String, au: String, enc: String, mac: String, export: Bool) {
        self.code = code
        self.ianaName = ianaName
        self.opensslName = openssl
        self.since = since
        keyExchange = kx
        authentication = au
        encryption = enc
        self.mac = mac
        self.export = export
    }

    public var isTLS13: Bool { since == "TLSv1.3" }
    public var isAEAD: Bool { mac == "AEAD" }
    /// CBC-mode block cipher with a separate MAC (Lucky13-class padding oracles, no AEAD).
    public var isCBC: Bool {
        !isAEAD && !["None", "RC4", "RC2"].contains(where: { encryption.hasPrefix($0) }) && !encryption.hasPrefix("GOST")
    }

    /// Why a modern default client (OpenSSL 3 DEFAULT, current browsers, Go, Java 17, curl)
    /// does not offer this suite; nil when such clients offer it.
    public var modernClientRefusal: String? {
        let enc = encryption
        if export { return "export-grade (40/56-bit) cryptography" }
        if enc.hasPrefix("None") { return "NULL encryption (no confidentiality)" }
        if authentication == "None" || ianaName.contains("_anon_") { return "anonymous key exchange (no server authentication)" }
        if enc.hasPrefix("RC4") { return "RC4 (prohibited by RFC 7465)" }
        if enc.hasPrefix("RC2") || enc.hasPrefix("IDEA") || enc.hasPrefix("SEED") { return "\(enc.prefix { $0 != "(" }) (legacy cipher in no default client list)" }
        if enc.hasPrefix("DES") { return "single DES (56-bit)" }
        if enc.hasPrefix("3DES") { return "3DES (64-bit block, Sweet32; removed from default lists)" }
        if ianaName.contains("PSK") { return "pre-shared key suite (needs a key a normal client does not have)" }
        if ianaName.contains("SRP") { return "SRP suite (needs a password a normal client does not have)" }
        if ianaName.contains("KRB5") { return "Kerberos suite (obsolete)" }
        if enc.hasPrefix("GOST") || ianaName.contains("GOST") { return "GOST suite (only GOST-enabled builds)" }
        if enc.hasPrefix("AESCCM8") { return "AES-CCM with an 8-byte tag (IoT profile; in no default client list)" }
        if enc.hasPrefix("CamelliaGCM") { return "Camellia-GCM (OpenSSL, Go and browsers do not implement it)" }
        if enc.hasPrefix("ARIA") { return "ARIA (not in any default client list)" }
        if enc.hasPrefix("Camellia") { return "Camellia (not in any default client list)" }
        if enc.hasPrefix("AESCCM") && !isTLS13 { return "AES-CCM (not in OpenSSL's, browsers' or Go's default list)" }
        if isTLS13 && (enc.hasPrefix("AESCCM") || ianaName.hasSuffix("CCM_8_SHA256")) { return "TLS 1.3 AES-CCM (not in default client lists)" }
        if ianaName.contains("_ECDH_") || ianaName.contains("_DH_") { return "static (EC)DH key exchange (no client implements it any more)" }
        if ianaName.contains("_DSS_") { return "DSA authentication (removed from current clients)" }
        return nil
    }
}

/// Lookups over the generated rows.
public enum CipherSuiteTable {
    private static let byCode: [UInt16: CipherSuiteInfo] = Dictionary(rows.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })

    public static var all: [CipherSuiteInfo] { rows }
    public static func info(_ code: UInt16) -> CipherSuiteInfo? { byCode[code] }

    /// "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256" (IANA name), or "0xC02F" for a code point we do not know.
    public static func name(_ code: UInt16) -> String { byCode[code]?.ianaName ?? hex(code) }

    public static func code(named name: String) -> UInt16? {
        rows.first { $0.ianaName == name || $0.opensslName == name }?.code
    }

    /// Every known TLS 1.2-and-earlier suite, and every TLS 1.3 suite.
    public static var tls12AndEarlier: [UInt16] { rows.filter { !$0.isTLS13 }.map(\.code) }
    public static var tls13: [UInt16] { rows.filter(\.isTLS13).map(\.code) }
}

func hex(_ value: UInt16) -> String {
    let digits = Array("0123456789ABCDEF")
    return "0x" + String([digits[Int(value >> 12)], digits[Int(value >> 8 & 0xF)], digits[Int(value >> 4 & 0xF)], digits[Int(value & 0xF)]])
}
