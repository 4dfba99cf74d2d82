import Foundation
import Testing
import TLSProbeLab

@Suite struct LabPKITests {
    /// Decodes a certificate with `openssl x509 -text`, the reference parser.
    private func text(of certificate: LabCertificate) throws -> String {
        let directory = try Tool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appending(path: "cert.pem")
        try certificate.write(certTo: file)
        return try Tool.openssl(["x509", "-in", file.path, "-noout", "-text"]).output
    }

    @Test func standardHierarchyVerifies() throws {
        let pki = try LabPKI.standard()
        let directory = try Tool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try pki.write(to: directory)
        let result = try Tool.openssl([
            "verify", "-CAfile", directory.appending(path: "root.pem").path,
            "-untrusted", directory.appending(path: "intermediate.pem").path,
            "-verify_hostname", "localhost", "-verify_ip", "::1", "-purpose", "sslserver",
            directory.appending(path: "leaf.pem").path,
        ])
        #expect(result.status == 0, "\(result.output)")
        #expect(pki.leaf.subjectDescription == "CN=localhost, O=tlsprobe lab")
        #expect(pki.leaf.issuerDescription == "CN=tlsprobe Lab Intermediate CA, O=tlsprobe lab")
        #expect(try pki.leaf.der.count > 500)
    }

    @Test(arguments: [
        (LabCertificateSpec.SignatureHash.sha1, "sha1WithRSAEncryption"),
        (.md5, "md5WithRSAEncryption"),
        (.sha384, "sha384WithRSAEncryption"),
    ])
    func weakSignaturesAreReallyWeak(hash: LabCertificateSpec.SignatureHash, algorithm: String) throws {
        let root = try LabPKI.issue(.authority(commonName: "RSA root", key: .rsa(bits: 1024)), issuer: nil)
        var spec = LabCertificateSpec.server()
        spec.signatureHash = hash
        let decoded = try text(of: try LabPKI.issue(spec, issuer: root))
        #expect(decoded.contains("Signature Algorithm: \(algorithm)"), "\(decoded)")
    }

    @Test func weakKeysAndOddShapes() throws {
        var spec = LabCertificateSpec(commonName: "legacy.example", includeSAN: false, key: .rsa(bits: 512))
        spec.extendedKeyUsage = [.clientAuth]
        spec.notBeforeOffset = -30 * LabTime.day
        spec.notAfterOffset = -10 * LabTime.day
        spec.aiaCAIssuersURL = "http://lab.test/ca.der"
        let certificate = try LabPKI.issue(spec, issuer: nil)
        #expect(certificate.key.bits == 512)
        let decoded = try text(of: certificate)
        #expect(decoded.contains("Public-Key: (512 bit)"))
        #expect(!decoded.contains("Subject Alternative Name"))
        #expect(decoded.contains("TLS Web Client Authentication"))
        #expect(decoded.contains("CA Issuers - URI:http://lab.test/ca.der"))
    }

    @Test(arguments: [LabKeySpec.ec(curve: "P-384"), .ec(curve: "P-521"), .ec(curve: "secp256k1"), .ed25519])
    func otherKeyTypes(key: LabKeySpec) throws {
        let certificate = try LabPKI.issue(LabCertificateSpec.server(key: key), issuer: nil)
        #expect(try certificate.pem.hasPrefix("-----BEGIN CERTIFICATE-----"))
        #expect(try certificate.keyPEM.hasPrefix("-----BEGIN PRIVATE KEY-----"))
    }

    @Test func errorsAreThrownNotCrashed() {
        #expect(throws: LabError.self) { try LabKey(generating: .ec(curve: "no-such-curve")) }
        #expect(throws: LabError.self) { try LabKey(generating: .rsa(bits: 0)) }
        var backwards = LabCertificateSpec.server()
        backwards.notAfterOffset = -LabTime.day * 2
        #expect(throws: LabError.self) { try LabPKI.issue(backwards, issuer: nil) }
    }
}
