import TLSProbeCore

/// `--format markdown`: one GitHub-flavoured table for `$GITHUB_STEP_SUMMARY` and pull-request
/// comments: target, outcome, days left, decisive diagnosis, fix; then the totals.
public struct MarkdownRenderer: ReportFormatRenderer {
    let rows = Collector<FleetSummaryRow>()

    public init() {}

    public func add(_ report: ProbeReport) -> String? {
        rows.append(FleetSummaryRow(report))
        return nil
    }

    public func finish() -> String? {
        let all = rows.all
        var lines = ["| target | outcome | days left | decisive diagnosis | fix |", "|---|---|---|---|---|"]
        for row in all {
            let outcome: String
            switch row.outcome {
            case .ok: outcome = "✅ ok"
            case .warning: outcome = "⚠️ warning"
            case .fail: outcome = "❌ fail"
            }
            let diagnosis = row.firstDiagnosis.map { "`\($0)` \(row.decisiveSummary ?? "")" } ?? "–"
            let cells = ["`\(row.target)`", "\(outcome) (exit \(row.exitCode))", row.daysLeft.map(String.init) ?? "–", diagnosis, row.decisiveFix ?? "–"]
            lines.append("| " + cells.map(Self.cell).joined(separator: " | ") + " |")
        }
        let failed = all.filter { $0.outcome == .fail }.count
        let warned = all.filter { $0.outcome == .warning }.count
        lines += ["", "\(Plural.count(all.count, "target")): \(all.count - failed - warned) ok, \(Plural.count(warned, "warning")), \(failed) failed"]
        return lines.joined(separator: "\n") + "\n"
    }

    /// A table cell is one line, and `|` would end it.
    static func cell(_ text: String) -> String {
        text.map { $0 == "\n" || $0 == "\r" ? " " : ($0 == "|" ? "\\|" : String($0)) }.joined()
    }
}
