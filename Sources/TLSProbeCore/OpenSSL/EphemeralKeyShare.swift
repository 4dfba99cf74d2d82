internal import COpenSSL
internal import CTLSProbeShims

/// Fresh key pairs for the raw ClientHello's key_share, and random bytes, from OpenSSL. Only the
/// public half leaves this file; the key is freed at once (the raw component never finishes a
/// handshake, so no secret is ever derived).
enum EphemeralKeyShare {
    /// The encoded public key (X25519/X448: 32/56 raw bytes; NIST curves: the uncompressed
    /// point), or nil for a group OpenSSL cannot generate here.
    static func publicKey(group: UInt16) -> [UInt8]? {
        let key: OpaquePointer?
        switch group {
        case WireGroup.x25519: key = generate(type: EVP_PKEY_X25519)
        case WireGroup.x448: key = generate(type: EVP_PKEY_X448)
        case WireGroup.p256: key = tlsprobe_EVP_EC_gen("P-256")
        case WireGroup.p384: key = tlsprobe_EVP_EC_gen("P-384")
        case WireGroup.p521: key = tlsprobe_EVP_EC_gen("P-521")
        default: return nil
        }
        guard let key else { return nil }
        defer { EVP_PKEY_free(key) }
        var buffer = [UInt8](repeating: 0, count: 160)
        var length = 0
        guard EVP_PKEY_get_octet_string_param(key, "encoded-pub-key", &buffer, buffer.count, &length) == 1 else { return nil }
        return Array(buffer.prefix(length))
    }

    private static func generate(type: Int32) -> OpaquePointer? {
        guard let context = EVP_PKEY_CTX_new_id(type, nil) else { return nil }
        defer { EVP_PKEY_CTX_free(context) }
        var key: OpaquePointer?
        guard EVP_PKEY_keygen_init(context) == 1, EVP_PKEY_keygen(context, &key) == 1 else { return nil }
        return key
    }

    static func randomBytes(_ count: Int) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        if RAND_bytes(&bytes, Int32(count)) != 1 {
            // Never expected; a client random need not be secret for a probe that never finishes.
            for index in bytes.indices { bytes[index] = UInt8.random(in: 0...255) }
        }
        return bytes
    }
}
