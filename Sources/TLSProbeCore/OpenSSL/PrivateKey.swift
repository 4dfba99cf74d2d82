internal import COpenSSL
internal import CTLSProbeShims

/// An EVP_PKEY this code owns: a key read for `check --key`, or one the lab generates or reads
/// back for its certificates. `deinit` frees it.
///
/// `@unchecked Sendable`: nothing mutates a key after it is made, and OpenSSL allows concurrent
/// read-only use of an `EVP_PKEY` (signing, serialising, several `SSL_CTX`s taking references).
///
/// The `package` makers return nil on failure and leave OpenSSL's reason on the thread's error
/// queue, for the caller's own error (the lab's `LabError.openSSL` drains it into its message).
package final class PrivateKey: @unchecked Sendable {
    package let pointer: OpaquePointer

    /// Takes over the caller's reference to `pointer`.
    package init(owning pointer: OpaquePointer) { self.pointer = pointer }
    deinit { EVP_PKEY_free(pointer) }

    /// A fresh RSA key of any size libcrypto accepts (weak ones too: security levels only exist in libssl).
    package static func generateRSA(bits: Int) -> PrivateKey? {
        guard bits > 0 else { return nil }
        return tlsprobe_EVP_RSA_gen(UInt32(bits)).map(PrivateKey.init(owning:))
    }

    /// A fresh EC key on a named curve ("P-256", "secp256k1": any name `EVP_EC_gen` knows).
    package static func generateEC(curve: String) -> PrivateKey? {
        tlsprobe_EVP_EC_gen(curve).map(PrivateKey.init(owning:))
    }

    package static func generateEd25519() -> PrivateKey? {
        tlsprobe_EVP_PKEY_Q_keygen_named("ED25519").map(PrivateKey.init(owning:))
    }

    /// The first private key in PEM text, unencrypted (an encrypted one is refused, never prompted for).
    package static func readPEM(_ text: String) -> PrivateKey? {
        let bytes = Array(text.utf8)
        // A memory BIO borrows its buffer: it must be created, read and freed inside this closure.
        return bytes.withUnsafeBytes { buffer -> PrivateKey? in
            guard let bio = BIO_new_mem_buf(buffer.baseAddress, Int32(buffer.count)) else { return nil }
            defer { BIO_free(bio) }
            return PEM_read_bio_PrivateKey(bio, nil, { _, _, _, _ in -1 }, nil).map(PrivateKey.init(owning:))
        }
    }

    /// Unencrypted PKCS#8 PEM; nil when OpenSSL cannot write it.
    package var pem: String? {
        X509Certificate.memoryBIOText { PEM_write_bio_PrivateKey($0, pointer, nil, nil, 0, nil, nil) }
    }

    /// Size in bits as OpenSSL reports it (RSA modulus, curve order, 253 for Ed25519).
    package var bits: Int { Int(EVP_PKEY_get_bits(pointer)) }

    /// Whether the key is of the OpenSSL key type `name` ("RSA", "EC", "ED25519").
    package func isA(_ name: String) -> Bool { EVP_PKEY_is_a(pointer, name) == 1 }

    /// The curve of an EC key as OpenSSL names it ("prime256v1"); nil for other keys.
    package var groupName: String? { Self.groupName(pointer) }

    static func groupName(_ key: OpaquePointer) -> String? {
        var buffer = [CChar](repeating: 0, count: 80)
        var length = 0
        guard EVP_PKEY_get_utf8_string_param(key, OSSL_PKEY_PARAM_GROUP_NAME, &buffer, buffer.count, &length) == 1 else { return nil }
        return String(nulTerminated: buffer)
    }

    /// The key is the private half of `certificate`'s public key; a mismatch leaves OpenSSL's
    /// reason on the error queue.
    package func isPrivateHalf(of certificate: ParsedCertificate) -> Bool {
        X509_check_private_key(certificate.pointer, pointer) == 1
    }

    /// The key is the private half of `certificate`'s public key (the queue is cleared).
    func matches(_ certificate: OpaquePointer) -> Bool {
        defer { OpenSSLErrorQueue.clear() }
        return X509_check_private_key(certificate, pointer) == 1
    }

    /// "RSA 2048 bits", "EC P-256", "Ed25519".
    var label: String {
        let bits = self.bits
        let name = EVP_PKEY_get0_type_name(pointer).map { String(cString: $0) } ?? "unknown"
        if name == "EC" { return "EC \(X509Certificate.curveName(pointer) ?? "\(bits) bits")" }
        return name.hasPrefix("ED") || name.hasPrefix("X") ? name : "\(name) \(bits) bits"
    }
}
