/// IANA code points the raw ClientHello component speaks in: versions, groups, signature
/// schemes and extension types, with the names people know them by.
public enum WireVersion {
    public static let ssl30: UInt16 = 0x0300
    public static let tls10: UInt16 = 0x0301
    public static let tls11: UInt16 = 0x0302
    public static let tls12: UInt16 = 0x0303
    public static let tls13: UInt16 = 0x0304

    public static func name(_ code: UInt16) -> String {
        switch code {
        case ssl30: "SSL 3.0"
        case tls10: "TLS 1.0"
        case tls11: "TLS 1.1"
        case tls12: "TLS 1.2"
        case tls13: "TLS 1.3"
        default:
            if code & 0x0F0F == 0x0A0A { "GREASE" }
            else if code >> 8 == 0x7F { "TLS 1.3 draft \(code & 0xFF)" }
            else { hex(code) }
        }
    }
}

public enum WireGroup {
    public static let p256: UInt16 = 0x0017
    public static let p384: UInt16 = 0x0018
    public static let p521: UInt16 = 0x0019
    public static let x25519: UInt16 = 0x001D
    public static let x448: UInt16 = 0x001E
    public static let ffdhe2048: UInt16 = 0x0100
    public static let ffdhe3072: UInt16 = 0x0101
    public static let ffdhe4096: UInt16 = 0x0102

    private static let names: [UInt16: String] = [
        0x0001: "sect163k1", 0x0009: "sect283k1", 0x000E: "sect571r1", 0x0013: "secp192r1", 0x0015: "secp224r1",
        0x0016: "secp256k1", 0x0017: "P-256", 0x0018: "P-384", 0x0019: "P-521", 0x001A: "brainpoolP256r1",
        0x001B: "brainpoolP384r1", 0x001C: "brainpoolP512r1", 0x001D: "x25519", 0x001E: "x448",
        0x001F: "brainpoolP256r1tls13", 0x0020: "brainpoolP384r1tls13", 0x0021: "brainpoolP512r1tls13",
        0x0100: "ffdhe2048", 0x0101: "ffdhe3072", 0x0102: "ffdhe4096", 0x0103: "ffdhe6144", 0x0104: "ffdhe8192",
        0x11EC: "X25519MLKEM768", 0x6399: "X25519Kyber768Draft00",
    ]

    public static func name(_ code: UInt16) -> String {
        if let name = names[code] { return name }
        return code & 0x0F0F == 0x0A0A ? "GREASE" : hex(code)
    }

    /// What every current client offers (browsers, OpenSSL 3, Go, Java 17, Mbed TLS).
    public static let common: Set<UInt16> = [x25519, p256, p384]
    public static var all: [UInt16] { names.keys.sorted() }
}

public enum WireSignatureScheme {
    private static let names: [UInt16: String] = [
        0x0201: "rsa_pkcs1_sha1", 0x0203: "ecdsa_sha1", 0x0202: "dsa_sha1", 0x0101: "rsa_pkcs1_md5",
        0x0301: "rsa_pkcs1_sha224", 0x0303: "ecdsa_sha224", 0x0401: "rsa_pkcs1_sha256", 0x0403: "ecdsa_secp256r1_sha256",
        0x0501: "rsa_pkcs1_sha384", 0x0503: "ecdsa_secp384r1_sha384", 0x0601: "rsa_pkcs1_sha512", 0x0603: "ecdsa_secp521r1_sha512",
        0x0804: "rsa_pss_rsae_sha256", 0x0805: "rsa_pss_rsae_sha384", 0x0806: "rsa_pss_rsae_sha512",
        0x0807: "ed25519", 0x0808: "ed448", 0x0809: "rsa_pss_pss_sha256", 0x080A: "rsa_pss_pss_sha384", 0x080B: "rsa_pss_pss_sha512",
        0x081A: "ecdsa_brainpoolP256r1tls13_sha256", 0x081B: "ecdsa_brainpoolP384r1tls13_sha384", 0x081C: "ecdsa_brainpoolP512r1tls13_sha512",
    ]

    public static func name(_ code: UInt16) -> String { names[code] ?? hex(code) }
    public static var all: [UInt16] { names.keys.sorted() }
    /// SHA-1 and MD5 schemes: refused by OpenSSL 3 at its default security level and by browsers.
    public static func isLegacyHash(_ code: UInt16) -> Bool { code & 0xFF00 == 0x0200 || code & 0xFF00 == 0x0100 }
}

public enum WireExtension {
    public static let serverName: UInt16 = 0
    public static let statusRequest: UInt16 = 5
    public static let supportedGroups: UInt16 = 10
    public static let ecPointFormats: UInt16 = 11
    public static let signatureAlgorithms: UInt16 = 13
    public static let alpn: UInt16 = 16
    public static let signedCertificateTimestamp: UInt16 = 18
    public static let padding: UInt16 = 21
    public static let encryptThenMAC: UInt16 = 22
    public static let extendedMasterSecret: UInt16 = 23
    public static let sessionTicket: UInt16 = 35
    public static let preSharedKey: UInt16 = 41
    public static let supportedVersions: UInt16 = 43
    public static let cookie: UInt16 = 44
    public static let pskKeyExchangeModes: UInt16 = 45
    public static let keyShare: UInt16 = 51
    public static let renegotiationInfo: UInt16 = 0xFF01

    private static let names: [UInt16: String] = [
        0: "server_name", 1: "max_fragment_length", 5: "status_request", 10: "supported_groups", 11: "ec_point_formats",
        13: "signature_algorithms", 15: "heartbeat", 16: "application_layer_protocol_negotiation", 17: "status_request_v2",
        18: "signed_certificate_timestamp", 21: "padding", 22: "encrypt_then_mac", 23: "extended_master_secret",
        27: "compress_certificate", 28: "record_size_limit", 35: "session_ticket", 41: "pre_shared_key", 42: "early_data",
        43: "supported_versions", 44: "cookie", 45: "psk_key_exchange_modes", 49: "post_handshake_auth",
        50: "signature_algorithms_cert", 51: "key_share", 0xFF01: "renegotiation_info",
    ]

    public static func name(_ code: UInt16) -> String { names[code] ?? "extension \(code)" }
}
