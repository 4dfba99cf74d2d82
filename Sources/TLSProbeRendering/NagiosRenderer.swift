import FoundationEssentials
import TLSProbeCore

/// Nagios plugin states; the raw value is the plugin's exit status.
public enum NagiosState: Int32, Sendable, Comparable {
    case ok = 0, warning = 1, critical = 2, unknown = 3

    public var label: String {
        switch self {
        case .ok: "OK"
        case .warning: "WARNING"
        case .critical: "CRITICAL"
        case .unknown: "UNKNOWN"
        }
    }

    /// monitoring-plugins' max_state_alt order: CRITICAL > WARNING > UNKNOWN > OK.
    var rank: Int {
        switch self {
        case .ok: 0
        case .unknown: 1
        case .warning: 2
        case .critical: 3
        }
    }

    public static func < (lhs: NagiosState, rhs: NagiosState) -> Bool { lhs.rank < rhs.rank }

    /// A probe's state: failures are CRITICAL, warnings WARNING (even under --strict), and only
    /// what stops the check itself (usage, unreadable input, a tlsprobe bug) is UNKNOWN.
    public init(exitCode: Int32, outcome: Outcome) {
        switch exitCode {
        case ExitStatus.usage.rawValue, ExitStatus.inputFile.rawValue, ExitStatus.internalError.rawValue: self = .unknown
        default:
            switch outcome {
            case .ok: self = .ok
            case .warning: self = .warning
            case .fail: self = .critical
            }
        }
    }
}

/// `--format nagios`: one status line per the Nagios plugin guidelines,
/// `TLSPROBE STATE - text | perfdata`, for Nagios, Icinga, Sensu and Zabbix.
///
/// Perfdata is `label=value[UOM];warn;crit;min;max`. `days_left` carries --warn-days and
/// --fail-days as threshold ranges `N:` ("alert when below N"), because a bare `N` would mean
/// "alert when above N" in the plugin range syntax.
/// The thresholds come from the report (`expiry_thresholds`): the renderer only renders.
public struct NagiosRenderer: Sendable {
    public init() {}

    /// The line for one probe.
    public func render(_ report: ProbeReport) -> String {
        let state = NagiosState(exitCode: report.exitCode, outcome: report.outcome)
        var text = "\(Self.clean(report.target.input)) \(describe(report))"
        var perfdata: [String] = []
        if let clients = report.clients {
            let failing = clients.filter { $0.outcome == .fails }
            text = "\(Self.clean(report.target.input)) " + (failing.isEmpty ? "all \(clients.count) clients connect"
                : "\(failing.count) of \(clients.count) clients fail: " + failing.map { "\($0.name) (\($0.diagnosis?.id ?? "-"))" }.joined(separator: ", "))
            perfdata.append("clients_failing=\(failing.count);;;0;\(clients.count)")
        }
        if let days = report.certificates.map(\.daysLeft).min() { perfdata.append(daysLeft(days, report.expiryThresholds)) }
        if let handshake = report.tls.handshakeMs { perfdata.append("handshake_ms=\(Self.number(handshake))ms;;;0") }
        return Self.line(state, text, perfdata)
    }

    /// One line for a whole fleet (the worst state decides), then one line per target as the
    /// plugin's long output.
    public func render(fleet rows: [FleetSummaryRow], lines: [String]) -> (state: NagiosState, text: String) {
        let states = rows.map { NagiosState(exitCode: $0.exitCode, outcome: $0.outcome) }
        let worst = states.max() ?? .unknown
        let count = { (state: NagiosState) in states.filter { $0 == state }.count }
        let problems = rows.filter { $0.outcome != .ok }.map { "\($0.target) (\($0.firstDiagnosis ?? "exit \($0.exitCode)"))" }
        var text = rows.isEmpty ? "no targets" : "\(problems.count) of \(Plural.count(rows.count, "target")) with problems"
        if !problems.isEmpty { text += ": " + problems.prefix(5).joined(separator: ", ") + (problems.count > 5 ? ", …" : "") }
        var perfdata = ["targets=\(rows.count);;;0", "ok=\(count(.ok));;;0", "warning=\(count(.warning));;;0",
                        "critical=\(count(.critical));;;0", "unknown=\(count(.unknown));;;0"]
        if let days = rows.compactMap(\.daysLeft).min() { perfdata.append("min_" + daysLeft(days, rows.first?.thresholds ?? ExpiryThresholds())) }
        let first = Self.line(worst, Self.clean(text), perfdata)
        return (worst, ([first] + lines.map { Self.clean($0).replacingEvery("|", with: "/") }).joined(separator: "\n"))
    }

    /// The line for a check that could not run (bad arguments, unreadable files).
    public static func unknown(_ message: String) -> String {
        line(.unknown, clean(message), [])
    }

    private func describe(_ report: ProbeReport) -> String {
        if let decisive = report.decisive { return "\(decisive.id): \(decisive.summary)" }
        var parts = [report.tls.version ?? "no TLS"]
        if let days = report.certificates.map(\.daysLeft).min() { parts.append("certificates valid for \(days) more days") }
        if let status = report.http?.status { parts.append("HTTP \(status)") }
        return parts.joined(separator: ", ")
    }

    private func daysLeft(_ days: Int, _ thresholds: ExpiryThresholds) -> String {
        // Trailing empty fields may be dropped (plugin guidelines): no --fail-days, no crit field.
        "days_left=\(days);\(thresholds.warnDays):" + (thresholds.failDays.map { ";\($0):" } ?? "")
    }

    static func line(_ state: NagiosState, _ text: String, _ perfdata: [String]) -> String {
        "TLSPROBE \(state.label) - \(text)" + (perfdata.isEmpty ? "" : " | " + perfdata.joined(separator: " "))
    }

    /// Plugin output is one line and `|` starts the performance data: keep both out of the text.
    static func clean(_ text: String) -> String {
        text.map { $0 == "\n" || $0 == "\r" ? " " : ($0 == "|" ? "/" : String($0)) }.joined()
    }

    /// Plain decimal notation (no exponent), three decimals at most.
    static func number(_ value: Double) -> String {
        var text = cFormat("%.3f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}
