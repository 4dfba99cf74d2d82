import Foundation
import Testing
import TLSProbeCore
import TLSProbeLab

/// Chains OpenSSL's default verification accepts and strict verifiers reject: each is a
/// `chain.strict` warning (exit 0), and exit 1 under `--strict`. The oracles show both halves:
/// the default `openssl verify` accepts, and `openssl verify -x509_strict` or Go rejects.
@Suite("Strict second opinion", .serialized)
struct StrictPassTests: ChainSuite {
    let fixture: ChainFixture
    init() throws { fixture = try ChainFixture("Strict") }

    private func check(_ chain: [LabCertificate], trust: [LabCertificate]? = nil, words: [String],
                       label: String = #function, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let report = try lab.probe(sending: chain, trusting: trust ?? [root], label: label)
        let all = report.diagnoses.map { "\($0.id): \($0.summary)" }
        let strict = report.diagnoses.filter { $0.id == DiagnosisID.chainStrict }
        #expect(strict.contains { finding in words.allSatisfy { finding.summary.contains($0) } }, "\(all)", sourceLocation: sourceLocation)
        #expect(strict.allSatisfy { $0.severity == .warning && $0.summary.hasPrefix("OpenSSL accepts this; ") }, sourceLocation: sourceLocation)
        #expect(report.exitCode == 0, "\(all)", sourceLocation: sourceLocation)
        let underStrict = try lab.probe(sending: chain, trusting: trust ?? [root]) { $0.strict = true }
        #expect(underStrict.exitCode == TLSProbeCore.ExitStatus.warningsUnderStrict.rawValue, sourceLocation: sourceLocation)
    }

    @Test func caBasicConstraintsNotCritical() throws {
        let ca = try ChainSpecs.intermediate("Soft BC CA", issuer: root, [("basicConstraints", "CA:TRUE")])
        let leaf = try ChainSpecs.leaf(issuer: ca)
        #expect(try ExternalVerifier.openssl(lab, leaf: leaf, untrusted: [ca], trust: [root]).status == 0)
        let strict = try ExternalVerifier.openssl(lab, leaf: leaf, untrusted: [ca], trust: [root], ["-x509_strict"])
        #expect(strict.status != 0 && strict.output.lowercased().contains("basic constraints of ca cert not marked critical"), "\(strict.output)")
        try check([leaf, ca], words: ["not marked critical", "Soft BC CA"])
    }

    @Test func leafWithoutAuthorityKeyIdentifier() throws {
        let ca = try ChainSpecs.intermediate("AKI-less Issuer", issuer: root)
        let leaf = try ChainSpecs.leaf(issuer: ca) { $0.extensionOverrides = [("authorityKeyIdentifier", nil)] }
        #expect(try ExternalVerifier.openssl(lab, leaf: leaf, untrusted: [ca], trust: [root]).status == 0)
        let strict = try ExternalVerifier.openssl(lab, leaf: leaf, untrusted: [ca], trust: [root], ["-x509_strict"])
        #expect(strict.status != 0 && strict.output.lowercased().contains("missing authority key identifier"), "\(strict.output)")
        try check([leaf, ca], words: ["no authorityKeyIdentifier"])
    }

    @Test func wildcardOverAPublicSuffix() throws {
        let ca = try ChainSpecs.intermediate("Wildcard Issuer", issuer: root)
        let leaf = try ChainSpecs.leaf(issuer: ca) { $0.dnsNames = ["localhost", "*.co.uk"] }
        // The list itself is the oracle that co.uk is a public suffix.
        let list = try String(contentsOfFile: "/usr/share/publicsuffix/public_suffix_list.dat", encoding: .utf8)
        #expect(list.split(separator: "\n").contains("co.uk"))
        #expect(try ExternalVerifier.openssl(lab, leaf: leaf, untrusted: [ca], trust: [root]).status == 0)
        try check([leaf, ca], words: ["*.co.uk", "public suffix"])
    }

    @Test func healthyChainHasNoStrictFinding() throws {
        let ca = try ChainSpecs.intermediate("Clean CA", issuer: root)
        let leaf = try ChainSpecs.leaf(issuer: ca)
        let strict = try ExternalVerifier.openssl(lab, leaf: leaf, untrusted: [ca], trust: [root], ["-x509_strict"])
        #expect(strict.status == 0, "\(strict.output)")
        let go = try GoVerifier.verify(lab, leaf: leaf, intermediates: [ca], roots: [root])
        #expect(go.status == 0, "\(go.output)")
        let report = try lab.probe(sending: [leaf, ca], trusting: [root]) { $0.strict = true }
        #expect(report.exitCode == 0, "\(report.diagnoses.map { "\($0.id): \($0.summary)" })")
    }
}
