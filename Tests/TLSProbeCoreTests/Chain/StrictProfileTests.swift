import Foundation
import Testing
@testable import TLSProbeCore
import TLSProbeLab
import TLSProbeTestSupport

/// A strict `--client` profile turns the strict findings it enforces into its own failure. The
/// profile here is an OpenSSL client with X509_V_FLAG_X509_STRICT (what Python 3.13's default
/// context sets), and the real client is `openssl s_client -x509_strict`: it refuses the chain
/// that the default `s_client` accepts.
@Suite("Strict client profiles", .serialized)
struct StrictProfileTests: ChainSuite {
    let fixture: ChainFixture

    /// The shipped `--client` profiles (OpenSSL, Mbed TLS) enforce no strict rule; go-1.19 of
    /// `tlsprobe clients` does (GoStrictProfileTests). This one is built as a #20 profile would be.
    static let x509StrictClient: ClientProfile = {
        var profile = ClientProfile.openSSL
        profile.name = "openssl-x509-strict"
        profile.basis = "OpenSSL 3 with X509_V_FLAG_X509_STRICT"
        profile.strictRules = StrictRule.x509Strict
        return profile
    }()

    /// The intermediate's basicConstraints is not critical: what x509_strict refuses.
    init() throws { fixture = try ChainFixture("Profile", intermediateName: "Soft BC CA", [("basicConstraints", "CA:TRUE")]) }

    static func sClient(_ lab: ChainLab, port: UInt16, trust: String, strict: Bool) throws -> TestProcess.Output {
        try TestProcess.tool("openssl", ["s_client", "-connect", "127.0.0.1:\(port)", "-servername", "localhost", "-verify_hostname", "localhost",
                                         "-CAfile", trust, "-verify_return_error", "-brief"] + (strict ? ["-x509_strict"] : []), stdin: Data(), timeout: 15)
    }

    @Test func aStrictProfileMakesTheStrictFindingItEnforcesItsFailure() throws {
        let server = try LabTLSServer(LabTLSServerConfig(chain: [leaf, intermediate]))
        defer { server.stop() }
        let trust = try lab.write([root], "strict-profile-root.pem")
        // The real clients: the default s_client connects, the strict one refuses.
        let lenient = try Self.sClient(lab, port: server.port, trust: trust, strict: false)
        #expect(lenient.stderr.contains("CONNECTION ESTABLISHED"), "\(lenient.stderr)")
        let strict = try Self.sClient(lab, port: server.port, trust: trust, strict: true)
        #expect(!strict.stderr.contains("CONNECTION ESTABLISHED") && strict.stderr.lowercased().contains("not marked critical"), "\(strict.stderr)")

        let plain = try lab.probe(port: server.port, trusting: [root])
        let warning = try #require(plain.diagnoses.first { $0.id == DiagnosisID.chainStrict }, "\(plain.diagnoses.map(\.id))")
        #expect(warning.severity == .warning && warning.summary.contains("Soft BC CA"))
        #expect(plain.exitCode == 0)

        let asClient = try lab.probe(port: server.port, trusting: [root]) { $0.clientProfile = Self.x509StrictClient }
        let all = asClient.diagnoses.map { "\($0.severity) \($0.id): \($0.summary)" }
        let failure = try #require(asClient.diagnoses.first { $0.id == DiagnosisID.chainStrict }, "\(all)")
        #expect(failure.severity == .error, "\(all)")
        #expect(failure.summary.contains("openssl-x509-strict") && failure.summary.contains("not marked critical"), "\(failure.summary)")
        #expect(!asClient.diagnoses.contains { $0.id == DiagnosisID.chainStrict && $0.severity == .warning }, "\(all)")
        #expect(asClient.exitCode == ExitStatus.otherCertificateProblem.rawValue, "\(all)")
    }

    @Test func aStrictFindingTheProfileDoesNotEnforceStaysAWarning() throws {
        // A wildcard over a public suffix: X509_STRICT does not look at it, and s_client -x509_strict connects.
        let cleanCA = try ChainSpecs.intermediate("Clean CA 2", issuer: root)
        let leaf2 = try ChainSpecs.leaf(issuer: cleanCA) { $0.dnsNames = ["localhost", "*.co.uk"] }
        let server = try LabTLSServer(LabTLSServerConfig(chain: [leaf2, cleanCA]))
        defer { server.stop() }
        let strict = try Self.sClient(lab, port: server.port, trust: try lab.write([root], "strict-profile-root2.pem"), strict: true)
        #expect(strict.stderr.contains("CONNECTION ESTABLISHED"), "\(strict.stderr)")
        let asClient = try lab.probe(port: server.port, trusting: [root]) { $0.clientProfile = Self.x509StrictClient }
        let finding = try #require(asClient.diagnoses.first { $0.id == DiagnosisID.chainStrict }, "\(asClient.diagnoses.map(\.id))")
        #expect(finding.severity == .warning && finding.summary.contains("*.co.uk"))
        #expect(asClient.exitCode == 0, "\(asClient.diagnoses.map(\.id))")
    }
}
