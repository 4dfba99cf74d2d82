import FoundationEssentials
import Synchronization
import TLSProbeCore

/// `--format prometheus`: the text exposition format, for node_exporter's textfile collector.
///
/// A metric family's samples must form one group under one HELP and TYPE line, however many
/// targets there are, so samples are collected per family (a few short lines per target, not
/// the reports) and written when the run ends. Every sample carries `target`, `host` and `port`.
public final class PrometheusExposition: Sendable {
    struct Family {
        let name: String
        let help: String
    }

    static let up = Family(name: "tlsprobe_up", help: "1 when the probe passed (exit code 0), else 0.")
    static let exitCode = Family(name: "tlsprobe_exit_code", help: "tlsprobe's exit code for the target (see tlsprobe --help).")
    static let probeDuration = Family(name: "tlsprobe_probe_duration_seconds", help: "Wall time of the whole probe.")
    static let handshake = Family(name: "tlsprobe_handshake_seconds", help: "TLS handshake time, when the handshake completed.")
    static let stageDuration = Family(name: "tlsprobe_stage_duration_seconds", help: "Time spent in each stage that ran.")
    static let notAfter = Family(name: "tlsprobe_cert_not_after_seconds", help: "notAfter of each certificate as sent, in Unix seconds (depth 0 is the leaf).")
    static let diagnosis = Family(name: "tlsprobe_diagnosis", help: "1 for each diagnosis the probe reported.")
    static let clientConnects = Family(name: "tlsprobe_client_connects", help: "tlsprobe clients: 1 when the client would connect, else 0.")
    static let clientsFailing = Family(name: "tlsprobe_clients_failing", help: "tlsprobe clients: how many of the clients in the matrix would fail.")
    static let scanVersion = Family(name: "tlsprobe_scan_version_accepted", help: "tlsprobe scan: 1 when the server accepts the protocol version, else 0.")
    static let scanSuites = Family(name: "tlsprobe_scan_cipher_suites", help: "tlsprobe scan: cipher suites the server accepts at the version.")
    static let scanWeakSuites = Family(name: "tlsprobe_scan_weak_cipher_suites", help: "tlsprobe scan: accepted suites current default clients refuse (RC4, 3DES, export, anonymous, NULL, static DH, ...), at the version.")
    static let families = [up, exitCode, probeDuration, handshake, stageDuration, notAfter, diagnosis, clientConnects, clientsFailing, scanVersion, scanSuites, scanWeakSuites]

    private let samples = Mutex([String: [String]]())

    public init() {}

    public func add(_ report: ProbeReport) {
        let target: [(String, String)] = [("target", report.target.input), ("host", report.target.host), ("port", String(report.target.port))]
        var lines: [(Family, String)] = []
        lines.append((Self.up, Self.sample(Self.up, target, report.exitCode == 0 ? 1 : 0)))
        lines.append((Self.exitCode, Self.sample(Self.exitCode, target, Double(report.exitCode))))
        lines.append((Self.probeDuration, Self.sample(Self.probeDuration, target, report.durationMs / 1000)))
        if let handshake = report.tls.handshakeMs {
            lines.append((Self.handshake, Self.sample(Self.handshake, target, handshake / 1000)))
        }
        for stage in report.stages {
            guard let duration = stage.durationMs else { continue }
            lines.append((Self.stageDuration, Self.sample(Self.stageDuration, target + [("stage", stage.name.rawValue)], duration / 1000)))
        }
        for certificate in report.certificates where certificate.notAfterEpoch > 0 {
            lines.append((Self.notAfter, Self.sample(Self.notAfter, target + [("depth", String(certificate.depth))], certificate.notAfterEpoch)))
        }
        for diagnosis in report.diagnoses {
            let labels = target + [("id", diagnosis.id), ("severity", diagnosis.severity.rawValue)]
            lines.append((Self.diagnosis, Self.sample(Self.diagnosis, labels, 1)))
        }
        if let clients = report.clients {
            for row in clients {
                let labels = target + [("client", row.name), ("diagnosis", row.diagnosis?.id ?? "")]
                lines.append((Self.clientConnects, Self.sample(Self.clientConnects, labels, row.outcome == .connects ? 1 : 0)))
            }
            lines.append((Self.clientsFailing, Self.sample(Self.clientsFailing, target, Double(clients.filter { $0.outcome == .fails }.count))))
        }
        if let scan = report.scan {
            for version in scan.versions {
                lines.append((Self.scanVersion, Self.sample(Self.scanVersion, target + [("version", version.key)], version.accepted ? 1 : 0)))
                guard version.accepted else { continue }
                let suites = scan.cipherSuites[version.key] ?? []
                // SSL 2.0's cipher kinds are its suites, every one of them weak (RFC 6176).
                let count = version.key == ScanReport.ssl2Key ? scan.ssl2CipherSpecs.count : suites.count
                let weak = version.key == ScanReport.ssl2Key ? count : suites.filter { $0.weakness != nil }.count
                lines.append((Self.scanSuites, Self.sample(Self.scanSuites, target + [("version", version.key)], Double(count))))
                lines.append((Self.scanWeakSuites, Self.sample(Self.scanWeakSuites, target + [("version", version.key)], Double(weak))))
            }
        }
        samples.withLock { samples in
            for (family, line) in lines { samples[family.name, default: []].append(line) }
        }
    }

    /// Every family that has samples, each with its HELP and TYPE once.
    public func render() -> String {
        samples.withLock { samples in
            var text = ""
            for family in Self.families {
                guard let lines = samples[family.name], !lines.isEmpty else { continue }
                text += "# HELP \(family.name) \(Self.escapeHelp(family.help))\n# TYPE \(family.name) gauge\n"
                for line in lines { text += line + "\n" }
            }
            return text
        }
    }

    static func sample(_ family: Family, _ labels: [(String, String)], _ value: Double) -> String {
        let pairs = labels.map { "\($0.0)=\"\(escapeLabelValue($0.1))\"" }.joined(separator: ",")
        return "\(family.name){\(pairs)} \(format(value))"
    }

    /// Label values escape backslash, double quote and line feed.
    public static func escapeLabelValue(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "\\": escaped += "\\\\"
            case "\"": escaped += "\\\""
            case "\n": escaped += "\\n"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// HELP text escapes backslash and line feed (not quotes).
    static func escapeHelp(_ text: String) -> String {
        text.replacingEvery("\\", with: "\\\\").replacingEvery("\n", with: "\\n")
    }

    /// Integers without a fraction, others in Swift's shortest round-trip form (Go's ParseFloat reads both).
    static func format(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }
}
