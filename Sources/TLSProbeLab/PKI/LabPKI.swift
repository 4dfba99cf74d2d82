import TLSProbeCore
internal import COpenSSL
import FoundationEssentials

/// Issues X.509 certificates with libcrypto at run time, so nothing in the repository expires.
public enum LabPKI {
    /// Issues `spec` signed by `issuer`, or self-signed when `issuer` is nil. `reusing` keeps an
    /// existing key instead of generating `spec.key` (a cross-signed twin of a CA needs its key).
    public static func issue(_ spec: LabCertificateSpec, issuer: LabCertificate?, reusing existingKey: LabKey? = nil) throws -> LabCertificate {
        let key = try existingKey ?? LabKey(generating: spec.key)
        guard let created = X509_new() else { throw LabError.openSSL("X509_new") }
        // Owned from here on (freed on every error path); the LabCertificate takes it when signed.
        let certificate = ParsedCertificate(owning: created)
        let x509 = certificate.pointer

        guard X509_set_version(x509, Int(spec.version - 1)) == 1 else { throw LabError.openSSL("X509_set_version") }
        if let bytes = spec.serialBytes { try setSerial(x509, contentBytes: bytes) } else { try setRandomSerial(x509) }
        try setValidity(x509, spec)
        let subject = try makeName(spec)
        defer { X509_NAME_free(subject) }
        guard X509_set_subject_name(x509, subject) == 1,
              X509_set_issuer_name(x509, issuer.map { X509_get_subject_name($0.pointer) } ?? subject) == 1
        else { throw LabError.openSSL("X509_set_subject_name/issuer_name") }
        guard X509_set_pubkey(x509, key.pointer) == 1 else { throw LabError.openSSL("X509_set_pubkey") }

        try LabCertificateExtensions.add(to: x509, spec: spec, issuer: issuer?.pointer)

        let signingKey = issuer?.key ?? key
        guard X509_sign(x509, signingKey.pointer, digest(spec.signatureHash, for: signingKey)) > 0 else {
            throw LabError.openSSL("X509_sign with \(spec.signatureHash.rawValue) and a \(signingKey.spec) key")
        }
        return LabCertificate(certificate, key: key)
    }

    /// Ed25519 signs the whole message itself: `X509_sign` must get no digest for it.
    private static func digest(_ hash: LabCertificateSpec.SignatureHash, for key: LabKey) -> OpaquePointer? {
        if case .ed25519 = key.spec { return nil }
        return switch hash {
        case .sha256: EVP_sha256()
        case .sha384: EVP_sha384()
        case .sha512: EVP_sha512()
        case .sha1: EVP_sha1()
        case .md5: EVP_md5()
        }
    }

    /// 16 random bytes with the top bit cleared, so the DER INTEGER stays positive.
    private static func setRandomSerial(_ x509: OpaquePointer) throws {
        var bytes = [UInt8](repeating: 0, count: 16)
        guard RAND_bytes(&bytes, Int32(bytes.count)) == 1 else { throw LabError.openSSL("RAND_bytes") }
        bytes[0] &= 0x7F
        bytes[0] |= 0x01  // never a leading zero byte, so the length is always 16
        guard let number = BN_bin2bn(bytes, Int32(bytes.count), nil) else { throw LabError.openSSL("BN_bin2bn") }
        defer { BN_free(number) }
        guard let serial = BN_to_ASN1_INTEGER(number, nil) else { throw LabError.openSSL("BN_to_ASN1_INTEGER") }
        defer { ASN1_INTEGER_free(serial) }
        guard X509_set_serialNumber(x509, serial) == 1 else { throw LabError.openSSL("X509_set_serialNumber") }
    }

    /// A serial from its DER content bytes, as written (a leading 0xFF makes it negative).
    private static func setSerial(_ x509: OpaquePointer, contentBytes: [UInt8]) throws {
        let der: [UInt8] = [0x02, UInt8(contentBytes.count)] + contentBytes
        var cursor: UnsafePointer<UInt8>? = nil
        let serial: UnsafeMutablePointer<ASN1_INTEGER>? = der.withUnsafeBufferPointer { buffer in
            cursor = buffer.baseAddress
            return d2i_ASN1_INTEGER(nil, &cursor, der.count)
        }
        guard let serial else { throw LabError.openSSL("d2i_ASN1_INTEGER") }
        defer { ASN1_INTEGER_free(serial) }
        guard X509_set_serialNumber(x509, serial) == 1 else { throw LabError.openSSL("X509_set_serialNumber") }
    }

    private static func setValidity(_ x509: OpaquePointer, _ spec: LabCertificateSpec) throws {
        guard spec.notBeforeOffset < spec.notAfterOffset else {
            throw LabError("notBeforeOffset (\(spec.notBeforeOffset)) must be before notAfterOffset (\(spec.notAfterOffset))")
        }
        var now = time(nil)
        guard X509_time_adj_ex(X509_getm_notBefore(x509), 0, Int(spec.notBeforeOffset), &now) != nil,
              X509_time_adj_ex(X509_getm_notAfter(x509), 0, Int(spec.notAfterOffset), &now) != nil
        else { throw LabError.openSSL("X509_time_adj_ex") }
    }

    private static func makeName(_ spec: LabCertificateSpec) throws -> OpaquePointer {
        guard let name = X509_NAME_new() else { throw LabError.openSSL("X509_NAME_new") }
        var entries = spec.extraSubject
        if let commonName = spec.commonName { entries.append(("CN", commonName)) }
        for (field, value) in entries {
            guard X509_NAME_add_entry_by_txt(name, field, MBSTRING_UTF8, value, -1, -1, 0) == 1 else {
                X509_NAME_free(name)
                throw LabError.openSSL("subject attribute \(field)=\(value)")
            }
        }
        return name
    }
}
