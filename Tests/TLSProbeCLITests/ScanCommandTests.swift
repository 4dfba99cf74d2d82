import Foundation
import Testing
import TLSProbeCore
import TLSProbeLab

/// `tlsprobe scan` as users run it: the text tables fit 100 columns, the JSON validates against
/// the schema, prometheus parses, bad input gets exit 64. Lab servers (OpenSSL) started per test;
/// the accuracy against sslscan and testssl.sh is in TLSProbeCoreTests/Scan.
@Suite struct ScanCommandTests {
    @Test func textTablesFitHundredColumnsAndNameWhatIsAccepted() throws {
        let servers = try CLIFixture.Servers(["healthy-rsa"])
        let run = try CLIFixture.tlsprobe(["scan"] + CLIFixture.labOptions + servers.target(0))
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let start = try #require(lines.firstIndex { $0.hasPrefix("scan  ") }, "\(run.stdout)")
        let end = try #require(lines.firstIndex { $0.hasPrefix("OK ") || $0.hasPrefix("WARN ") || $0.hasPrefix("FAIL ") }, "\(run.stdout)")
        for line in lines[start..<end] { #expect(line.count <= 100, "\(line.count) columns: \(line)") }
        for expected in ["  TLS 1.3  yes", "  TLS 1.2  yes", "  SSL 3.0  no "] {
            #expect(lines.contains { (line: String) in line.hasPrefix(expected) }, "no line \(expected)")
        }
        #expect(run.stdout.contains("TLS_AES_256_GCM_SHA384") && run.stdout.contains("Signature algorithms"))
    }

    @Test func jsonValidatesAndPrometheusParses() throws {
        let servers = try CLIFixture.Servers(["healthy-rsa"])
        let json = try CLIFixture.tlsprobe(["scan", "--json"] + CLIFixture.labOptions + servers.target(0))
        let file = try CLIFixture.write(json.stdout, name: "scan.json")
        let check = try CLIFixture.python("validate-json.py", [SchemaValidationTests.schema, file])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        let document = try CLIFixture.json(json.stdout)
        let scan = try #require(document["scan"] as? [String: Any])
        // SSL 2.0 (its own CLIENT-HELLO) and SSL 3.0 to TLS 1.3.
        #expect((scan["versions"] as? [[String: Any]])?.map { $0["key"] as? String } == ["ssl2", "ssl3", "tls1_0", "tls1_1", "tls1_2", "tls1_3"])
        let suites = try #require(scan["cipher_suites"] as? [String: Any])
        // The lab server (OpenSSL at security level 0) also takes TLS 1.0/1.1, as s_client -tls1 confirms.
        #expect(Set(suites.keys) == ["tls1_0", "tls1_1", "tls1_2", "tls1_3"], "healthy-rsa's summary says TLS 1.0–1.3")
        #expect(((scan["groups"] as? [String: Any])?["tls1_3"] as? [Any])?.isEmpty == false)

        let metrics = try CLIFixture.tlsprobe(["scan", "--format", "prometheus"] + CLIFixture.labOptions + servers.target(0))
        let parsed = try CLIFixture.python("parse-prometheus.py", [], stdin: metrics.stdout)
        #expect(parsed.status == 0, "\(parsed.stderr)")
        #expect(metrics.stdout.contains("tlsprobe_scan_version_accepted{") && metrics.stdout.contains("version=\"tls1_3\"} 1"))
        #expect(metrics.stdout.contains("version=\"ssl3\"} 0"))
    }

    @Test func aTLS10OnlyServerIsScannedToo() throws {
        let servers = try CLIFixture.Servers(["tls10-only"])
        let run = try CLIFixture.tlsprobe(["scan", "--json"] + CLIFixture.labOptions + servers.target(0))
        let document = try CLIFixture.json(run.stdout)
        let versions = (document["scan"] as? [String: Any])?["versions"] as? [[String: Any]] ?? []
        let accepted = versions.filter { $0["accepted"] as? Bool == true }.compactMap { $0["key"] as? String }
        #expect(accepted == ["tls1_0"])
        let ids = (document["diagnoses"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        #expect(ids.contains(DiagnosisID.protoTLS10Only) && ids.contains(DiagnosisID.protoNoTLS13))
        #expect(run.status == ExitStatus.noCommonParameters.rawValue)
    }

    @Test(arguments: [["scan", "--starttls", "gopher", "127.0.0.1:1"], ["scan", "--connections", "0", "127.0.0.1:1"], ["scan"]])
    func badInputIsAUsageError(arguments: [String]) throws {
        let run = try CLIFixture.tlsprobe(arguments)
        #expect(run.status == ExitStatus.usage.rawValue, "\(run.stdout)\(run.stderr)")
        #expect(run.stderr.hasPrefix("tlsprobe: "))
        // Not argument-parser's generic "Missing expected argument": what a target looks like.
        if arguments == ["scan"] { #expect(run.stderr.contains("no target given; expected host, host:port"), "\(run.stderr)") }
    }
}
