/// mbedTLS X.509 verification flags (`MBEDTLS_X509_BADCERT_*` / `BADCRL_*`, include/mbedtls/x509.h).
/// Bit values are the same in 2.28, 3.6 and 4.1. ESP-IDF reports them as `esp_tls_flags`.
public enum X509VerifyFlags {
    public struct Flag: Sendable {
        public let bit: UInt32
        public let name: String
        public let meaning: String
        /// The alert an mbedTLS client sends when this flag fails the handshake.
        public let alertSent: String?
        public let openssl: String?
        /// The diagnoses whose catalogue row names this flag.
        public var diagnoses: [String] { CatalogCrossReferences.diagnoses(naming: name) }
    }

    /// mbedTLS sets every bit when verification is aborted (e.g. ESP-IDF bundle without a matching
    /// root, reported with -0x3000); reading it bit by bit would be misleading.
    public static let allBitsSet: UInt32 = 0xFFFF_FFFF

    public static let flags: [Flag] = [
        Flag(bit: 0x01, name: "MBEDTLS_X509_BADCERT_EXPIRED", meaning: "A certificate in the chain is past its notAfter date (checked only with MBEDTLS_HAVE_TIME_DATE, off by default in ESP-IDF).",
             alertSent: "certificate_expired (45)", openssl: "X509_V_ERR_CERT_HAS_EXPIRED (10)"),
        Flag(bit: 0x02, name: "MBEDTLS_X509_BADCERT_REVOKED", meaning: "A certificate is on a loaded CRL.",
             alertSent: "certificate_revoked (44)", openssl: "X509_V_ERR_CERT_REVOKED (23)"),
        Flag(bit: 0x04, name: "MBEDTLS_X509_BADCERT_CN_MISMATCH", meaning: "No name in the certificate (SAN, or CN without SAN) matches the expected host name.",
             alertSent: "bad_certificate (42)", openssl: "X509_V_ERR_HOSTNAME_MISMATCH (62) / X509_V_ERR_IP_ADDRESS_MISMATCH (64)"),
        Flag(bit: 0x08, name: "MBEDTLS_X509_BADCERT_NOT_TRUSTED", meaning: "The chain does not reach a configured trusted CA, or a signature in it does not verify.",
             alertSent: "unknown_ca (48)", openssl: "X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY (20), 2, 21, 18, 19 or 7"),
        Flag(bit: 0x10, name: "MBEDTLS_X509_BADCRL_NOT_TRUSTED", meaning: "A CRL is not signed by a trusted CA.",
             alertSent: "certificate_unknown (46)", openssl: "X509_V_ERR_CRL_SIGNATURE_FAILURE (8) / X509_V_ERR_UNABLE_TO_GET_CRL_ISSUER (33)"),
        Flag(bit: 0x20, name: "MBEDTLS_X509_BADCRL_EXPIRED", meaning: "A CRL is past its next-update time.",
             alertSent: "certificate_unknown (46)", openssl: "X509_V_ERR_CRL_HAS_EXPIRED (12)"),
        Flag(bit: 0x40, name: "MBEDTLS_X509_BADCERT_MISSING", meaning: "The peer sent no certificate.",
             alertSent: "certificate_unknown (46)", openssl: "no peer certificate available"),
        Flag(bit: 0x80, name: "MBEDTLS_X509_BADCERT_SKIP_VERIFY", meaning: "Verification was skipped (authmode NONE, setInsecure(), CONFIG_ESP_TLS_SKIP_SERVER_CERT_VERIFY).",
             alertSent: nil, openssl: "like SSL_VERIFY_NONE"),
        Flag(bit: 0x100, name: "MBEDTLS_X509_BADCERT_OTHER", meaning: "Rejected for another reason, usually by an application verify callback (pinning).",
             alertSent: "access_denied (49)", openssl: "X509_V_ERR_APPLICATION_VERIFICATION (50)"),
        Flag(bit: 0x200, name: "MBEDTLS_X509_BADCERT_FUTURE", meaning: "A certificate's notBefore lies in the future — on devices usually a clock not yet set by SNTP.",
             alertSent: "certificate_unknown (46)", openssl: "X509_V_ERR_CERT_NOT_YET_VALID (9)"),
        Flag(bit: 0x400, name: "MBEDTLS_X509_BADCRL_FUTURE", meaning: "A CRL's thisUpdate lies in the future.",
             alertSent: "certificate_unknown (46)", openssl: "X509_V_ERR_CRL_NOT_YET_VALID (11)"),
        Flag(bit: 0x800, name: "MBEDTLS_X509_BADCERT_KEY_USAGE", meaning: "The keyUsage extension does not allow this use.",
             alertSent: "unsupported_certificate (43)", openssl: "X509_V_ERR_KEYUSAGE_NO_DIGITAL_SIGNATURE (39) / X509_V_ERR_KEYUSAGE_NO_CERTSIGN (32)"),
        Flag(bit: 0x1000, name: "MBEDTLS_X509_BADCERT_EXT_KEY_USAGE", meaning: "The extendedKeyUsage extension lacks serverAuth.",
             alertSent: "unsupported_certificate (43)", openssl: "X509_V_ERR_INVALID_PURPOSE (26)"),
        Flag(bit: 0x2000, name: "MBEDTLS_X509_BADCERT_NS_CERT_TYPE", meaning: "A legacy Netscape cert-type extension forbids this use.",
             alertSent: "certificate_unknown (46)", openssl: "X509_V_ERR_INVALID_PURPOSE (26)"),
        Flag(bit: 0x4000, name: "MBEDTLS_X509_BADCERT_BAD_MD", meaning: "A certificate is signed with a hash the profile rejects (default: only SHA-256/384/512).",
             alertSent: "certificate_unknown (46)", openssl: "X509_V_ERR_CA_MD_TOO_WEAK (68)"),
        Flag(bit: 0x8000, name: "MBEDTLS_X509_BADCERT_BAD_PK", meaning: "A certificate uses a public-key algorithm the profile rejects.",
             alertSent: "unsupported_certificate (43)", openssl: "closest: X509_V_ERR_UNSUPPORTED_SIGNATURE_ALGORITHM (76)"),
        Flag(bit: 0x10000, name: "MBEDTLS_X509_BADCERT_BAD_KEY", meaning: "A certificate key is too weak (RSA < 2048) or on a curve the profile rejects (only P-256/384/521, brainpool 256/384/512).",
             alertSent: "unsupported_certificate (43)", openssl: "X509_V_ERR_EE_KEY_TOO_SMALL (66) / X509_V_ERR_CA_KEY_TOO_SMALL (67)"),
        Flag(bit: 0x20000, name: "MBEDTLS_X509_BADCRL_BAD_MD", meaning: "A CRL is signed with a rejected hash.",
             alertSent: "certificate_unknown (46)", openssl: "X509_V_ERR_CA_MD_TOO_WEAK (68)"),
        Flag(bit: 0x40000, name: "MBEDTLS_X509_BADCRL_BAD_PK", meaning: "A CRL is signed with a rejected key algorithm.",
             alertSent: "certificate_unknown (46)", openssl: nil),
        Flag(bit: 0x80000, name: "MBEDTLS_X509_BADCRL_BAD_KEY", meaning: "A CRL is signed with a too-weak key.",
             alertSent: "certificate_unknown (46)", openssl: nil),
    ]

    public static func flag(named name: String) -> Flag? {
        let upper = name.uppercased()
        return flags.first { $0.name == upper }
    }

    /// The known flags set in `mask`, in bit order, and the bits no flag explains.
    public static func decode(_ mask: UInt32) -> (known: [Flag], unknownBits: UInt32) {
        let known = flags.filter { mask & $0.bit != 0 }
        let explained = known.reduce(UInt32(0)) { $0 | $1.bit }
        return (known, mask & ~explained)
    }
}
