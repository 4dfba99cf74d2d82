internal import COpenSSL
import FoundationEssentials

/// Reading back what `LabPKIBundle` wrote, so `tlsprobe lab serve` can keep the same root across
/// restarts (a device flashed with root.h must not need reflashing every time).
extension LabKey {
    /// An unencrypted PEM private key (RSA, EC or Ed25519).
    public convenience init(pem: String) throws {
        let key = try withReadBIO(pem) { PEM_read_bio_PrivateKey($0, nil, nil, nil) }
        do {
            try self.init(takingOwnership: key, spec: Self.spec(of: key))
        } catch {
            EVP_PKEY_free(key)
            throw error
        }
    }

    private static func spec(of key: OpaquePointer) throws -> LabKeySpec {
        if EVP_PKEY_is_a(key, "RSA") == 1 { return .rsa(bits: Int(EVP_PKEY_get_bits(key))) }
        if EVP_PKEY_is_a(key, "ED25519") == 1 { return .ed25519 }
        if EVP_PKEY_is_a(key, "EC") == 1 {
            var name = [CChar](repeating: 0, count: 64)
            var length = 0
            guard EVP_PKEY_get_utf8_string_param(key, "group", &name, name.count, &length) == 1 else {
                throw LabError.openSSL("the curve of an EC key")
            }
            return .ec(curve: String(decoding: name.prefix(length).map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        throw LabError("unsupported key type (expected RSA, EC or Ed25519)")
    }
}

extension LabCertificate {
    /// A PEM certificate and the PEM private key that belongs to it (checked to match).
    public convenience init(pem: String, keyPEM: String) throws {
        let key = try LabKey(pem: keyPEM)
        let x509 = try withReadBIO(pem) { PEM_read_bio_X509($0, nil, nil, nil) }
        guard X509_check_private_key(x509, key.pointer) == 1 else {
            X509_free(x509)
            throw LabError.openSSL("the key does not belong to the certificate")
        }
        self.init(takingOwnership: x509, key: key)
    }

    /// true when the certificate is valid now and stays valid for at least `interval` seconds.
    public func isValid(forAtLeast interval: TimeInterval) -> Bool {
        var now = time(nil)
        var later = now + time_t(interval)
        return X509_cmp_time(X509_get0_notBefore(pointer), &now) < 0
            && X509_cmp_time(X509_get0_notAfter(pointer), &later) > 0
    }
}

/// Parses the first PEM object in `text` with `read`; nil from `read` becomes an error.
private func withReadBIO(_ text: String, _ read: (OpaquePointer) -> OpaquePointer?) throws -> OpaquePointer {
    let bytes = Array(text.utf8)
    // A memory BIO borrows its buffer: it must be created, read and freed inside this closure.
    let object: OpaquePointer? = bytes.withUnsafeBytes { buffer in
        guard let bio = BIO_new_mem_buf(buffer.baseAddress, Int32(buffer.count)) else { return nil }
        defer { BIO_free(bio) }
        return read(bio)
    }
    guard let object else { throw LabError.openSSL("not a readable PEM object") }
    return object
}
