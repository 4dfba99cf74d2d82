import TLSProbeCore

/// The text of `tlsprobe clients`: one line per client (fits 100 columns), and for each
/// failing client an indented line with tlsprobe's diagnosis id, the cause in that client's
/// terms, and the fix. Reads only the report.
public struct ClientMatrixTable: Sendable {
    let style: TerminalStyle
    let verbose: Bool
    public static let width = 100

    public init(style: TerminalStyle, verbose: Bool = false) {
        self.style = style
        self.verbose = verbose
    }

    public func render(_ report: ProbeReport) -> String {
        let rows = report.clients ?? []
        var lines: [String] = []
        let target = report.target.sni.map { "\(report.target.host):\(report.target.port) (SNI \($0))" } ?? "\(report.target.host):\(report.target.port)"
        lines.append(style.paint("Clients against \(target)", .bold))
        lines.append(style.paint(format(["client", "result", "version", "cipher suite", "group", "stops at"]), .dim))
        for row in rows {
            let failed = row.outcome == .fails
            let cells = [row.name, failed ? "FAILS" : "connects", row.tls.version ?? "-", Self.shortCipher(row.tls.cipher),
                         Self.shortGroup(row.tls.group), row.failedStage?.rawValue ?? ""]
            var line = format(cells)
            line = failed ? style.paint(line, .red) : line
            lines.append(line)
            if let diagnosis = row.diagnosis, failed {
                let text = "\(diagnosis.id): \(diagnosis.summary) Fix: \(diagnosis.fix)"
                lines += ExplainTextRenderer.wrap(text, width: Self.width, indent: "    ↳ ", hangingIndent: "      ")
            }
            if verbose {
                let notes = (row.notes + ["trust: \(row.trustStore)", "basis: \(row.basis)"])
                for note in notes { lines += ExplainTextRenderer.wrap(note, width: Self.width, indent: "      · ", hangingIndent: "        ") }
            }
        }
        let failing = rows.filter { $0.outcome == .fails }
        let summary = failing.isEmpty
            ? "All \(rows.count) clients connect."
            : "\(failing.count) of \(rows.count) clients fail: \(failing.map(\.name).joined(separator: ", "))."
        lines.append("")
        lines += ExplainTextRenderer.wrap(summary, width: Self.width, indent: "")
        return lines.joined(separator: "\n") + "\n"
    }

    /// name 18, result 9, version 8, suite 31, group 11, stage: 99 columns at most.
    private func format(_ cells: [String]) -> String {
        let widths = [18, 9, 8, 31, 11]
        var line = ""
        for (index, cell) in cells.enumerated() {
            if index < widths.count {
                let clipped = cell.count >= widths[index] ? String(cell.prefix(widths[index] - 2)) + "…" : cell
                line += clipped + String(repeating: " ", count: max(1, widths[index] - clipped.count))
            } else {
                line += cell
            }
        }
        while line.hasSuffix(" ") { line.removeLast() }
        return line
    }

    /// OpenSSL's short name when there is one ("ECDHE-RSA-AES128-GCM-SHA256"): IANA names are long.
    static func shortCipher(_ iana: String?) -> String {
        guard let iana else { return "-" }
        if iana.hasPrefix("TLS_") && !iana.contains("_WITH_") { return iana }
        return CipherSuiteTable.all.first { $0.ianaName == iana }.map(\.opensslName) ?? iana
    }

    static func shortGroup(_ group: String?) -> String {
        guard let group else { return "-" }
        return group.hasPrefix("DHE ") ? "DHE-" + group.dropFirst(4).prefix { $0 != " " } : group
    }
}
