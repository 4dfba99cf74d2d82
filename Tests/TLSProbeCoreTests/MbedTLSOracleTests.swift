import Foundation
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
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["timeout", "--kill-after=2", String(timeout), executable] + arguments
        process.standardInput = FileHandle(forReadingAtPath: "/dev/null")
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        do { try process.run() } catch { return (-1, "\(error)") }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
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
        let engine = try ProbeEngine(options: LabFixture.options { options in
            options.connectTo = server.host
            options.clientProfile = profile
            options.chip = ESPChip.named(chip) ?? .defaultChip
            options.runHTTP = false
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
        #expect(device.reason.contains("certificates sent after it"))
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
