internal import COpenSSL
internal import CTLSProbeShims

/// A private key generated at run time. Owns its `EVP_PKEY`.
///
/// `@unchecked Sendable`: the key is never mutated after generation, and OpenSSL allows concurrent
/// read-only use of an `EVP_PKEY` (signing, serialising, handing it to several `SSL_CTX`s, which
/// take their own reference).
public final class LabKey: @unchecked Sendable {
    public let spec: LabKeySpec
    let pointer: OpaquePointer

    /// Generates a fresh key. RSA-8192 takes seconds: only ask for it when a scenario needs it.
    public init(generating spec: LabKeySpec) throws {
        // Key generation goes straight to libcrypto, so weak keys are possible: security levels
        // only exist in libssl.
        let generated: OpaquePointer? = switch spec {
        case .rsa(let bits): bits > 0 ? tlsprobe_EVP_RSA_gen(UInt32(bits)) : nil
        case .ec(let curve): tlsprobe_EVP_EC_gen(curve)
        case .ed25519: tlsprobe_EVP_PKEY_Q_keygen_named("ED25519")
        }
        guard let generated else { throw LabError.openSSL("cannot generate a \(spec) key") }
        self.spec = spec
        self.pointer = generated
    }

    /// Takes ownership of an existing key (one read from a PEM file).
    init(takingOwnership pointer: OpaquePointer, spec: LabKeySpec) {
        self.spec = spec
        self.pointer = pointer
    }

    deinit { EVP_PKEY_free(pointer) }

    /// Size in bits as OpenSSL reports it (RSA modulus, curve order, 253 for Ed25519).
    public var bits: Int { Int(EVP_PKEY_get_bits(pointer)) }

    /// Unencrypted PKCS#8 PEM.
    public var pem: String {
        get throws {
            try withMemoryBIO("PEM_write_bio_PrivateKey") { bio in
                PEM_write_bio_PrivateKey(bio, pointer, nil, nil, 0, nil, nil)
            }
        }
    }
}
