/// THE table of OpenSSL 3.0 certificate-verify codes (X509_V_ERR_*, openssl/x509_vfy.h): each
/// code's constant name, the tlsprobe diagnoses it leads to and the mbedTLS verify flag an
/// embedded client reports for the same fault. The chain analysis (`ChainAnalyzer`) emits the
/// first diagnosis of a row unless the chain's evidence picks a later one; `explain verify:N`
/// lists them all. The human text comes from OpenSSL itself (`OpenSSLErrorText.verifyText`), so
/// it matches what `openssl s_client` prints.
public enum OpenSSLVerifyCodes {
    public struct Row: Sendable {
        public let code: Int
        public let name: String
        /// Most likely first; the analyzer's default. Never empty: an unmapped rule falls back
        /// to `cert.verify_error`.
        public let diagnoses: [String]
        public let mbedtlsFlags: [String]
    }

    /// Kept for `explain`: what a row links to in the other worlds.
    public struct Mapping: Sendable {
        public let diagnoses: [String]
        public let mbedtlsFlags: [String]
        public let curl: String
    }

    private static let notTrusted = "MBEDTLS_X509_BADCERT_NOT_TRUSTED 0x08"
    private static let other = "MBEDTLS_X509_BADCERT_OTHER 0x0100"
    private static let badKey = "MBEDTLS_X509_BADCERT_BAD_KEY 0x10000"
    private static let verifyFailed = "60 (CURLE_PEER_FAILED_VERIFICATION)"

    private static func row(_ code: Int, _ name: String, _ diagnoses: [String], _ mbedtls: [String] = []) -> Row {
        Row(code: code, name: "X509_V_ERR_" + name, diagnoses: diagnoses.isEmpty ? [DiagnosisID.certVerifyError] : diagnoses, mbedtlsFlags: mbedtls)
    }

    public static let rows: [Row] = {
        typealias ID = DiagnosisID
        return [
            row(1, "UNSPECIFIED", [ID.certVerifyUnspecified]),
            row(2, "UNABLE_TO_GET_ISSUER_CERT", [ID.chainMissingIntermediate, ID.certUntrustedRoot, ID.chainInterception, ID.chainWrongIssuerSent, ID.chainAnchorUnusable], [notTrusted]),
            row(3, "UNABLE_TO_GET_CRL", []),
            row(4, "UNABLE_TO_DECRYPT_CERT_SIGNATURE", [ID.certBadSignature], [notTrusted]),
            row(5, "UNABLE_TO_DECRYPT_CRL_SIGNATURE", []),
            row(6, "UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY", [ID.certUnusableKey], [badKey]),
            row(7, "CERT_SIGNATURE_FAILURE", [ID.certBadSignature], [notTrusted]),
            row(8, "CRL_SIGNATURE_FAILURE", []),
            row(9, "CERT_NOT_YET_VALID", [ID.certNotYetValid], ["MBEDTLS_X509_BADCERT_FUTURE 0x200"]),
            row(10, "CERT_HAS_EXPIRED", [ID.certExpired, ID.chainIntermediateExpired], ["MBEDTLS_X509_BADCERT_EXPIRED 0x01"]),
            row(11, "CRL_NOT_YET_VALID", []),
            row(12, "CRL_HAS_EXPIRED", []),
            row(13, "ERROR_IN_CERT_NOT_BEFORE_FIELD", [ID.certMalformed], [other]),
            row(14, "ERROR_IN_CERT_NOT_AFTER_FIELD", [ID.certMalformed], [other]),
            row(15, "ERROR_IN_CRL_LAST_UPDATE_FIELD", []),
            row(16, "ERROR_IN_CRL_NEXT_UPDATE_FIELD", []),
            row(17, "OUT_OF_MEM", [ID.internalError]),
            row(18, "DEPTH_ZERO_SELF_SIGNED_CERT", [ID.certSelfSigned, ID.chainInterception], [notTrusted]),
            row(19, "SELF_SIGNED_CERT_IN_CHAIN", [ID.certUntrustedRoot, ID.chainInterception, ID.certSelfSigned], [notTrusted]),
            row(20, "UNABLE_TO_GET_ISSUER_CERT_LOCALLY", [ID.chainMissingIntermediate, ID.certUntrustedRoot, ID.chainInterception, ID.chainWrongIssuerSent, ID.chainAnchorUnusable], [notTrusted]),
            row(21, "UNABLE_TO_VERIFY_LEAF_SIGNATURE", [ID.chainMissingIntermediate, ID.certUntrustedRoot, ID.chainInterception, ID.chainWrongIssuerSent, ID.chainAnchorUnusable], [notTrusted]),
            row(22, "CERT_CHAIN_TOO_LONG", [ID.chainTooDeep]),
            row(23, "CERT_REVOKED", [ID.certRevoked], ["MBEDTLS_X509_BADCERT_REVOKED 0x02"]),
            row(24, "NO_ISSUER_PUBLIC_KEY", [ID.certUnusableKey], [badKey]),
            row(25, "PATH_LENGTH_EXCEEDED", [ID.chainPathLength], [notTrusted]),
            row(26, "INVALID_PURPOSE", [ID.certWrongPurpose, ID.certKeyUsage, ID.chainCAPurpose], ["MBEDTLS_X509_BADCERT_EXT_KEY_USAGE 0x1000"]),
            row(27, "CERT_UNTRUSTED", [ID.certUntrustedRoot], [notTrusted]),
            row(28, "CERT_REJECTED", [ID.certUntrustedRoot], [notTrusted]),
            row(29, "SUBJECT_ISSUER_MISMATCH", [ID.chainMissingIntermediate], [notTrusted]),
            row(30, "AKID_SKID_MISMATCH", [ID.chainKeyIdentifier], [notTrusted]),
            row(31, "AKID_ISSUER_SERIAL_MISMATCH", [ID.chainKeyIdentifier], [notTrusted]),
            row(32, "KEYUSAGE_NO_CERTSIGN", [ID.chainCAKeyUsage], ["MBEDTLS_X509_BADCERT_NOT_TRUSTED 0x08 (a CA without keyCertSign is not a usable parent)"]),
            row(33, "UNABLE_TO_GET_CRL_ISSUER", []),
            row(34, "UNHANDLED_CRITICAL_EXTENSION", [ID.certCriticalExtension], ["MBEDTLS_ERR_X509_INVALID_EXTENSIONS -0x2500 (parse error: mbedTLS refuses the certificate)"]),
            row(35, "KEYUSAGE_NO_CRL_SIGN", []),
            row(36, "UNHANDLED_CRITICAL_CRL_EXTENSION", []),
            row(37, "INVALID_NON_CA", [ID.certBasicConstraints], [notTrusted]),
            row(38, "PROXY_PATH_LENGTH_EXCEEDED", [ID.chainPathLength]),
            row(39, "KEYUSAGE_NO_DIGITAL_SIGNATURE", [ID.certKeyUsage], ["MBEDTLS_X509_BADCERT_KEY_USAGE 0x800"]),
            row(40, "PROXY_CERTIFICATES_NOT_ALLOWED", [ID.certInvalidExtension]),
            row(41, "INVALID_EXTENSION", [ID.certInvalidExtension], ["MBEDTLS_ERR_X509_INVALID_EXTENSIONS -0x2500"]),
            row(42, "INVALID_POLICY_EXTENSION", [ID.chainPolicy], ["MBEDTLS_ERR_X509_INVALID_EXTENSIONS -0x2500"]),
            row(43, "NO_EXPLICIT_POLICY", [ID.chainPolicy]),
            row(44, "DIFFERENT_CRL_SCOPE", []),
            row(45, "UNSUPPORTED_EXTENSION_FEATURE", [ID.certInvalidExtension]),
            row(46, "UNNESTED_RESOURCE", [ID.certInvalidExtension]),
            row(47, "PERMITTED_VIOLATION", [ID.chainNameConstraints], [notTrusted]),
            row(48, "EXCLUDED_VIOLATION", [ID.chainNameConstraints], [notTrusted]),
            row(49, "SUBTREE_MINMAX", [ID.chainNameConstraints]),
            row(50, "APPLICATION_VERIFICATION", []),
            row(51, "UNSUPPORTED_CONSTRAINT_TYPE", [ID.chainNameConstraints]),
            row(52, "UNSUPPORTED_CONSTRAINT_SYNTAX", [ID.chainNameConstraints]),
            row(53, "UNSUPPORTED_NAME_SYNTAX", [ID.chainNameConstraints]),
            row(54, "CRL_PATH_VALIDATION_ERROR", []),
            row(55, "PATH_LOOP", [ID.chainMissingIntermediate]),
            row(56, "SUITE_B_INVALID_VERSION", []),
            row(57, "SUITE_B_INVALID_ALGORITHM", []),
            row(58, "SUITE_B_INVALID_CURVE", []),
            row(59, "SUITE_B_INVALID_SIGNATURE_ALGORITHM", []),
            row(60, "SUITE_B_LOS_NOT_ALLOWED", []),
            row(61, "SUITE_B_CANNOT_SIGN_P_384_WITH_P_256", []),
            row(62, "HOSTNAME_MISMATCH", [ID.certHostnameMismatch, ID.chainLeafNotFirst], ["MBEDTLS_X509_BADCERT_CN_MISMATCH 0x04"]),
            row(63, "EMAIL_MISMATCH", [ID.certHostnameMismatch], ["MBEDTLS_X509_BADCERT_CN_MISMATCH 0x04"]),
            row(64, "IP_ADDRESS_MISMATCH", [ID.certHostnameMismatch, ID.chainLeafNotFirst], ["MBEDTLS_X509_BADCERT_CN_MISMATCH 0x04"]),
            row(65, "DANE_NO_MATCH", []),
            row(66, "EE_KEY_TOO_SMALL", [ID.keyWeakRSA, ID.keyWeakEC], [badKey]),
            row(67, "CA_KEY_TOO_SMALL", [ID.keyWeakRSA, ID.keyWeakEC], [badKey]),
            row(68, "CA_MD_TOO_WEAK", [ID.sigSHA1, ID.sigMD5], ["MBEDTLS_X509_BADCERT_BAD_MD 0x4000"]),
            row(69, "INVALID_CALL", [ID.internalError]),
            row(70, "STORE_LOOKUP", [ID.certVerifyError]),
            row(71, "NO_VALID_SCTS", []),
            row(72, "PROXY_SUBJECT_NAME_VIOLATION", [ID.certInvalidExtension]),
            row(73, "OCSP_VERIFY_NEEDED", []),
            row(74, "OCSP_VERIFY_FAILED", []),
            row(75, "OCSP_CERT_UNKNOWN", []),
            row(76, "UNSUPPORTED_SIGNATURE_ALGORITHM", [ID.certSignatureAlgorithm], ["MBEDTLS_X509_BADCERT_BAD_MD 0x4000 or MBEDTLS_X509_BADCERT_BAD_PK 0x8000"]),
            row(77, "SIGNATURE_ALGORITHM_MISMATCH", [ID.certSignatureAlgorithm], ["MBEDTLS_ERR_X509_SIG_MISMATCH -0x2680"]),
            row(78, "SIGNATURE_ALGORITHM_INCONSISTENCY", [ID.certSignatureAlgorithm], ["MBEDTLS_ERR_X509_SIG_MISMATCH -0x2680"]),
            row(79, "INVALID_CA", [ID.chainIssuerNotCA], [notTrusted]),
            row(80, "PATHLEN_INVALID_FOR_NON_CA", [ID.certBasicConstraints]),
            row(81, "PATHLEN_WITHOUT_KU_KEY_CERT_SIGN", [ID.chainCAKeyUsage]),
            row(82, "KU_KEY_CERT_SIGN_INVALID_FOR_NON_CA", [ID.certBasicConstraints]),
            row(83, "ISSUER_NAME_EMPTY", [ID.certInvalidExtension]),
            row(84, "SUBJECT_NAME_EMPTY", [ID.certInvalidExtension]),
            row(85, "MISSING_AUTHORITY_KEY_IDENTIFIER", [ID.chainKeyIdentifier]),
            row(86, "MISSING_SUBJECT_KEY_IDENTIFIER", [ID.chainKeyIdentifier]),
            row(87, "EMPTY_SUBJECT_ALT_NAME", [ID.certInvalidExtension]),
            row(88, "EMPTY_SUBJECT_SAN_NOT_CRITICAL", [ID.certInvalidExtension]),
            row(89, "CA_BCONS_NOT_CRITICAL", [ID.certBasicConstraints]),
            row(90, "AUTHORITY_KEY_IDENTIFIER_CRITICAL", [ID.chainKeyIdentifier]),
            row(91, "SUBJECT_KEY_IDENTIFIER_CRITICAL", [ID.chainKeyIdentifier]),
            row(92, "CA_CERT_MISSING_KEY_USAGE", [ID.chainCAKeyUsage]),
            row(93, "EXTENSIONS_REQUIRE_VERSION_3", [ID.certInvalidExtension]),
            row(94, "EC_KEY_EXPLICIT_PARAMS", [ID.certUnusableKey], [badKey]),
        ]
    }()

    public static let byCode: [Int: Row] = Dictionary(rows.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })

    /// Names by code, as defined in OpenSSL 3.0's x509_vfy.h.
    public static let names: [Int: String] = byCode.mapValues(\.name)

    public static let codesByName: [String: Int] = Dictionary(rows.map { ($0.name, $0.code) }, uniquingKeysWith: { first, _ in first })

    /// The codes with a diagnosis of their own (not only the `cert.verify_error` fallback).
    public static let mappings: [Int: Mapping] = byCode.compactMapValues { row in
        row.diagnoses == [DiagnosisID.certVerifyError] ? nil : Mapping(diagnoses: row.diagnoses, mbedtlsFlags: row.mbedtlsFlags, curl: verifyFailed)
    }
}
