import Foundation
import Testing
import TLSProbeCore
import TLSProbeLab

/// "Issuer missing" told apart by what the chain and the trust store show, and the leaf sent
/// second. Each case is checked against `openssl verify` / Go as well as against tlsprobe.
@Suite("Issuer evidence and leaf order", .serialized)
struct IssuerEvidenceTests: ChainSuite {
    let fixture: ChainFixture
    init() throws { fixture = try ChainFixture("Evidence") }

    private func summaries(_ report: ProbeReport) -> String { "\(report.diagnoses.map { "\($0.id)@\($0.depth.map(String.init) ?? "-"): \($0.summary) FIX \($0.fix)" })" }

    @Test func leafSentSecondIsLeafNotFirst() throws {
        let leaf = try ChainSpecs.leaf(issuer: intermediate)
        let server = try LabTLSServer(LabTLSServerConfig(chain: [intermediate, leaf]))
        defer { server.stop() }
        // A real client refuses the order as sent; the reordered chain verifies (openssl verify).
        let client = try ExternalVerifier.sClient(lab, port: server.port, trust: [root])
        #expect(client.status != 0, "\(client.output)")
        let reordered = try ExternalVerifier.openssl(lab, leaf: leaf, untrusted: [intermediate], trust: [root], ["-verify_hostname", "localhost"])
        #expect(reordered.status == 0, "\(reordered.output)")

        let report = try lab.probe(port: server.port, trusting: [root])
        let diagnosis = try #require(report.diagnoses.first { $0.id == DiagnosisID.chainLeafNotFirst }, "\(summaries(report))")
        #expect(diagnosis.severity == .error)
        #expect(diagnosis.fix.contains("Put the server's certificate first, then its issuers"))
        #expect(diagnosis.summary.contains("Evidence Intermediate") && diagnosis.summary.contains("position 2") && diagnosis.summary.contains("verifies"), "\(diagnosis.summary)")
        for noise in [DiagnosisID.certHostnameMismatch, DiagnosisID.certWrongPurpose, DiagnosisID.chainExtraCerts, DiagnosisID.chainWrongOrder] {
            #expect(!report.diagnoses.contains { $0.id == noise }, "\(summaries(report))")
        }
        #expect(!report.diagnoses.contains { $0.fix.lowercased().contains("remove") }, "\(summaries(report))")
        #expect(report.exitCode == ExitStatus.incompleteChain.rawValue)
    }

    @Test func privateRootWithoutAIASaysItCannotDecide() throws {
        let privateRoot = try ChainSpecs.root("Acme Internal Root")
        let leaf = try ChainSpecs.leaf(issuer: privateRoot)
        let oracle = try ExternalVerifier.openssl(lab, leaf: leaf, untrusted: [], trust: [root])
        #expect(oracle.status != 0 && oracle.output.contains("unable to get local issuer certificate"), "\(oracle.output)")
        let report = try lab.probe(sending: [leaf], trusting: [root])
        let diagnosis = try #require(report.diagnoses.first { $0.id == DiagnosisID.chainMissingIntermediate }, "\(summaries(report))")
        #expect(diagnosis.summary.contains("cannot decide") && diagnosis.summary.contains("private or internal CA"), "\(diagnosis.summary)")
    }

    @Test func leafWithAIASaysMostLikelyMissingIntermediate() throws {
        // A closed loopback port: the download is refused at once, no name is looked up.
        let url = "http://127.0.0.1:\(try LabPorts.closedPort())/int.der"
        let leaf = try ChainSpecs.leaf(issuer: intermediate) { $0.aiaCAIssuersURL = url }
        let report = try lab.probe(sending: [leaf], trusting: [root])
        let diagnosis = try #require(report.diagnoses.first { $0.id == DiagnosisID.chainMissingIntermediate }, "\(summaries(report))")
        #expect(diagnosis.summary.contains("Most likely the server leaves out that intermediate"), "\(diagnosis.summary)")
        #expect(diagnosis.summary.contains(url))
    }

    @Test(arguments: [
        ("mitmproxy", "mitmproxy"), ("Superfish, Inc.", "Superfish"), ("eDellRoot", "eDellRoot"), ("DSDTestProvider", "DSDTestProvider"),
        ("Zscaler Root CA", "Zscaler"), ("DO_NOT_TRUST_FiddlerRoot", "Fiddler"), ("PortSwigger CA", "Burp"),
    ])
    func interceptionRootIsNamed(rootName: String, product: String) throws {
        let proxyRoot = try ChainSpecs.root(rootName)
        let minted = try ChainSpecs.leaf(issuer: proxyRoot)
        let oracle = try ExternalVerifier.openssl(lab, leaf: minted, untrusted: [], trust: [root])
        #expect(oracle.status != 0, "\(oracle.output)")
        let report = try lab.probe(sending: [minted], trusting: [root])
        let diagnosis = try #require(report.diagnoses.first { $0.id == DiagnosisID.chainInterception }, "\(summaries(report))")
        #expect(diagnosis.summary.contains(product) && diagnosis.summary.contains(String(rootName.split(separator: ",")[0])), "\(diagnosis.summary)")
        #expect(diagnosis.fixClient?.contains("Python") == true)
        #expect(report.exitCode == ExitStatus.untrustedChain.rawValue)
        #expect(!report.diagnoses.contains { $0.id == DiagnosisID.chainMissingIntermediate })
    }

    @Test func sentIssuerWithTheWrongKey() throws {
        let impostor = try ChainSpecs.intermediate("Evidence Intermediate", issuer: root)  // same name, new key
        let leaf = try ChainSpecs.leaf(issuer: intermediate)
        let oracle = try ExternalVerifier.openssl(lab, leaf: leaf, untrusted: [impostor], trust: [root])
        #expect(oracle.status != 0, "\(oracle.output)")
        let go = try GoVerifier.verify(lab, leaf: leaf, intermediates: [impostor], roots: [root])
        #expect(go.status == 1 && go.output.contains("unknown authority"), "\(go.output)")
        let report = try lab.probe(sending: [leaf, impostor], trusting: [root])
        let diagnosis = try #require(report.diagnoses.first { $0.id == DiagnosisID.chainWrongIssuerSent }, "\(summaries(report))")
        #expect(diagnosis.summary.contains("does not verify the signature"), "\(diagnosis.summary)")
        #expect(!report.diagnoses.contains { $0.id == DiagnosisID.chainMissingIntermediate || $0.id == DiagnosisID.chainExtraCerts }, "\(summaries(report))")
    }

    @Test func trustedRootOfThatNameButAnotherKey() throws {
        let realRoot = try ChainSpecs.root("Shared Name Root")
        let storedRoot = try ChainSpecs.root("Shared Name Root")  // what the client has: same name, other key
        let leaf = try ChainSpecs.leaf(issuer: realRoot)
        let oracle = try ExternalVerifier.openssl(lab, leaf: leaf, untrusted: [], trust: [storedRoot])
        #expect(oracle.status != 0, "\(oracle.output)")
        let gnutls = try GnuTLSVerifier.verify(lab, chain: [leaf], roots: [storedRoot])
        #expect(gnutls.status != 0, "\(gnutls.output)")
        let report = try lab.probe(sending: [leaf], trusting: [storedRoot])
        let diagnosis = try #require(report.diagnoses.first { $0.id == DiagnosisID.chainAnchorUnusable }, "\(summaries(report))")
        #expect(diagnosis.summary.contains("Shared Name Root") && diagnosis.summary.contains("subject key identifier"), "\(diagnosis.summary)")
    }

    @Test func emptyIssuerNameFallsBackToSerialAndFingerprint() throws {
        let spec = LabCertificateSpec(commonName: nil, extraSubject: [], notAfterOffset: 3650 * LabTime.day, isCA: true)
        let nameless = try LabPKI.issue(spec, issuer: nil)
        let leaf = try ChainSpecs.leaf(issuer: nameless)
        let report = try lab.probe(sending: [leaf], trusting: [root])
        #expect(report.exitCode != 0)
        for diagnosis in report.diagnoses {
            #expect(!diagnosis.summary.contains("\"?\"") && !diagnosis.summary.contains("\"\""), "\(diagnosis.summary)")
        }
        #expect(report.diagnoses.contains { $0.summary.contains("SHA-256") && $0.summary.contains("serial") }, "\(summaries(report))")
    }
}
