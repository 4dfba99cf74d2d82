import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif
internal import COpenSSL
internal import CTLSProbeShims

/// Reads the facts tlsprobe reports from an X509* it does not own (a peer chain entry).
enum X509Certificate {
    static func subjectText(of certificate: OpaquePointer) -> String {
        nameText(X509_get_subject_name(certificate))
    }

    /// RFC 2253 order and escaping, as `openssl x509 -nameopt RFC2253` prints; then escaped
    /// for the terminal, since a certificate can carry anything.
    static func nameText(_ name: OpaquePointer?) -> String {
        guard let name, let bio = BIO_new(BIO_s_mem()) else { return "" }
        defer { BIO_free(bio) }
        // Without ESC_MSB, UTF-8 stays UTF-8; without ESC_CTRL, control characters reach
        // SafeText raw, which escapes them as every other server text is ("\x1b", not OpenSSL's "\1B").
        let flags = tlsprobe_XN_FLAG_RFC2253() & ~tlsprobe_ASN1_STRFLGS_ESC_MSB() & ~UInt(ASN1_STRFLGS_ESC_CTRL)
        guard X509_NAME_print_ex(bio, name, 0, flags) >= 0 else { return "" }
        return SafeText.escape(bytes: bioBytes(bio, limit: 4096), keepingBackslashes: true)
    }

    static func commonName(_ name: OpaquePointer?) -> String? {
        guard let name else { return nil }
        let index = X509_NAME_get_index_by_NID(name, NID_commonName, -1)
        guard index >= 0, let entry = X509_NAME_get_entry(name, index), let data = X509_NAME_ENTRY_get_data(entry) else { return nil }
        var utf8: UnsafeMutablePointer<UInt8>?
        let length = ASN1_STRING_to_UTF8(&utf8, data)
        guard length >= 0, let utf8 else { return nil }
        defer { tlsprobe_OPENSSL_free(utf8) }
        return SafeText.escape(bytes: UnsafeBufferPointer(start: utf8, count: Int(min(length, 4096))))
    }

    static func bioBytes(_ bio: OpaquePointer, limit: Int) -> [UInt8] {
        var pointer: UnsafeMutablePointer<CChar>?
        let length = tlsprobe_BIO_get_mem_data(bio, &pointer)
        guard length > 0, let pointer else { return [] }
        return pointer.withMemoryRebound(to: UInt8.self, capacity: Int(length)) {
            Array(UnsafeBufferPointer(start: $0, count: min(Int(length), limit)))
        }
    }

    static func summary(of certificate: OpaquePointer, depth: Int, now: Date) -> CertificateSummary {
        let notBefore = date(X509_get0_notBefore(certificate))
        let notAfter = date(X509_get0_notAfter(certificate))
        let key = keyFacts(certificate)
        var summary = CertificateSummary(
            depth: depth,
            subject: subjectText(of: certificate),
            issuer: nameText(X509_get_issuer_name(certificate)),
            commonName: commonName(X509_get_subject_name(certificate)),
            serial: serialText(certificate),
            notBefore: notBefore.map(RFC3339.string) ?? "",
            notAfter: notAfter.map(RFC3339.string) ?? "",
            daysLeft: notAfter.map { WholeDays.between(now: now.timeIntervalSince1970, and: $0.timeIntervalSince1970) } ?? 0,
            san: subjectAltNames(certificate),
            keyType: key.type, keyBits: key.bits, curve: key.curve,
            signatureAlgorithm: signatureAlgorithm(certificate),
            sha256: fingerprint(certificate),
            isCA: X509_check_ca(certificate) > 0,
            selfSigned: X509_self_signed(certificate, 0) == 1,
            extendedKeyUsage: extendedKeyUsage(certificate),
            caIssuersURL: caIssuersURL(certificate),
            derBytes: Int(i2d_X509(certificate, nil)))
        summary.pem = pem(certificate)
        summary.notBeforeEpoch = notBefore?.timeIntervalSince1970 ?? 0
        summary.notAfterEpoch = notAfter?.timeIntervalSince1970 ?? 0
        summary.subjectHash = String(X509_subject_name_hash(certificate), radix: 16)
        summary.issuerHash = String(X509_issuer_name_hash(certificate), radix: 16)
        OpenSSLErrorQueue.clear()
        return summary
    }

    /// Seconds since 1970, for callers that keep dates as numbers.
    static func epoch(_ time: UnsafePointer<ASN1_TIME>?) -> Double? { date(time)?.timeIntervalSince1970 }

    static func date(_ time: UnsafePointer<ASN1_TIME>?) -> Date? {
        guard let time else { return nil }
        var parts = tm()
        guard ASN1_TIME_to_tm(time, &parts) == 1 else { return nil }
        return Date(timeIntervalSince1970: TimeInterval(timegm(&parts)))
    }

    private static func serialText(_ certificate: OpaquePointer) -> String {
        guard let serial = X509_get0_serialNumber(certificate), let number = ASN1_INTEGER_to_BN(serial, nil) else { return "" }
        defer { BN_free(number) }
        guard let hex = BN_bn2hex(number) else { return "" }
        defer { tlsprobe_OPENSSL_free(hex) }
        return String(cString: hex).lowercased()
    }

    private static func subjectAltNames(_ certificate: OpaquePointer) -> [String] {
        guard let raw = X509_get_ext_d2i(certificate, NID_subject_alt_name, nil, nil) else { return [] }
        let names = OpaquePointer(raw)
        defer { tlsprobe_GENERAL_NAMES_free(names) }
        var result: [String] = []
        let count = tlsprobe_sk_GENERAL_NAME_num(names)
        for index in 0..<count {
            guard let name = tlsprobe_sk_GENERAL_NAME_value(names, index) else { continue }
            switch name.pointee.type {
            case GEN_DNS: result.append("DNS:" + asn1Text(name.pointee.d.dNSName))
            case GEN_IPADD: result.append("IP:" + ipText(name.pointee.d.iPAddress))
            case GEN_EMAIL: result.append("email:" + asn1Text(name.pointee.d.rfc822Name))
            case GEN_URI: result.append("URI:" + asn1Text(name.pointee.d.uniformResourceIdentifier))
            default: result.append("other")
            }
            // A hostile certificate may carry thousands of names; the report needs only a view.
            if result.count >= 5000 { break }
        }
        return result
    }

    /// DNS names only, for hostname explanations.
    static func dnsNames(_ sans: [String]) -> [String] {
        sans.compactMap { $0.hasPrefix("DNS:") ? String($0.dropFirst(4)) : ($0.hasPrefix("IP:") ? String($0.dropFirst(3)) : nil) }
    }

    private static func asn1Text(_ string: UnsafeMutablePointer<ASN1_STRING>?) -> String {
        guard let string, let data = ASN1_STRING_get0_data(string) else { return "" }
        return SafeText.escape(bytes: UnsafeBufferPointer(start: data, count: Int(min(ASN1_STRING_length(string), 1024))))
    }

    private static func ipText(_ string: UnsafeMutablePointer<ASN1_STRING>?) -> String {
        guard let string, let data = ASN1_STRING_get0_data(string) else { return "" }
        let bytes = Array(UnsafeBufferPointer(start: data, count: Int(ASN1_STRING_length(string))))
        if bytes.count == 4 { return bytes.map(String.init).joined(separator: ".") }
        if bytes.count == 16 {
            var address = in6_addr()
            withUnsafeMutableBytes(of: &address) { $0.copyBytes(from: bytes) }
            var buffer = [CChar](repeating: 0, count: 64)
            inet_ntop(AF_INET6, &address, &buffer, 64)
            return String(nulTerminated: buffer)
        }
        return SafeText.hex(bytes, separator: "")
    }

    private static func keyFacts(_ certificate: OpaquePointer) -> (type: String, bits: Int, curve: String?) {
        guard let key = X509_get0_pubkey(certificate) else { return ("unknown", 0, nil) }
        let bits = Int(EVP_PKEY_get_bits(key))
        switch EVP_PKEY_get_base_id(key) {
        case EVP_PKEY_RSA: return ("RSA", bits, nil)
        case EVP_PKEY_RSA_PSS: return ("RSA-PSS", bits, nil)
        case EVP_PKEY_EC: return ("EC", bits, curveName(key))
        case EVP_PKEY_ED25519: return ("Ed25519", bits, nil)
        case EVP_PKEY_ED448: return ("Ed448", bits, nil)
        case EVP_PKEY_DSA: return ("DSA", bits, nil)
        default: return ("unknown", bits, nil)
        }
    }

    static func curveName(_ key: OpaquePointer) -> String? {
        PrivateKey.groupName(key).map(GroupNames.friendly)
    }

    private static func signatureAlgorithm(_ certificate: OpaquePointer) -> String {
        let nid = X509_get_signature_nid(certificate)
        return OBJ_nid2ln(nid).map { String(cString: $0) } ?? "unknown"
    }

    private static func fingerprint(_ certificate: OpaquePointer) -> String {
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        guard X509_digest(certificate, EVP_sha256(), &digest, &length) == 1 else { return "" }
        return SafeText.hex(digest[0..<Int(length)], separator: ":").uppercased()
    }

    private static func extendedKeyUsage(_ certificate: OpaquePointer) -> [String] {
        let flags = X509_get_extended_key_usage(certificate)
        if flags == UInt32.max { return [] }  // no EKU extension: any purpose
        var result: [String] = []
        if flags & UInt32(XKU_SSL_SERVER) != 0 { result.append("serverAuth") }
        if flags & UInt32(XKU_SSL_CLIENT) != 0 { result.append("clientAuth") }
        if flags & UInt32(XKU_SMIME) != 0 { result.append("emailProtection") }
        if flags & UInt32(XKU_CODE_SIGN) != 0 { result.append("codeSigning") }
        if flags & UInt32(XKU_OCSP_SIGN) != 0 { result.append("OCSPSigning") }
        if flags & UInt32(XKU_TIMESTAMP) != 0 { result.append("timeStamping") }
        if flags & UInt32(XKU_ANYEKU) != 0 { result.append("anyExtendedKeyUsage") }
        return result
    }

    private static func caIssuersURL(_ certificate: OpaquePointer) -> String? {
        guard let raw = X509_get_ext_d2i(certificate, NID_info_access, nil, nil) else { return nil }
        let access = OpaquePointer(raw)
        defer { AUTHORITY_INFO_ACCESS_free(access) }
        for index in 0..<tlsprobe_sk_ACCESS_DESCRIPTION_num(access) {
            guard let description = tlsprobe_sk_ACCESS_DESCRIPTION_value(access, index),
                  OBJ_obj2nid(description.pointee.method) == NID_ad_ca_issuers,
                  let location = description.pointee.location, location.pointee.type == GEN_URI
            else { continue }
            return asn1Text(location.pointee.d.uniformResourceIdentifier)
        }
        return nil
    }

    /// PEM text, "" when OpenSSL cannot write it (its reason stays on the error queue).
    static func pem(_ certificate: OpaquePointer) -> String {
        memoryBIOText { PEM_write_bio_X509($0, certificate) } ?? ""
    }

    /// What `write` puts into a fresh memory BIO (PEM output, which OpenSSL only offers through
    /// BIOs), at most 4 MB; nil when it fails.
    static func memoryBIOText(_ write: (OpaquePointer) -> Int32) -> String? {
        guard let bio = BIO_new(BIO_s_mem()) else { return nil }
        defer { BIO_free(bio) }
        guard write(bio) == 1 else { return nil }
        return String(decoding: bioBytes(bio, limit: 4 * 1024 * 1024), as: UTF8.self)
    }

    /// "CN=localhost, O=tlsprobe lab": most specific attribute first, as people read names (the
    /// lab's spelling; reports use `nameText`, RFC 2253).
    static func readableName(_ name: OpaquePointer?) -> String {
        guard let name else { return "" }
        let count = X509_NAME_entry_count(name)
        let parts: [String] = (0..<count).reversed().compactMap { index in
            guard let entry = X509_NAME_get_entry(name, index),
                  let shortName = OBJ_nid2sn(OBJ_obj2nid(X509_NAME_ENTRY_get_object(entry)))
            else { return nil }
            var utf8: UnsafeMutablePointer<UInt8>?
            let length = ASN1_STRING_to_UTF8(&utf8, X509_NAME_ENTRY_get_data(entry))
            guard length >= 0, let utf8 else { return nil }
            defer { tlsprobe_OPENSSL_free(utf8) }
            let value = String(decoding: UnsafeBufferPointer(start: utf8, count: Int(length)), as: UTF8.self)
            return "\(String(cString: shortName))=\(value)"
        }
        return parts.joined(separator: ", ")
    }
}

public enum RFC3339 {
    static func string(_ date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        // Plain integer padding, not String(format:): Foundation's formatter costs ~1M instructions
        // on first use (CFString, locale set-up) and ~38K a call after, and this runs ~3 times per
        // probe (callgrind; bench/RESULTS.md has the before/after of the whole probe).
        return "\(padded(parts.tm_year + 1900, 4))-\(padded(parts.tm_mon + 1, 2))-\(padded(parts.tm_mday, 2))"
            + "T\(padded(parts.tm_hour, 2)):\(padded(parts.tm_min, 2)):\(padded(parts.tm_sec, 2))Z"
    }

    private static func padded(_ value: Int32, _ width: Int) -> String {
        let digits = String(value)
        return value < 0 || digits.utf8.count >= width ? digits : String(repeating: "0", count: width - digits.utf8.count) + digits
    }

    /// "2026-11-14 23:59:59 UTC", for sentences.
    static func readable(_ date: Date) -> String {
        string(date).replacingEvery("T", with: " ").replacingEvery("Z", with: " UTC")
    }
}

/// OpenSSL's group/curve names as people know them.
enum GroupNames {
    static func friendly(_ name: String) -> String {
        switch name {
        case "prime256v1", "secp256r1": "P-256"
        case "secp384r1": "P-384"
        case "secp521r1": "P-521"
        case "X25519": "x25519"
        case "X448": "x448"
        default: name
        }
    }
}
