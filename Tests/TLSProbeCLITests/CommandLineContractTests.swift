import Foundation
import Testing
import TLSProbeCore
import TLSProbeLab

/// The contract with users' scripts, checked on the real binary: exit codes, one-line errors,
/// nothing on stdout for usage errors, one parseable JSON document for every outcome.
@Suite struct CommandLineContractTests {
    static var pki: LabPKIBundle { CLIFixture.pki }
    static var directory: URL { CLIFixture.directory }
    static var root: String { CLIFixture.rootPath }

    @Test(arguments: [
        ["host:99999"], ["host:"], ["[::1"], ["https://"], ["http://example.com"], [],
        ["--timeout", "0", "localhost"], ["--tls-min", "1.3", "--tls-max", "1.2", "localhost"],
        ["--no-such-option", "localhost"], ["-4", "-6", "localhost"], ["--tls-min", "2.0", "localhost"],
        ["--json", "host:"],
    ])
    func usageErrorsAreOneLineOnStderrAndExit64(arguments: [String]) throws {
        let run = try TLSProbeBinary.run(arguments)
        #expect(run.status == 64, "\(arguments): \(run.status) \(run.stderr)")
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.split(separator: "\n").count == 1, "\(run.stderr)")
        #expect(run.stderr.hasPrefix("tlsprobe: "))
    }

    @Test func unreadableInputFilesExit66() throws {
        let missing = try TLSProbeBinary.run(["--cacert", "/nonexistent/ca.pem", "localhost"])
        #expect(missing.status == 66)
        #expect(missing.stdout.isEmpty)
        #expect(missing.stderr.contains("/nonexistent/ca.pem"))
        let garbage = Self.directory.appending(path: "garbage.pem")
        try Data("not a certificate\n".utf8).write(to: garbage)
        let notPEM = try TLSProbeBinary.run(["--json", "--cacert", garbage.path, "localhost"])
        #expect(notPEM.status == 66)
        #expect(notPEM.stdout.isEmpty)
        let keyMismatch = try TLSProbeBinary.run([
            "--cert", Self.directory.appending(path: "client.pem").path, "--key", Self.directory.appending(path: "leaf.key").path, "localhost",
        ])
        #expect(keyMismatch.status == 66)
        #expect(keyMismatch.stderr.contains("does not match"))
    }

    @Test(arguments: ["healthy-rsa", "expired", "missing-intermediate", "plain-http", "refused", "tls10-only", "http-500", "wrong-host"])
    func jsonIsOneDocumentWhateverTheOutcome(name: String) throws {
        let scenario = try #require(LabScenarios.named(name))
        let server = try scenario.make(Self.pki)
        defer { server.stop() }
        let run = try TLSProbeBinary.run([
            "--json", "--timeout", "4", "--cacert", Self.root, "--connect-to", server.host, "\(scenario.host):\(server.port)",
        ])
        #expect(run.status == scenario.expectedExit.rawValue, "\(name): \(run.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(object["schema_version"] as? Int == 1)
        #expect(object["exit_code"] as? Int == Int(scenario.expectedExit.rawValue))
        for key in ["tool", "target", "outcome", "failed_stage", "stages", "tls", "certificates", "verification", "http", "diagnoses"] {
            #expect(object.keys.contains(key), "missing \(key)")
        }
        if let expected = scenario.expectedDiagnosis {
            let ids = (object["diagnoses"] as? [[String: Any]])?.compactMap { $0["id"] as? String } ?? []
            #expect(ids.contains(expected))
        }
    }

    @Test func quietPrintsNothingAndKeepsTheExitCode() throws {
        let scenario = try #require(LabScenarios.named("self-signed"))
        let server = try scenario.make(Self.pki)
        defer { server.stop() }
        let run = try TLSProbeBinary.run(["-q", "--cacert", Self.root, "--connect-to", server.host, "localhost:\(server.port)"])
        #expect(run.status == ExitStatus.untrustedChain.rawValue)
        #expect(run.stdout.isEmpty && run.stderr.isEmpty)
    }

    @Test func textNamesTheStageTheCauseAndTheFixWithoutColourInAPipe() throws {
        let scenario = try #require(LabScenarios.named("expired"))
        let server = try scenario.make(Self.pki)
        defer { server.stop() }
        let run = try TLSProbeBinary.run(["--cacert", Self.root, "--connect-to", server.host, "localhost:\(server.port)"])
        #expect(run.status == 32)
        #expect(!run.stdout.contains("\u{1B}"))
        let lines = run.stdout.split(separator: "\n").map(String.init)
        let stages = lines.dropFirst().prefix(8).map { $0.split(separator: " ").dropFirst().first.map(String.init) ?? "" }
        #expect(stages == ["dns", "tcp", "client_hello", "server_hello", "certificate", "key_exchange", "finished", "http"])
        #expect(lines.contains { $0.hasPrefix(" FAIL certificate") })
        #expect(lines.contains { $0.hasPrefix("FAIL  certificate:") && $0.hasSuffix("exit 32") })
        #expect(lines.contains { $0.hasPrefix("error cert.expired") })
        #expect(lines.contains { $0.hasPrefix("  fix ") })
        #expect(lines.contains { $0.contains("X509_V_ERR_CERT_HAS_EXPIRED") })
    }

    @Test func colourOnlyWhenAsked() throws {
        let scenario = try #require(LabScenarios.named("healthy-rsa"))
        let server = try scenario.make(Self.pki)
        defer { server.stop() }
        let arguments = ["--no-http", "--cacert", Self.root, "--connect-to", server.host, "localhost:\(server.port)"]
        #expect(try TLSProbeBinary.run(arguments + ["--color", "always"]).stdout.contains("\u{1B}["))
        #expect(!(try TLSProbeBinary.run(arguments + ["--color", "always"], environment: [:]).stdout.isEmpty))
        #expect(!(try TLSProbeBinary.run(arguments, environment: ["NO_COLOR": "1"]).stdout.contains("\u{1B}")))
        #expect(!(try TLSProbeBinary.run(arguments + ["--color", "never"]).stdout.contains("\u{1B}")))
    }

    @Test func versionNamesBothOpenSSLsAndTheTrustStore() throws {
        let run = try TLSProbeBinary.run(["--version"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("tlsprobe \(TLSProbeVersion.current)"))
        #expect(run.stdout.contains("OpenSSL built with"))
        #expect(run.stdout.contains("OpenSSL running"))
        #expect(run.stdout.contains("trust store"))
    }
}
