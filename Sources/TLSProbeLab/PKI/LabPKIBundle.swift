import FoundationEssentials

/// The certificates a lab session shares: one trusted hierarchy, one untrusted root and a client CA.
/// Scenarios that need an odd leaf (expired, weak, wrong host…) issue it themselves from
/// `intermediate`, so only what a scenario uses is generated.
public struct LabPKIBundle: Sendable {
    /// The trust anchor a client must be given (`--cacert root.pem`).
    public let root: LabCertificate
    /// Issued by `root`; issues every leaf of the trusted hierarchy.
    public let intermediate: LabCertificate
    /// RSA-2048 leaf for localhost, 127.0.0.1 and ::1, issued by `intermediate`.
    public let leaf: LabCertificate
    /// A root nobody trusts, for "untrusted root" chains.
    public let foreignRoot: LabCertificate
    /// The CA a client-certificate server asks for.
    public let clientCA: LabCertificate
    /// A client certificate (EKU clientAuth) issued by `clientCA`.
    public let clientCertificate: LabCertificate

    /// `leaf` followed by `intermediate`: what a correctly configured server sends.
    public var chain: [LabCertificate] { [leaf, intermediate] }

    public init(
        root: LabCertificate, intermediate: LabCertificate, leaf: LabCertificate,
        foreignRoot: LabCertificate, clientCA: LabCertificate, clientCertificate: LabCertificate
    ) {
        self.root = root
        self.intermediate = intermediate
        self.leaf = leaf
        self.foreignRoot = foreignRoot
        self.clientCA = clientCA
        self.clientCertificate = clientCertificate
    }

    /// Issues a leaf from `intermediate` (the usual way scenarios make their odd certificates).
    public func issueLeaf(_ spec: LabCertificateSpec) throws -> LabCertificate {
        try LabPKI.issue(spec, issuer: intermediate)
    }

    /// Writes `root.pem`, `intermediate.pem`, `leaf.pem`, `leaf.key`, `foreign-root.pem`,
    /// `client-ca.pem`, `client.pem`, `client.key` into `directory` (which must exist).
    public func write(to directory: URL) throws {
        try root.write(certTo: directory.appending(path: "root.pem"))
        try intermediate.write(certTo: directory.appending(path: "intermediate.pem"))
        try leaf.write(certTo: directory.appending(path: "leaf.pem"), keyTo: directory.appending(path: "leaf.key"))
        try foreignRoot.write(certTo: directory.appending(path: "foreign-root.pem"))
        try clientCA.write(certTo: directory.appending(path: "client-ca.pem"))
        try clientCertificate.write(
            certTo: directory.appending(path: "client.pem"), keyTo: directory.appending(path: "client.key"))
    }
}

extension LabPKI {
    /// A fresh lab hierarchy: root → intermediate → leaf(localhost, 127.0.0.1, ::1), plus a foreign
    /// root, a client CA and a client certificate. The trusted hierarchy is RSA so that
    /// weak-signature scenarios (SHA-1, MD5 with RSA) can be issued from it; the rest is P-256
    /// because it costs nothing to generate.
    public static func standard() throws -> LabPKIBundle {
        let root = try issue(.authority(commonName: "tlsprobe Lab Root CA", key: .rsa(bits: 2048)), issuer: nil)
        let intermediate = try issue(
            .authority(commonName: "tlsprobe Lab Intermediate CA", key: .rsa(bits: 2048), pathLength: 0),
            issuer: root)
        let leaf = try issue(.server(key: .rsa(bits: 2048)), issuer: intermediate)
        let foreignRoot = try issue(.authority(commonName: "Foreign Root CA (not trusted)"), issuer: nil)
        let clientCA = try issue(.authority(commonName: "tlsprobe Lab Client CA"), issuer: nil)
        var clientSpec = LabCertificateSpec(commonName: "lab client")
        clientSpec.extendedKeyUsage = [.clientAuth]
        let clientCertificate = try issue(clientSpec, issuer: clientCA)
        return LabPKIBundle(
            root: root, intermediate: intermediate, leaf: leaf,
            foreignRoot: foreignRoot, clientCA: clientCA, clientCertificate: clientCertificate)
    }
}
