/// The key algorithm and size of a lab certificate.
public enum LabKeySpec: Sendable, Hashable, CustomStringConvertible {
    /// RSA of any size libcrypto accepts, including weak ones (512, 1024) and slow ones (8192).
    case rsa(bits: Int)
    /// A named curve: "P-256", "P-384", "P-521", "secp256k1" (any name `EVP_EC_gen` knows).
    case ec(curve: String)
    case ed25519

    public var description: String {
        switch self {
        case .rsa(let bits): "RSA-\(bits)"
        case .ec(let curve): "EC \(curve)"
        case .ed25519: "Ed25519"
        }
    }
}
