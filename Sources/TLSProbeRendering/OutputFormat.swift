import Synchronization
import TLSProbeCore

/// Every `--format`, and the one place that maps a format to its renderer.
public enum OutputFormat: String, CaseIterable, Sendable {
    case text, json, ndjson, nagios, prometheus, junit, markdown

    /// The renderer for a run of any number of targets.
    public func renderer(style: TerminalStyle, verbose: Bool) -> any ReportFormatRenderer {
        switch self {
        case .text: TextRunRenderer(text: TextRenderer(style: style, verbose: verbose), table: FleetSummaryTable(style: style))
        case .json: JSONRunRenderer(pretty: true)
        case .ndjson: JSONRunRenderer(pretty: false)
        case .nagios: NagiosRunRenderer()
        case .prometheus: PrometheusRunRenderer()
        case .junit: JUnitRenderer()
        case .markdown: MarkdownRenderer()
        }
    }
}

/// One output format over a run: text printed as each target's report completes, and text
/// printed once after the last one. Results arrive one at a time, from worker threads; a
/// renderer keeps only what its ending needs (a row, a fragment), never every report.
public protocol ReportFormatRenderer: Sendable {
    /// Printed as soon as one target's report is complete; nil prints nothing then.
    func add(_ report: ProbeReport) -> String?
    /// Printed once at the end; nil prints nothing.
    func finish() -> String?
    /// The run's exit status, given the one the reports decided (Nagios answers with its state).
    func exitCode(runExitCode: Int32) -> Int32
}

extension ReportFormatRenderer {
    public func exitCode(runExitCode: Int32) -> Int32 { runExitCode }
}

/// Rows kept across worker threads.
final class Collector<Row: Sendable>: Sendable {
    private let rows = Mutex([Row]())
    func append(_ row: Row) { rows.withLock { $0.append(row) } }
    var all: [Row] { rows.withLock { $0 } }
}

struct TextRunRenderer: ReportFormatRenderer {
    let text: TextRenderer
    let table: FleetSummaryTable
    let rows = Collector<FleetSummaryRow>()

    func add(_ report: ProbeReport) -> String? {
        rows.append(FleetSummaryRow(report))
        return text.render(report) + "\n"
    }

    func finish() -> String? { table.render(rows.all) }
}

struct JSONRunRenderer: ReportFormatRenderer {
    let pretty: Bool
    func add(_ report: ProbeReport) -> String? { JSONRenderer.render(report, pretty: pretty) + "\n" }
    func finish() -> String? { nil }
}

struct PrometheusRunRenderer: ReportFormatRenderer {
    let exposition = PrometheusExposition()
    func add(_ report: ProbeReport) -> String? { exposition.add(report); return nil }
    func finish() -> String? { exposition.render() }
}

/// One target: its own status line. Several: the fleet line with each target as long output.
struct NagiosRunRenderer: ReportFormatRenderer {
    let nagios = NagiosRenderer()
    let results = Collector<(row: FleetSummaryRow, line: String)>()

    func add(_ report: ProbeReport) -> String? {
        results.append((FleetSummaryRow(report), nagios.render(report)))
        return nil
    }

    private func result() -> (NagiosState, String) {
        let all = results.all
        if all.count == 1, let only = all.first {
            return (NagiosState(exitCode: only.row.exitCode, outcome: only.row.outcome), only.line)
        }
        // Long output: each target's status without its perfdata (a `|` there would start more).
        let long = all.map(\.line).map { line in
            let status = line.hasPrefix("TLSPROBE ") ? line.dropFirst(9) : line[...]
            return String(status.split(separator: " | ", maxSplits: 1, omittingEmptySubsequences: false).first ?? status)
        }
        return nagios.render(fleet: all.map(\.row), lines: long)
    }

    func finish() -> String? { result().1 + "\n" }
    func exitCode(runExitCode: Int32) -> Int32 { result().0.rawValue }
}
