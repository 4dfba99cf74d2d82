import TLSProbeCore
internal import COpenSSL

/// A private key generated at run time (or read back from a lab directory). The `EVP_PKEY` is
/// the core's `PrivateKey`, which frees it.
public final class LabKey: Sendable {
    public let spec: LabKeySpec
    let privateKey: PrivateKey

    /// Generates a fresh key. RSA-8192 takes seconds: only ask for it when a scenario needs it.
    public init(generating spec: LabKeySpec) throws {
        // Key generation goes straight to libcrypto, so weak keys are possible: security levels
        // only exist in libssl.
        let generated = switch spec {
        case .rsa(let bits): PrivateKey.generateRSA(bits: bits)
        case .ec(let curve): PrivateKey.generateEC(curve: curve)
        case .ed25519: PrivateKey.generateEd25519()
        }
        guard let generated else { throw LabError.openSSL("cannot generate a \(spec) key") }
        self.spec = spec
        self.privateKey = generated
    }

    init(_ privateKey: PrivateKey, spec: LabKeySpec) {
        self.spec = spec
        self.privateKey = privateKey
    }

    /// The `EVP_PKEY`, borrowed for libcrypto calls (signing, `SSL_CTX_use_PrivateKey`).
    var pointer: OpaquePointer { privateKey.pointer }

    /// Size in bits as OpenSSL reports it (RSA modulus, curve order, 253 for Ed25519).
    public var bits: Int { privateKey.bits }

    /// Unencrypted PKCS#8 PEM.
    public var pem: String {
        get throws {
            guard let pem = privateKey.pem else { throw LabError.openSSL("PEM_write_bio_PrivateKey") }
            return pem
        }
    }
}
