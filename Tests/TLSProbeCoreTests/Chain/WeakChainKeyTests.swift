import Foundation
import Testing
import TLSProbeCore
import TLSProbeLab

/// A weak key anywhere on the path fails the run, also when the weak certificate is a root the
/// server never sends (it comes from the client's trust store). `openssl s_client`, a default
/// OpenSSL client, is the judge: it refuses these chains with "CA certificate key too weak".
@Suite("Weak keys at every depth", .serialized)
struct WeakChainKeyTests {
    private func check(rootKey: LabKeySpec, expect id: String, keyWords: String) throws {
        let lab = try ChainLab()
        let root = try ChainSpecs.root("Weak Root \(rootKey)", key: rootKey)
        let intermediate = try ChainSpecs.intermediate("Strong Intermediate", issuer: root)
        let leaf = try ChainSpecs.leaf(issuer: intermediate)
        let server = try LabTLSServer(LabTLSServerConfig(chain: [leaf, intermediate]))
        defer { server.stop() }

        let oracle = try ExternalVerifier.sClient(lab, port: server.port, trust: [root])
        #expect(oracle.status != 0 && oracle.output.contains("CA certificate key too weak"), "\(oracle.output)")

        let report = try lab.probe(port: server.port, trusting: [root])
        let weak = try #require(report.diagnoses.first { $0.id == id }, "\(report.diagnoses.map(\.id))")
        #expect(weak.severity == .error)
        #expect(weak.depth == 2)
        #expect(weak.summary.contains("Weak Root") && weak.summary.contains(keyWords) && weak.summary.contains("trust store"), "\(weak.summary)")
        #expect(report.exitCode == ExitStatus.otherCertificateProblem.rawValue, "\(report.diagnoses.map(\.id))")
    }

    @Test func rsa1024RootInTheTrustStoreFails() throws {
        try check(rootKey: .rsa(bits: 1024), expect: DiagnosisID.keyWeakRSA, keyWords: "1024-bit RSA")
    }

    @Test func p192RootInTheTrustStoreFails() throws {
        try check(rootKey: .ec(curve: "P-192"), expect: DiagnosisID.keyWeakEC, keyWords: "192 bits")
    }

    /// A sent intermediate with a weak key was already judged; it stays so.
    @Test func rsa1024IntermediateSentFails() throws {
        let lab = try ChainLab()
        let root = try ChainSpecs.root("Strong Root")
        let intermediate = try ChainSpecs.intermediate("Weak Intermediate", issuer: root, key: .rsa(bits: 1024))
        let leaf = try ChainSpecs.leaf(issuer: intermediate)
        let report = try lab.probe(sending: [leaf, intermediate], trusting: [root])
        let oracle = try ExternalVerifier.openssl(lab, leaf: leaf, untrusted: [intermediate], trust: [root], ["-auth_level", "2"])
        #expect(oracle.status != 0 && oracle.output.contains("CA certificate key too weak"), "\(oracle.output)")
        #expect(report.diagnoses.contains { $0.id == DiagnosisID.keyWeakRSA && $0.depth == 1 }, "\(report.diagnoses.map(\.id))")
        #expect(report.exitCode == ExitStatus.otherCertificateProblem.rawValue)
    }
}
