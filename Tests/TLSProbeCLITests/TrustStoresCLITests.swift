import Foundation
import Testing
import TLSProbeCore
import TLSProbeLab

/// `--trust-stores` on a real probe: the "trusted by" line in text, and `trust_stores` in JSON
/// that validates against the schema. The lab root is trusted only through --cacert, so every
/// other store says it is missing (certifi and Java depend on the machine: judged only when found).
@Suite(.serialized) struct TrustStoresCLITests {
    @Test func textNamesEachStoreAndWhy() throws {
        let servers = try CLIFixture.Servers(["healthy-rsa"])
        let run = try CLIFixture.tlsprobe(CLIFixture.labOptions + ["--trust-stores", "--no-http"] + servers.target(0))
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        let line = try #require(run.stdout.split(separator: "\n").first { $0.hasPrefix("trusted by: ") }, "\(run.stdout)")
        #expect(line.hasPrefix("trusted by: system ✗, --cacert ✓, ESP-IDF full bundle ✗, ESP-IDF common bundle ✗"), "\(line)")
        #expect(run.stdout.contains("  ✗ ESP-IDF common bundle — root \"tlsprobe Lab Root CA\" is not in it"), "\(run.stdout)")
        #expect(run.stdout.contains("  ✗ system — root \"tlsprobe Lab Root CA\" is not in it"), "\(run.stdout)")
        // Without the flag, nothing changes.
        let plain = try CLIFixture.tlsprobe(CLIFixture.labOptions + ["--no-http"] + servers.target(0))
        #expect(!plain.stdout.contains("trusted by"))
    }

    @Test func jsonValidatesAndCarriesEveryStore() throws {
        let servers = try CLIFixture.Servers(["missing-intermediate"])
        let run = try CLIFixture.tlsprobe(CLIFixture.labOptions + ["--trust-stores", "--json"] + servers.target(0))
        #expect(run.status == 33)
        let document = try CLIFixture.json(run.stdout)
        let comparison = try #require(document["trust_stores"] as? [String: Any])
        let stores = try #require(comparison["stores"] as? [[String: Any]])
        #expect(stores.map { $0["store"] as? String } == ["system", "cacert", "esp-idf-full", "esp-idf-common", "certifi", "java"])
        let cacert = try #require(stores.first { $0["store"] as? String == "cacert" }?["as_sent"] as? [String: Any])
        #expect(cacert["trusted"] as? Bool == false)
        #expect(cacert["reason"] as? String == "\"tlsprobe Lab Intermediate CA\", the issuer of \"localhost\", was not sent and is not in it")
        let file = try CLIFixture.write(run.stdout, name: "trust.json")
        let check = try CLIFixture.python("validate-json.py", [SchemaValidationTests.schema, file])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    }
}
