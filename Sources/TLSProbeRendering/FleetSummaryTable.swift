import TLSProbeCore

/// The table printed after a text fleet run: one row per target, then the totals.
public struct FleetSummaryTable: Sendable {
    public let style: TerminalStyle

    public init(style: TerminalStyle) {
        self.style = style
    }

    static let maxTargetWidth = 48

    public func render(_ rows: [FleetSummaryRow]) -> String {
        let header = ["TARGET", "VERDICT", "EXIT", "DAYS", "STAGE", "DIAGNOSIS"]
        let cells = rows.map { row in
            [
                Self.shorten(row.target), verdict(row), String(row.exitCode), row.daysLeft.map(String.init) ?? "-",
                row.failedStage?.rawValue ?? "-", row.firstDiagnosis ?? "-",
            ]
        }
        var widths = header.map(\.count)
        for line in cells { for (column, cell) in line.enumerated() { widths[column] = max(widths[column], cell.count) } }
        func format(_ line: [String], paint: Bool) -> String {
            line.enumerated().map { column, cell in
                let padded = column == line.count - 1 ? cell : cell.padding(widths[column])
                return paint && column == 1 ? tone(padded, for: cell) : padded
            }.joined(separator: "  ")
        }
        var lines = [style.paint(format(header, paint: false), .bold)]
        lines += cells.map { format($0, paint: true) }
        let failed = rows.filter { $0.outcome == .fail }.count
        let warned = rows.filter { $0.outcome == .warning }.count
        lines.append("\(Plural.count(rows.count, "target")): \(rows.count - failed - warned) ok, \(Plural.count(warned, "warning")), \(failed) failed")
        return lines.joined(separator: "\n") + "\n"
    }

    private func verdict(_ row: FleetSummaryRow) -> String {
        switch row.outcome {
        case .ok: "OK"
        case .warning: "WARN"
        case .fail: "FAIL"
        }
    }

    private func tone(_ text: String, for verdict: String) -> String {
        switch verdict {
        case "OK": style.paint(text, .green)
        case "WARN": style.paint(text, .yellow)
        default: style.paint(text, .red)
        }
    }

    static func shorten(_ text: String) -> String {
        text.count <= maxTargetWidth ? text : String(text.prefix(maxTargetWidth - 1)) + "…"
    }
}
