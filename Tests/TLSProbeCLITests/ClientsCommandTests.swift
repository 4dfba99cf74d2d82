import Foundation
import Testing
import TLSProbeCore
import TLSProbeLab

/// `tlsprobe clients` as users and scripts see it: the table (100 columns), the JSON document
/// (schema-valid), --require-clients exit codes and Nagios states, the Prometheus gauges, and
/// clear errors for bad input. The predictions themselves are checked against the real clients
/// in ClientMatrixAccuracyTests.
@Suite struct ClientsCommandTests {
    /// A server some clients fail: a SHA-1-signed leaf (OpenSSL 3, Go, GnuTLS and browsers refuse
    /// it; Java 17 with a private root and OpenSSL 1.1.1 accept it), and a healthy one.
    nonisolated(unsafe) static let servers: Result<CLIFixture.Servers, any Error> = Result { try CLIFixture.Servers(["sha1-leaf", "healthy-rsa"]) }

    func run(_ index: Int, _ extra: [String]) throws -> CLIFixture.Result {
        let servers = try Self.servers.get()
        return try CLIFixture.tlsprobe(["clients"] + servers.target(index) + CLIFixture.labOptions + extra)
    }

    @Test func theTableFitsOneHundredColumnsAndNamesEachFailingClientsReason() throws {
        let result = try run(0, [])
        #expect(result.status == 0, "\(result.stderr)")
        for line in result.lines { #expect(line.count <= 100, "\(line.count) columns: \(line)") }
        let go = try #require(result.lines.first { $0.hasPrefix("go-1.19 ") })
        #expect(go.contains("FAILS") && go.hasSuffix("certificate"))
        let goIndex = try #require(result.lines.firstIndex(of: go))
        #expect(result.lines[goIndex + 1].contains("sig.sha1:"))
        #expect(result.lines.first { $0.hasPrefix("java-17 ") }?.contains("connects") == true)
        #expect(result.stdout.contains(" clients fail: openssl-3.0, curl-7.88"))
    }

    @Test func jsonIsOneSchemaValidDocumentWithClients() throws {
        let result = try run(0, ["--json", "--clients", "java-17,go-1.19,esp-idf@4.4"])
        #expect(result.status == 0, "\(result.stderr)")
        let file = try CLIFixture.write(result.stdout, name: "clients.json")
        let check = try CLIFixture.python("validate-json.py", [CLIFixture.repository.appending(path: "docs/tlsprobe.schema.json").path, file])
        #expect(check.status == 0, "\(check.stdout) \(check.stderr)")
        let document = try CLIFixture.json(result.stdout)
        let clients = try #require(document["clients"] as? [[String: Any]])
        #expect(clients.compactMap { $0["name"] as? String } == ["java-17", "go-1.19", "esp-idf@4.4"])
        let go = try #require(clients.first { $0["name"] as? String == "go-1.19" })
        #expect(go["outcome"] as? String == "fails")
        #expect(go["failed_stage"] as? String == "certificate")
        #expect((go["diagnosis"] as? [String: Any])?["id"] as? String == DiagnosisID.sigSHA1)
        let tls = try #require(go["tls"] as? [String: Any])
        #expect(tls["version"] as? String == "TLS 1.3" && tls["cipher"] as? String == "TLS_AES_128_GCM_SHA256")
        #expect(clients.first { $0["name"] as? String == "java-17" }?["outcome"] as? String == "connects")
    }

    @Test func aRequiredClientThatFailsDecidesTheExitCodeAndNagiosState() throws {
        let failing = try run(0, ["-q", "--require-clients", "go-1.19"])
        #expect(failing.status == ExitStatus.otherCertificateProblem.rawValue && failing.stdout.isEmpty)
        let family = try run(0, ["-q", "--require-clients", "esp-idf"])
        #expect(family.status != 0)
        let passing = try run(0, ["-q", "--require-clients", "java-17"])
        #expect(passing.status == 0)
        let nagios = try run(0, ["--format", "nagios", "--require-clients", "go"])
        #expect(nagios.status == 2 && nagios.stdout.hasPrefix("TLSPROBE CRITICAL - ") && nagios.stdout.contains("go-1.19 (sig.sha1)"))
        #expect(nagios.stdout.contains("clients_failing="))
        let warning = try run(0, ["--format", "nagios", "--clients", "go-1.19,java-17"])
        #expect(warning.status == 1 && warning.stdout.hasPrefix("TLSPROBE WARNING - "))
        let healthy = try run(1, ["--format", "nagios", "--require-clients", "all", "--clients", "openssl-3.0,java-17,go-1.19,esp-idf@4.4"])
        #expect(healthy.status == 0 && healthy.stdout.hasPrefix("TLSPROBE OK - ") && healthy.stdout.contains("all 4 clients connect"))
    }

    @Test func prometheusHasAGaugeOfFailingClients() throws {
        let result = try run(0, ["--format", "prometheus", "--clients", "go-1.19,java-17,openssl-3.0"])
        let parsed = try CLIFixture.python("parse-prometheus.py", [], stdin: result.stdout)
        try #require(parsed.status == 0, "\(parsed.stderr)")
        let families = try JSONSerialization.jsonObject(with: Data(parsed.stdout.utf8)) as? [String: [String: Any]] ?? [:]
        let failing = try #require((families["tlsprobe_clients_failing"]?["samples"] as? [[String: Any]])?.first)
        #expect((failing["value"] as? NSNumber)?.intValue == 2)
        let connects = families["tlsprobe_client_connects"]?["samples"] as? [[String: Any]] ?? []
        let byClient = Dictionary(uniqueKeysWithValues: connects.map { (($0["labels"] as? [String: String])?["client"] ?? "", ($0["value"] as? NSNumber)?.intValue ?? -1) })
        #expect(byClient == ["go-1.19": 0, "java-17": 1, "openssl-3.0": 0])
    }

    @Test func badInputGetsAClearErrorAndTheUsageExitCode() throws {
        let unknown = try CLIFixture.tlsprobe(["clients", "localhost:1", "--clients", "netscape-4"])
        #expect(unknown.status == ExitStatus.usage.rawValue && unknown.stderr.contains("unknown client 'netscape-4'"))
        let required = try CLIFixture.tlsprobe(["clients", "localhost:1", "--require-clients", "mosaic"])
        #expect(required.status == ExitStatus.usage.rawValue && required.stderr.contains("--require-clients"))
        let none = try CLIFixture.tlsprobe(["clients"])
        #expect(none.status == ExitStatus.usage.rawValue && none.stderr.contains("no target"))
        let list = try CLIFixture.tlsprobe(["clients", "--clients", "list"])
        #expect(list.status == 0 && list.stdout.contains("java-17") && list.stdout.contains("testssl"))
    }

    @Test func anUnreachableTargetFailsEveryClientAtTCPWithTheProbesExitCode() throws {
        let result = try CLIFixture.tlsprobe(["clients", "127.0.0.1:1", "--clients", "curl-7.88,java-17", "--timeout", "3", "--json"])
        #expect(result.status == ExitStatus.tcpRefused.rawValue)
        let clients = try CLIFixture.json(result.stdout)["clients"] as? [[String: Any]] ?? []
        #expect(clients.count == 2 && clients.allSatisfy { $0["failed_stage"] as? String == "tcp" })
    }
}
