import Foundation
import Testing
import TLSProbeCore
import TLSProbeRendering
import TLSProbeLab

/// `--format prometheus` read back by prometheus_client's own text parser.
@Suite struct PrometheusOutputTests {
    typealias Sample = (labels: [String: String], value: Double)

    func parse(_ text: String) throws -> [String: [Sample]] {
        let parsed = try CLIFixture.python("parse-prometheus.py", [], stdin: text)
        try #require(parsed.status == 0, "\(parsed.stderr)\n\(text)")
        let families = try JSONSerialization.jsonObject(with: Data(parsed.stdout.utf8)) as? [String: [String: Any]] ?? [:]
        var result: [String: [Sample]] = [:]
        for (name, family) in families {
            #expect(family["type"] as? String == "gauge")
            let samples = family["samples"] as? [[String: Any]] ?? []
            result[name] = samples.map { ($0["labels"] as? [String: String] ?? [:], ($0["value"] as? NSNumber)?.doubleValue ?? .nan) }
        }
        return result
    }

    @Test func fleetExpositionParses() throws {
        let servers = try CLIFixture.Servers(["healthy-rsa", "expired", "refused", "healthy-ecdsa"])
        // The last target's path carries a quote and a backslash, which label values must escape.
        let tricky = servers.line(3, path: #"/a"b\c"#)
        let lines = [servers.line(0), servers.line(1), servers.line(2), tricky]
        let file = try CLIFixture.write(lines.joined(separator: "\n"), name: "targets.txt")
        let run = try CLIFixture.tlsprobe(CLIFixture.labOptions + ["--format", "prometheus", "--targets-file", file])
        #expect(run.status == ExitStatus.certificateExpired.rawValue)
        let families = try parse(run.stdout)
        for name in ["tlsprobe_up", "tlsprobe_exit_code", "tlsprobe_handshake_seconds", "tlsprobe_stage_duration_seconds", "tlsprobe_cert_not_after_seconds", "tlsprobe_diagnosis"] {
            #expect(families[name] != nil, "missing \(name)")
            #expect(run.stdout.components(separatedBy: "# TYPE \(name) ").count == 2, "TYPE for \(name) not exactly once")
        }
        let targets = lines.map { String($0.prefix { $0 != " " }) }
        let up = Dictionary(uniqueKeysWithValues: (families["tlsprobe_up"] ?? []).map { ($0.labels["target"] ?? "", $0.value) })
        #expect(up == [targets[0]: 1, targets[1]: 0, targets[2]: 0, targets[3]: 1])
        let exits = (families["tlsprobe_exit_code"] ?? []).filter { $0.labels["target"] == targets[2] }.map(\.value)
        #expect(exits == [Double(ExitStatus.tcpRefused.rawValue)])
        #expect((families["tlsprobe_diagnosis"] ?? []).contains { $0.labels["target"] == targets[1] && $0.labels["id"] == DiagnosisID.certExpired && $0.labels["severity"] == "error" })
        let stages = Set((families["tlsprobe_stage_duration_seconds"] ?? []).filter { $0.labels["target"] == targets[0] }.compactMap { $0.labels["stage"] })
        #expect(stages.isSuperset(of: ["tcp", "server_hello", "finished", "http"]))
        let leafExpiry = (families["tlsprobe_cert_not_after_seconds"] ?? []).first { $0.labels["target"] == targets[0] && $0.labels["depth"] == "0" }
        let now = Date().timeIntervalSince1970
        #expect(leafExpiry.map { $0.value > now + 14 * 86400 } == true)
        let expired = (families["tlsprobe_cert_not_after_seconds"] ?? []).first { $0.labels["target"] == targets[1] && $0.labels["depth"] == "0" }
        #expect(expired.map { $0.value < now } == true)
        #expect(families["tlsprobe_up"]?.first { $0.labels["target"] == targets[3] }?.labels["port"] == String(servers.running[3].server.port))
    }

    /// A raw label value with a line feed (never produced by a parsed target, but the escaping
    /// must hold for any text) survives the round trip.
    @Test func labelEscapingRoundTrips() throws {
        let value = "a\\b\"c\nd"
        let text = "# HELP t x\n# TYPE t gauge\nt{v=\"\(PrometheusExposition.escapeLabelValue(value))\"} 1\n"
        let families = try parse(text)
        #expect(families["t"]?.first?.labels["v"] == value)
    }
}
