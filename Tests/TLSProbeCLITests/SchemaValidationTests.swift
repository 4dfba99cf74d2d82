import Foundation
import Testing
import TLSProbeCore
import TLSProbeLab

/// The JSON contract: what `tlsprobe --format ndjson` really prints for every quick lab scenario
/// validates against docs/tlsprobe.schema.json (checked by the `jsonschema` package), and a
/// document with one field too many does not.
@Suite(.serialized) struct SchemaValidationTests {
    static let schema = CLIFixture.repository.appending(path: "docs/tlsprobe.schema.json").path
    static let scenarios = LabScenarios.all.filter { !$0.isSlow }.map(\.name)

    /// --verbose adds only the handshake message log: a few scenarios cover it.
    static let verboseScenarios = ["healthy-rsa", "expired", "client-cert-required-tls13", "http-404", "tls10-only"]

    @Test(arguments: [false, true])
    func everyScenarioValidates(verbose: Bool) throws {
        let names = verbose ? Self.verboseScenarios : Self.scenarios
        let servers = try CLIFixture.Servers(names)
        let file = try CLIFixture.write(servers.targetsFile, name: "targets.txt")
        let run = try CLIFixture.tlsprobe(CLIFixture.labOptions + ["--targets-file", file, "--format", "ndjson", "--jobs", "16"] + (verbose ? ["-v"] : []))
        let lines = run.lines
        try #require(lines.count == names.count, "stderr: \(run.stderr)")
        for (index, line) in lines.enumerated() {
            let document = try CLIFixture.json(line)
            let target = document["target"] as? [String: Any]
            let (scenario, server) = servers.running[index]
            #expect((target?["port"] as? Int) == Int(server.port), "line \(index + 1) is not \(scenario.name): output out of order")
            #expect((document["exit_code"] as? Int) == Int(scenario.expectedExit.rawValue), "\(scenario.name)")
        }
        let output = try CLIFixture.write(run.stdout, name: "reports.ndjson")
        let check = try CLIFixture.python("validate-json.py", [Self.schema, output])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.contains("\(names.count) documents checked, 0 errors"))
        if verbose { #expect(run.stdout.contains("\"messages\"")) }
    }

    @Test(arguments: [
        "/extra_top_level", "/tls/extra", "/stages/0/details/extra", "/target/extra", "/diagnoses/0/extra",
    ])
    func anUndescribedFieldFailsValidation(pointer: String) throws {
        let servers = try CLIFixture.Servers(["expired"])
        let run = try CLIFixture.tlsprobe(CLIFixture.labOptions + ["--format", "json"] + servers.target(0))
        var document = try CLIFixture.json(run.stdout)
        document = Self.insert(into: document, path: pointer.split(separator: "/").map(String.init))
        let data = try JSONSerialization.data(withJSONObject: document, options: [.sortedKeys])
        let file = try CLIFixture.write(String(decoding: data, as: UTF8.self), name: "wrong.json")
        let check = try CLIFixture.python("validate-json.py", [Self.schema, file])
        #expect(check.status == 1, "\(check.stdout)")
        #expect(check.stdout.contains("Additional properties are not allowed ('extra"), "\(check.stdout)")
    }

    /// Same server, two runs: the same bytes once times, durations and the ephemeral local port are taken out.
    @Test func outputIsStableApartFromTimes() throws {
        let servers = try CLIFixture.Servers(["chain-wrong-order"])
        let arguments = CLIFixture.labOptions + ["--format", "ndjson"] + servers.target(0)
        let first = try CLIFixture.tlsprobe(arguments)
        let second = try CLIFixture.tlsprobe(arguments)
        let strip = { (text: String) throws -> String in
            let data = try JSONSerialization.data(withJSONObject: Self.withoutTimes(try CLIFixture.json(text)), options: [.sortedKeys])
            return String(decoding: data, as: UTF8.self)
        }
        #expect(!first.stdout.isEmpty)
        #expect(try strip(first.stdout) == strip(second.stdout))
    }

    static func insert(into object: [String: Any], path: [String]) -> [String: Any] {
        var object = object
        guard let head = path.first else { return object }
        if path.count == 1 { object[head] = 1; return object }
        if var array = object[head] as? [Any], let index = Int(path[1]), let element = array[index] as? [String: Any] {
            array[index] = insert(into: element, path: Array(path.dropFirst(2)))
            object[head] = array
        } else if let child = object[head] as? [String: Any] {
            object[head] = insert(into: child, path: Array(path.dropFirst()))
        }
        return object
    }

    static func withoutTimes(_ value: Any) -> Any {
        if let object = value as? [String: Any] {
            var copy: [String: Any] = [:]
            for (key, child) in object where !(key == "started_at" || key == "local_address" || key.hasSuffix("_ms")) { copy[key] = withoutTimes(child) }
            return copy
        }
        if let array = value as? [Any] { return array.map(withoutTimes) }
        return value
    }
}
