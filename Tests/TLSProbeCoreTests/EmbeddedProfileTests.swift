import Foundation
import Testing
@testable import TLSProbeCore
import TLSProbeLab

/// `--client esp-idf` against lab servers: each server a laptop accepts but an ESP32 with
/// ESP-IDF's defaults does not must give its own embedded.* diagnosis, naming the code the
/// device logs; healthy servers must pass.
@Suite struct EmbeddedProfileTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let scenario: String
        let expected: String
        let deviceCode: String
        let exit: TLSProbeCore.ExitStatus
        var trust: ClientTrust? = nil
        var testDescription: String { "\(scenario) → \(expected)" }
    }

    static let failing: [Case] = [
        Case(scenario: "healthy-tls13-only", expected: DiagnosisID.embeddedTLS13Required, deviceCode: "-0x7780", exit: .noCommonParameters),
        Case(scenario: "big-chain", expected: DiagnosisID.embeddedCertificateTooLarge, deviceCode: "-0x7100", exit: .otherCertificateProblem),
        Case(scenario: "ed25519", expected: DiagnosisID.embeddedEd25519Certificate, deviceCode: "-0x7780", exit: .noCommonParameters),
        Case(scenario: "tls12-pss-only", expected: DiagnosisID.embeddedRSAPSSRequired, deviceCode: "-0x7780", exit: .noCommonParameters),
        Case(scenario: "cross-signed-top", expected: DiagnosisID.embeddedCrossSignedChain, deviceCode: "-0x3000", exit: .untrustedChain, trust: .bundle),
        Case(scenario: "healthy-rsa", expected: DiagnosisID.embeddedRootNotInBundle, deviceCode: "-0x3000", exit: .untrustedChain, trust: .bundle),
    ]

    static func probe(_ name: String, profile: ClientProfile = .espIDF, _ adjust: @escaping (inout ProbeOptions) -> Void = { _ in }) throws -> ProbeReport {
        let scenario = try #require(LabScenarios.named(name))
        return try LabFixture.probe(scenario) { options in
            options.clientProfile = profile
            options.runHTTP = false
            adjust(&options)
        }.0
    }

    static func show(_ name: String, _ report: ProbeReport) {
        // Tables for notes and debugging only when asked for: tests are quiet by default.
        if ProcessInfo.processInfo.environment["TLSPROBE_TEST_TABLES"] != nil { print("EMBEDDED \(name): exit \(report.exitCode) ids \(report.diagnoses.map(\.id)) follow-ups \(report.followUps.map(\.result))") }
    }

    @Test(arguments: failing)
    func deviceFailureIsNamed(_ testCase: Case) throws {
        let report = try Self.probe(testCase.scenario) { $0.clientTrust = testCase.trust }
        Self.show(testCase.scenario, report)
        let decisive = try #require(report.diagnoses.first { $0.severity == .error })
        #expect(decisive.id == testCase.expected, "got \(report.diagnoses.map(\.id))")
        #expect(decisive.summary.contains(testCase.deviceCode), "\(decisive.summary)")
        #expect(!decisive.summary.contains("{"), "unfilled fact in \(decisive.summary)")
        #expect(report.exitCode == testCase.exit.rawValue)
        #expect(report.client == "esp-idf")
    }

    /// Each failing server is one cause: no two cases may end in the same diagnosis.
    @Test func failuresAreDistinct() {
        #expect(Set(Self.failing.map(\.expected)).count == Self.failing.count)
    }

    @Test(arguments: ["healthy-ecdsa", "healthy-rsa", "healthy-tls12-only", "rsa-4096"])
    func healthyServerPasses(_ name: String) throws {
        let report = try Self.probe(name)
        Self.show(name, report)
        #expect(report.exitCode == 0, "\(report.diagnoses.map(\.id))")
        #expect(report.diagnoses.allSatisfy { $0.severity != .error })
        #expect(report.tls.version == "TLSv1.2")
        // Dates are never checked by ESP-IDF's defaults: always said, as a note.
        #expect(report.diagnoses.contains { $0.id == DiagnosisID.embeddedClockUnchecked && $0.severity == .info })
    }

    /// The ClientHello is the profile's: TLS 1.2 only, the 32 suites OpenSSL can send (OpenSSL
    /// signals renegotiation with the extension, not the SCSV), 7 groups, 6 signature algorithms, SNI.
    @Test func clientHelloIsTheProfiles() throws {
        let report = try Self.probe("healthy-ecdsa")
        let details = try #require(report.stage(.clientHello)?.details.clientHello)
        #expect(details.offeredVersions == ["TLS 1.2"])
        #expect(details.cipherSuitesOffered == ClientProfile.espIDF.opensslCipherNames.count)
        #expect(details.groupsOffered?.count == 7)
        #expect(details.signatureAlgorithmsOffered == 6)
        #expect(details.sni == "localhost")
        #expect(ClientProfile.espIDF.opensslCipherNames.count == 32)
        #expect(ClientProfile.espIDF.tls12CipherSuites.count == 58)
    }

    @Test func smallerBufferIsChecked() throws {
        let report = try Self.probe("healthy-rsa") { $0.clientBufferBytes = 1024 }
        let finding = try #require(report.diagnoses.first { $0.id == DiagnosisID.embeddedCertificateTooLarge })
        #expect(finding.summary.contains("1024 bytes"))
    }

    /// An ESP32-C3-like limit (3072 bits in hardware, fallback switched off) against a real
    /// RSA-4096 leaf exercises the hardware-limit rule without an 8192-bit key.
    @Test func rsaAboveTheHardwareLimit() throws {
        var profile = ClientProfile.espIDF
        profile.usesChip = false
        profile.maxRSABits = 3072
        let report = try Self.probe("rsa-4096", profile: profile)
        let finding = try #require(report.diagnoses.first { $0.id == DiagnosisID.embeddedRSAKeyTooLarge })
        #expect(finding.summary.contains("RSA key of 4096 bits") && finding.summary.contains("-0x428E"))
        #expect(finding.depth == 0)
    }

    /// RSA-8192 key generation takes 10–30 s on this machine: run with TLSPROBE_SLOW_TESTS=1.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["TLSPROBE_SLOW_TESTS"] == "1", "slow (an 8192-bit key); set TLSPROBE_SLOW_TESTS=1 to run it"))
    func rsa8192() throws {
        let report = try Self.probe("rsa-8192")
        Self.show("rsa-8192", report)
        let decisive = try #require(report.diagnoses.first { $0.severity == .error })
        #expect(decisive.id == DiagnosisID.embeddedRSAKeyTooLarge)
        #expect(decisive.summary.contains("-0x428E"))
        #expect(report.exitCode == TLSProbeCore.ExitStatus.otherCertificateProblem.rawValue)
    }

    /// The device sends SNI, so a server that needs it is only a warning, found by a second
    /// connection without SNI.
    @Test func sniDependenceIsAWarning() throws {
        let scenario = try #require(LabScenarios.named("sni-required"))
        let server = try scenario.make(LabFixture.pki)
        defer { server.stop() }
        let engine = try ProbeEngine(options: LabFixture.options {
            $0.connectTo = server.host
            $0.clientProfile = .espIDF
            $0.runHTTP = false
        })
        let report = engine.probe(try ProbeTarget.parse("localhost:\(server.port)"))
        let finding = try #require(report.diagnoses.first { $0.id == DiagnosisID.embeddedSNIRequired })
        #expect(finding.severity == .warning)
        #expect(report.exitCode == 0)
    }

    /// The same servers through the default client: none of the embedded findings appear.
    @Test func defaultClientSaysNothingEmbedded() throws {
        let report = try LabFixture.probe(try #require(LabScenarios.named("healthy-tls13-only"))).0
        #expect(report.exitCode == 0)
        #expect(!report.diagnoses.contains { DiagnosisCatalog.family(of: $0.id) == "embedded" })
    }

    @Test func bundleDataIsTheRelease() throws {
        let bundle = ESPCertificateBundle.v5_5_4
        #expect(bundle.roots.count == 150)
        #expect(bundle.snapshot.contains("2025"))
        let isrg = try #require(bundle.roots.first { $0.name == "ISRG Root X1" })
        #expect(isrg.sha256.hasPrefix("96:BC:EC:06"))
        #expect(bundle.root(subjectHash: isrg.subjectHash)?.name == "ISRG Root X1")
    }
}
