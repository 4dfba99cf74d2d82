import Foundation
import TLSProbeTestSupport
import Testing
@testable import TLSProbeCore
import TLSProbeLab

/// The `esp-idf@4.4` prediction against a real Mbed TLS 2.28 client (Debian's libmbedtls-dev,
/// ESP-IDF v4.4's Mbed TLS) configured as esp-tls configures it: Tests/Oracle/esp_tls_client.c,
/// compiled here with cc. For every quick lab scenario the prediction's outcome, return code and
/// verify flags must equal what the real client gets. The chip is esp32c3: its RSA falls back
/// to software like this PC's Mbed TLS (ESP32's 4096-bit limit is checked separately).
@Suite struct MbedTLSOracleTests {
    struct OracleResult: CustomStringConvertible {
        var fields: [String: String]
        var outcome: String { fields["outcome"] ?? "?" }
        var ret: String { fields["ret"] ?? "" }
        var flags: String { fields["flags"] ?? "" }
        var description: String { fields.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ") }
    }

    /// Built once per test process into a temporary directory (removed at exit).
    static let oracle: Result<String, OracleBuildError> = {
        let directory = FileManager.default.temporaryDirectory.appending(path: "tlsprobe-oracle-\(getpid())")
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let binary = directory.appending(path: "esp_tls_client").path
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appending(path: "Oracle/esp_tls_client.c").path
        let build = run("/usr/bin/env", ["cc", "-O1", "-Wall", "-o", binary, source, "-lmbedtls", "-lmbedx509", "-lmbedcrypto"], timeout: 120)
        atexit { try? FileManager.default.removeItem(at: FileManager.default.temporaryDirectory.appending(path: "tlsprobe-oracle-\(getpid())")) }
        return build.status == 0 ? .success(binary) : .failure(OracleBuildError(output: build.output))
    }()

    struct OracleBuildError: Error, CustomStringConvertible {
        let output: String
        var description: String { "cc could not build the Mbed TLS oracle (scripts/test.sh installs libmbedtls-dev and gcc): \(output)" }
    }

    static func run(_ executable: String, _ arguments: [String], timeout: Int) -> (status: Int32, output: String) {
        do {
            let result = try TestProcess.tool(executable, arguments, timeout: TimeInterval(timeout))
            return (result.status, result.combined)
        } catch { return (-1, "\(error)") }
    }

    static func askOracle(_ binary: String, server: any LabServer, host: String) -> OracleResult {
        let result = run(binary, [server.host, String(server.port), host, LabFixture.rootPath, "3000"], timeout: 20)
        let line = result.output.split(separator: "\n").last.map(String.init) ?? ""
        var fields: [String: String] = [:]
        for token in line.split(separator: " ") {
            guard let equals = token.firstIndex(of: "=") else { continue }
            fields[String(token[..<equals])] = String(token[token.index(after: equals)...])
        }
        return OracleResult(fields: fields)
    }

    static func predict(_ scenario: LabScenario, server: any LabServer, profile: ClientProfile = .espIDF44, chip: String = "esp32c3") throws -> ProbeReport {
        try predictWith(scenario, server: server, profile: profile) { $0.chip = ESPChip.named(chip) ?? .defaultChip }
    }

    static func predictWith(_ scenario: LabScenario, server: any LabServer, profile: ClientProfile, _ adjust: (inout ProbeOptions) -> Void) throws -> ProbeReport {
        let engine = try ProbeEngine(options: LabFixture.options { options in
            options.connectTo = server.host
            options.clientProfile = profile
            options.runHTTP = false
            adjust(&options)
        })
        return engine.probe(try ProbeTarget.parse("\(scenario.host):\(server.port)"))
    }

    static let scenarios = LabScenarios.all.filter { !$0.isSlow }.map(\.name)

    @Test(arguments: scenarios)
    func predictionEqualsTheRealClient(_ name: String) throws {
        let binary = try Self.oracle.get()
        let scenario = try #require(LabScenarios.named(name))
        let server = try scenario.make(LabFixture.pki)
        defer { server.stop() }
        let real = Self.askOracle(binary, server: server, host: scenario.host)
        let report = try Self.predict(scenario, server: server)
        let device = try #require(report.device, "no device prediction for esp-idf@4.4")
        print("ORACLE \(name): real [\(real)] predicted [\(device.outcome.rawValue) \(device.returnCode ?? "0") \(device.verifyFlags)] \(device.reason)")
        #expect(device.outcome.rawValue == real.outcome, "outcome: real \(real), predicted \(device.reason)")
        if real.outcome == "failed" {
            let codes = [device.returnCode].compactMap { $0 } + device.alternativeCodes
            #expect(codes.contains(real.ret), "code: real \(real.ret), predicted \(codes)")
            #expect(device.verifyFlags == real.flags, "flags: real \(real.flags), predicted \(device.verifyFlags)")
            // esp-tls v4.4 logs what mbedtls_ssl_get_verify_result returns.
            #expect(device.loggedFlags == real.flags)
            // What esp-tls v5.x tests before it reads the flags: no peer certificate after a failed handshake.
            #expect(real.fields["peer_cert"] == "no")
        }
        if real.outcome == "connected" {
            #expect(device.returnCode == nil && device.verifyFlags == "0x00000000")
        }
    }

    /// The same servers on the default chip: only RSA keys above 4096 bits may change the answer
    /// (ESP32's RSA peripheral, no software fallback by default).
    @Test func esp32DiffersOnlyAboveItsRSALimit() throws {
        for name in ["rsa-4096", "healthy-rsa"] {
            let scenario = try #require(LabScenarios.named(name))
            let server = try scenario.make(LabFixture.pki)
            defer { server.stop() }
            let report = try Self.predict(scenario, server: server, chip: "esp32")
            #expect(report.device?.outcome == .connected, "\(name): \(report.device?.reason ?? "-")")
        }
    }

    /// The out-of-order chain with two intermediates: OpenSSL reorders and connects, Mbed TLS
    /// does not look before the child, in every generation.
    @Test(arguments: ["esp-idf@4.4", "esp-idf@5", "esp-idf@6"])
    func outOfOrderChainFailsOnEveryGeneration(_ name: String) throws {
        let profile = try #require(ClientProfiles.named(name))
        let scenario = try #require(LabScenarios.named("chain-out-of-order"))
        let server = try scenario.make(LabFixture.pki)
        defer { server.stop() }
        let report = try Self.predict(scenario, server: server, profile: profile)
        let device = try #require(report.device)
        #expect(report.tls.version != nil, "OpenSSL itself connects")
        #expect(device.outcome == .failed && device.returnCode == "-0x2700" && device.verifyFlags == "0x00000008", "\(device)")
        #expect(device.reason.contains("was sent before it"))
        // esp-tls 4.4 logs the flags; 5.x and 6.x cannot (no peer certificate yet) and say how to get them.
        if profile.mbedTLS?.flagsAfterFailure == .always {
            #expect(device.loggedFlags == "0x00000008" && device.flagsHint == nil)
            #expect(device.logLines.contains("I esp-tls-mbedtls: Failed to verify peer certificate!"))
        } else {
            #expect(device.loggedFlags == "0x00000000")
            #expect(device.flagsHint?.contains("mbedtls_ssl_get_verify_result") == true)
        }
    }
}

/// What differs between generations, on the lab servers that show it. The 3.6.5 results were
/// also checked locally against upstream Mbed TLS 3.6.5 built from its repository (not committed):
/// chain-just-over-16k connects, big-chain -0x7100, chain-out-of-order -0x2700 flags 0x08,
/// ip-san connects.
@Suite struct MbedTLSGenerationTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let scenario: String
        let profile: String
        let outcome: DevicePrediction.Outcome
        let code: String?
        var flags = "0x00000000"
        var testDescription: String { "\(scenario) as \(profile) → \(code ?? outcome.rawValue)" }
    }

    static let cases: [Case] = [
        // The size rule: 16,586 bytes fit 3.6.3+'s reassembly (16,384 + 320), not 2.28 / 3.6.2.
        Case(scenario: "chain-just-over-16k", profile: "esp-idf@4.4", outcome: .failed, code: "-0x7080"),
        Case(scenario: "chain-just-over-16k", profile: "esp-idf@5.2", outcome: .failed, code: "-0x7080"),
        Case(scenario: "chain-just-over-16k", profile: "esp-idf@5", outcome: .connected, code: nil),
        Case(scenario: "chain-just-over-16k", profile: "esp-idf@6", outcome: .connected, code: nil),
        Case(scenario: "big-chain", profile: "esp-idf@5", outcome: .failed, code: "-0x7100"),
        Case(scenario: "big-chain", profile: "esp-idf@6", outcome: .failed, code: "-0x0087"),
        // IP-address SANs: matched from 3.x on.
        Case(scenario: "ip-san", profile: "esp-idf@4.4", outcome: .failed, code: "-0x2700", flags: "0x00000004"),
        Case(scenario: "ip-san", profile: "esp-idf@5", outcome: .connected, code: nil),
        // TLS 1.0/1.1: 2.28 still speaks them, 3.x refuses the ServerHello.
        Case(scenario: "tls10-only", profile: "esp-idf@4.4", outcome: .connected, code: nil),
        Case(scenario: "tls10-only", profile: "esp-idf@5", outcome: .failed, code: "-0x6E80"),
        // TLS 1.3-only: only the TLS 1.3 build connects.
        Case(scenario: "healthy-tls13-only", profile: "esp-idf@5", outcome: .failed, code: "-0x7780"),
        Case(scenario: "healthy-tls13-only", profile: "esp-idf@5-tls13", outcome: .connected, code: nil),
        // DHE only: 4.4 has DHE-RSA, 5.x and 6.x do not.
        Case(scenario: "weak-dh-1024", profile: "esp-idf@4.4", outcome: .connected, code: nil),
        Case(scenario: "weak-dh-1024", profile: "esp-idf@6", outcome: .failed, code: "-0x7780"),
    ]

    @Test(arguments: cases)
    func generationsDiffer(_ testCase: Case) throws {
        let scenario = try #require(LabScenarios.named(testCase.scenario))
        let profile = try #require(ClientProfiles.named(testCase.profile))
        let server = try scenario.make(LabFixture.pki)
        defer { server.stop() }
        let device = try #require(try MbedTLSOracleTests.predict(scenario, server: server, profile: profile).device)
        #expect(device.outcome == testCase.outcome, "\(device.reason)")
        #expect(device.returnCode == testCase.code, "\(device.reason)")
        #expect(device.verifyFlags == testCase.flags)
    }

    /// The device's own diagnosis leads the report when OpenSSL is content and the device is not.
    @Test func deviceOnlyChainFaultsGetTheirDiagnosis() throws {
        for (name, profile, id, exit) in [("chain-out-of-order", "esp-idf", DiagnosisID.embeddedChainOutOfOrder, ExitStatus.untrustedChain),
                                          ("ip-san", "esp-idf@4.4", DiagnosisID.embeddedIPSANUnsupported, ExitStatus.hostnameMismatch)] {
            let scenario = try #require(LabScenarios.named(name))
            let server = try scenario.make(LabFixture.pki)
            defer { server.stop() }
            let report = try MbedTLSOracleTests.predict(scenario, server: server, profile: try #require(ClientProfiles.named(profile)))
            let first = try #require(report.diagnoses.first)
            #expect(first.id == id, "\(report.diagnoses.map(\.id))")
            #expect(!first.summary.contains("{"), "\(first.summary)")
            #expect(report.exitCode == exit.rawValue)
        }
    }

    @Test func chipsFollowTheirSocCaps() throws {
        #expect(ESPChip.named("esp32")?.rsaLimitBits == 4096)
        #expect(ESPChip.named("ESP32-S3")?.rsaLimitBits == 4096)
        #expect(ESPChip.named("esp32p4")?.rsaLimitBits == 4096)
        for name in ["esp32c3", "esp32c6", "esp32h2", "esp32c2"] {
            #expect(ESPChip.named(name) != nil && ESPChip.named(name)?.rsaLimitBits == nil, "\(name) falls back to software")
        }
        #expect(ESPChip.named("esp8266") == nil)
    }

    /// Every Mbed TLS profile cites its sources, and names each generation's facts.
    @Test func everyEmbeddedProfileIsCited() {
        for profile in ClientProfiles.all where !profile.isOpenSSLDefault {
            #expect(profile.mbedTLS != nil, "\(profile.name) has no Mbed TLS behaviour")
            let cited: [ProfileSource] = profile.sources + (profile.mbedTLS.map(\.sources) ?? [])
            #expect(!cited.isEmpty, "\(profile.name) cites nothing")
            for source in cited {
                #expect(source.source.contains("espressif/") || source.source.contains("Mbed-TLS/") || source.source.contains("reference/"), "\(profile.name): \(source.source)")
            }
        }
        #expect(ClientProfiles.named("esp-idf@6")?.mbedTLS?.codes == .v4)
        #expect(ClientProfiles.named("esp-idf@6")?.tls12CipherSuites.allSatisfy { $0.hasPrefix("TLS_ECDHE_") } == true)
    }
}

/// Arduino's setInsecure() (and esp-tls's skip-verify option): no verification, so a chain the
/// device would reject connects; the same server with the CA set fails.
@Suite struct InsecureTrustTests {
    @Test func setInsecureConnectsWhereTheCAFails() throws {
        let scenario = try #require(LabScenarios.named("self-signed"))
        let server = try scenario.make(LabFixture.pki)
        defer { server.stop() }
        let profile = try #require(ClientProfiles.named("arduino-esp32@3"))
        let insecure = try MbedTLSOracleTests.predictWith(scenario, server: server, profile: profile) { $0.clientTrust = .insecure }
        #expect(insecure.device?.outcome == .connected, "\(insecure.device?.reason ?? "-")")
        let pinned = try MbedTLSOracleTests.predictWith(scenario, server: server, profile: profile) { $0.clientTrust = .cacert }
        #expect(pinned.device?.returnCode == "-0x2700" && pinned.device?.verifyFlags == "0x00000008")
        #expect(pinned.device?.logLines.first?.contains("(-9984)") == true, "\(pinned.device?.logLines ?? [])")
    }
}
