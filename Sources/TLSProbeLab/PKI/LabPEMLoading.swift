import TLSProbeCore
import FoundationEssentials

/// Reading back what `LabPKIBundle` wrote, so `tlsprobe lab serve` can keep the same root across
/// restarts (a device flashed with root.h must not need reflashing every time).
extension LabKey {
    /// An unencrypted PEM private key (RSA, EC or Ed25519).
    public convenience init(pem: String) throws {
        guard let key = PrivateKey.readPEM(pem) else { throw LabError.openSSL("not a readable PEM object") }
        try self.init(key, spec: Self.spec(of: key))
    }

    private static func spec(of key: PrivateKey) throws -> LabKeySpec {
        if key.isA("RSA") { return .rsa(bits: key.bits) }
        if key.isA("ED25519") { return .ed25519 }
        if key.isA("EC") {
            guard let curve = key.groupName else { throw LabError.openSSL("the curve of an EC key") }
            return .ec(curve: curve)
        }
        throw LabError("unsupported key type (expected RSA, EC or Ed25519)")
    }
}

extension LabCertificate {
    /// A PEM certificate and the PEM private key that belongs to it (checked to match).
    public convenience init(pem: String, keyPEM: String) throws {
        let key = try LabKey(pem: keyPEM)
        guard let x509 = ParsedCertificate.readPEM(pem) else { throw LabError.openSSL("not a readable PEM object") }
        guard key.privateKey.isPrivateHalf(of: x509) else {
            throw LabError.openSSL("the key does not belong to the certificate")
        }
        self.init(x509, key: key)
    }
}
