import FoundationEssentials
internal import COpenSSL
internal import CTLSProbeShims

/// What a certificate's own fields say about the X.509 rules (RFC 5280 §4): the evidence behind
/// a verify code, and the input of the strict pass. Probe-internal, not part of the JSON.
public struct CertificateRules: Sendable {
    public var version = 3
    public var hasBasicConstraints = false
    public var basicConstraintsCritical = false
    /// basicConstraints CA:TRUE.
    public var caFlag = false
    public var pathLength: Int?
    /// Names of the asserted keyUsage bits; nil when there is no keyUsage extension.
    public var keyUsage: [String]?
    public var hasExtendedKeyUsage = false
    public var subjectKeyID: String?
    public var authorityKeyID: String?
    public var authorityKeyIDCritical = false
    public var subjectKeyIDCritical = false
    /// Critical extensions OpenSSL does not process, by name or dotted OID.
    public var unknownCritical: [String] = []
    /// OpenSSL could not make sense of an extension (EXFLAG_INVALID).
    public var invalidExtensions = false
    public var invalidPolicy = false
    /// The extensions as `openssl x509 -text` prints them (one line each), for the words.
    public var nameConstraints: String?
    public var policies: String?
    public var policyConstraints: String?
    public var hasSubjectAltName = false
    public var subjectAltNameCritical = false
    public var subjectAltNameEmpty = false
    public var subjectEmpty = false
    /// Serial number facts RFC 5280 §4.1.2.2 rules on: positive, non-zero, at most 20 octets.
    public var serialNegative = false
    public var serialZero = false
    public var serialOctets = 0

    public static let keyUsageNames: [(bit: UInt32, name: String)] = [
        (0x80, "digitalSignature"), (0x40, "nonRepudiation"), (0x20, "keyEncipherment"), (0x10, "dataEncipherment"),
        (0x08, "keyAgreement"), (0x04, "keyCertSign"), (0x02, "cRLSign"), (0x01, "encipherOnly"), (0x8000, "decipherOnly"),
    ]
}

extension X509Certificate {
    static func rules(of certificate: OpaquePointer) -> CertificateRules {
        var rules = CertificateRules()
        let flags = X509_get_extension_flags(certificate)
        rules.version = Int(X509_get_version(certificate)) + 1
        rules.hasBasicConstraints = flags & UInt32(EXFLAG_BCONS) != 0
        rules.basicConstraintsCritical = flags & UInt32(EXFLAG_BCONS_CRITICAL) != 0
        rules.caFlag = rules.hasBasicConstraints && flags & UInt32(EXFLAG_CA) != 0
        let pathLength = X509_get_pathlen(certificate)
        rules.pathLength = pathLength >= 0 ? Int(pathLength) : nil
        if flags & UInt32(EXFLAG_KUSAGE) != 0 {
            let bits = X509_get_key_usage(certificate)
            rules.keyUsage = CertificateRules.keyUsageNames.filter { bits & $0.bit != 0 }.map(\.name)
        }
        rules.hasExtendedKeyUsage = flags & UInt32(EXFLAG_XKUSAGE) != 0
        rules.subjectKeyID = X509_get0_subject_key_id(certificate).map(octets)
        rules.authorityKeyID = X509_get0_authority_key_id(certificate).map(octets)
        rules.authorityKeyIDCritical = flags & UInt32(EXFLAG_AKID_CRITICAL) != 0
        rules.subjectKeyIDCritical = flags & UInt32(EXFLAG_SKID_CRITICAL) != 0
        rules.invalidExtensions = flags & UInt32(EXFLAG_INVALID) != 0
        rules.invalidPolicy = flags & UInt32(EXFLAG_INVALID_POLICY) != 0
        rules.subjectAltNameCritical = flags & UInt32(EXFLAG_SAN_CRITICAL) != 0
        let count = min(X509_get_ext_count(certificate), 200)
        for index in 0..<max(count, 0) {
            guard let ext = X509_get_ext(certificate, index) else { continue }
            if X509_EXTENSION_get_critical(ext) == 1 && X509_supported_extension(ext) == 0 {
                rules.unknownCritical.append(objectText(X509_EXTENSION_get_object(ext)))
            }
        }
        rules.nameConstraints = extensionText(certificate, NID_name_constraints)
        rules.policies = extensionText(certificate, NID_certificate_policies)
        rules.policyConstraints = extensionText(certificate, NID_policy_constraints)
        let sanIndex = X509_get_ext_by_NID(certificate, NID_subject_alt_name, -1)
        rules.hasSubjectAltName = sanIndex >= 0
        if sanIndex >= 0, let raw = X509_get_ext_d2i(certificate, NID_subject_alt_name, nil, nil) {
            let names = OpaquePointer(raw)
            rules.subjectAltNameEmpty = tlsprobe_sk_GENERAL_NAME_num(names) == 0
            tlsprobe_GENERAL_NAMES_free(names)
        }
        rules.subjectEmpty = X509_NAME_entry_count(X509_get_subject_name(certificate)) == 0
        if let serial = X509_get0_serialNumber(certificate) {
            let length = Int(ASN1_STRING_length(serial))
            rules.serialNegative = ASN1_STRING_type(serial) == V_ASN1_NEG_INTEGER
            rules.serialOctets = length + (rules.serialNegative ? 0 : 0)
            if let data = ASN1_STRING_get0_data(serial) {
                let bytes = UnsafeBufferPointer(start: data, count: length)
                rules.serialZero = bytes.allSatisfy { $0 == 0 }
                // DER adds a 0x00 octet before a positive value whose top bit is set.
                if !rules.serialNegative, let first = bytes.first, first & 0x80 != 0 { rules.serialOctets += 1 }
            }
        }
        OpenSSLErrorQueue.clear()
        return rules
    }

    private static func octets(_ string: UnsafePointer<ASN1_OCTET_STRING>) -> String {
        guard let data = ASN1_STRING_get0_data(string) else { return "" }
        return SafeText.hex(UnsafeBufferPointer(start: data, count: Int(min(ASN1_STRING_length(string), 64))), separator: ":").uppercased()
    }

    static func objectText(_ object: OpaquePointer?) -> String {
        guard let object else { return "?" }
        var buffer = [CChar](repeating: 0, count: 128)
        let length = OBJ_obj2txt(&buffer, Int32(buffer.count), object, 0)
        return length > 0 ? String(nulTerminated: buffer) : "?"
    }

    /// One extension as `openssl x509 -text` prints it, on one line.
    static func extensionText(_ certificate: OpaquePointer, _ nid: Int32) -> String? {
        let index = X509_get_ext_by_NID(certificate, nid, -1)
        guard index >= 0, let ext = X509_get_ext(certificate, index), let bio = BIO_new(BIO_s_mem()) else { return nil }
        defer { BIO_free(bio) }
        guard X509V3_EXT_print(bio, ext, 0, 0) == 1 else { return "(undecodable)" }
        // Lines joined before escaping: OpenSSL prints one subtree per line.
        let lines = bioBytes(bio, limit: 2048).split { $0 == 0x0A || $0 == 0x0D }
        let words = lines.flatMap { $0.split(separator: 0x20) }.filter { !$0.isEmpty }
        return SafeText.escape(bytes: Array(words.joined(separator: [0x20])))
    }
}
