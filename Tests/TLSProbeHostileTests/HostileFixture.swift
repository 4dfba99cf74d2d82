import Foundation
import TLSProbeTestSupport
import Testing
import TLSProbeCore
import TLSProbeLab
import TLSProbeRendering

/// Shared PKI and the probe-and-check helpers every hostile test uses.
/// tlsprobe's exit codes (Testing has its own `ExitStatus`).
typealias ProbeExit = TLSProbeCore.ExitStatus

enum HostileFixture {
    /// Probe deadline for hostile tests: short, so stalls cost little, but long enough for a
    /// loaded 2-core machine to finish a real handshake.
    static let timeout = 2.5

    static var pki: LabPKIBundle { LabPKIFixture.pki }

    /// Removed when the test process exits.
    static let directory = LabPKIFixture.directory("hostile")

    static var rootPath: String { directory.appending(path: "root.pem").path }

    /// Writes `certificates` as a PEM bundle in the fixture directory and returns its path.
    static func writeBundle(_ certificates: [LabCertificate], name: String) throws -> String {
        let url = directory.appending(path: name)
        try LabCertificate.writeBundle(certificates, to: url)
        return url.path
    }

    static func options(trust: String? = nil, _ adjust: (inout ProbeOptions) -> Void = { _ in }) -> ProbeOptions {
        var options = ProbeOptions()
        options.trust = .file(trust ?? rootPath)
        options.timeout = timeout
        options.connectTimeout = 2
        options.connectTo = "127.0.0.1"
        adjust(&options)
        return options
    }

    /// Probes `localhost:<port>` (connecting to 127.0.0.1) and measures the wall time with a
    /// monotonic clock.
    static func probe(
        _ server: any LabServer, trust: String? = nil, _ adjust: (inout ProbeOptions) -> Void = { _ in }
    ) throws -> (report: ProbeReport, seconds: Double) {
        let engine = try ProbeEngine(options: options(trust: trust, adjust))
        return probe(server, engine: engine)
    }

    static func probe(_ server: any LabServer, engine: ProbeEngine) -> (report: ProbeReport, seconds: Double) {
        let target = ProbeTarget(host: "localhost", port: Int(server.port))
        let clock = ContinuousClock()
        let start = clock.now
        let report = engine.probe(target)
        let elapsed = clock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return (report, seconds)
    }

    /// The properties every hostile probe must have: done within the deadline (+1 s), the
    /// expected exit code, a diagnosis with one of `ids`, and nothing raw from the server in the
    /// text or JSON rendering.
    static func check(
        _ result: (report: ProbeReport, seconds: Double), exit: Set<ProbeExit>, ids: Set<String>,
        deadline: Double = timeout, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let report = result.report
        #expect(result.seconds < deadline + 1, "took \(result.seconds) s", sourceLocation: sourceLocation)
        #expect(exit.map(\.rawValue).contains(report.exitCode),
                "exit \(report.exitCode), diagnoses \(report.diagnoses.map(\.id))", sourceLocation: sourceLocation)
        #expect(report.diagnoses.contains { ids.contains($0.id) },
                "diagnoses \(report.diagnoses.map { "\($0.id): \($0.summary)" })", sourceLocation: sourceLocation)
        expectNoRawControls(report, sourceLocation: sourceLocation)
    }

    /// No C0 control (other than the renderer's own newlines and tabs), DEL or C1 control in the
    /// text rendering, and none in the JSON strings either (JSONEncoder would write them as
    /// \u00XX, so look for that spelling too).
    static func expectNoRawControls(_ report: ProbeReport, sourceLocation: SourceLocation = #_sourceLocation) {
        let text = TextRenderer(style: TerminalStyle(color: false), verbose: true).render(report)
        let json = JSONRenderer.render(report)
        for (name, rendering) in [("text", text), ("json", json)] {
            let bad = rendering.unicodeScalars.filter { SafeTextCheck.isForbidden($0) }
            #expect(bad.isEmpty, "\(name) rendering has raw controls: \(bad.map { String($0.value, radix: 16) })", sourceLocation: sourceLocation)
        }
        let escapedControls = json.ranges(of: #/\\u00[01][0-9a-fA-F]|\\u007[fF]|\\u00[89][0-9a-fA-F]/#)
        #expect(escapedControls.isEmpty, "JSON carries raw control characters in its model", sourceLocation: sourceLocation)
    }

    /// First diagnosis as "id: summary" (for the report table).
    static func firstLine(_ report: ProbeReport) -> String {
        report.diagnoses.first.map { "\($0.id): \($0.summary)" } ?? "(no diagnosis)"
    }
}

enum SafeTextCheck {
    /// Anything a terminal might act on, apart from the line breaks and tabs renderers emit.
    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value == 0x0A || value == 0x09 { return false }
        return value < 0x20 || value == 0x7F || (0x80...0x9F).contains(value)
    }

    static func isForbidden(byte: UInt8) -> Bool {
        byte != 0x0A && byte != 0x09 && (byte < 0x20 || byte == 0x7F)
    }
}

/// Prints one row of the hostile-behaviour table (grep the test output for "HOSTILE-ROW").
enum HostileTable {
    static func row(_ behaviour: String, _ result: (report: ProbeReport, seconds: Double)) {
        let line = HostileFixture.firstLine(result.report).prefix(160)
        // Tables for notes and debugging only when asked for: tests are quiet by default.
        if ProcessInfo.processInfo.environment["TLSPROBE_TEST_TABLES"] != nil { print("HOSTILE-ROW | \(behaviour) | \(result.report.exitCode) | \(String(format: "%.2f", result.seconds)) s | \(line)") }
    }
}
