import FoundationEssentials
import TLSProbeCore
import TLSProbeLab

/// The plain-text tables of `lab list`, `lab serve` and `demo`: columns padded to the widest
/// entry, no colour (they are meant to be copied into notes and bug reports).
enum LabTables {
    /// "cert.expired (exit 32)", or "ok (exit 0)" for a healthy scenario.
    static func expectation(_ scenario: LabScenario) -> String {
        "\(scenario.expectedDiagnosis ?? "ok") (exit \(scenario.expectedExit.rawValue))"
    }

    static func list(_ scenarios: [LabScenario]) -> String {
        let rows = scenarios.map { scenario in
            [scenario.name, expectation(scenario), (scenario.isSlow ? "[slow] " : "") + scenario.summary]
        }
        return table(header: ["NAME", "TLSPROBE SAYS", "WHAT IS WRONG"], rows: rows)
            + "\n\(scenarios.count) scenarios; [slow] ones take seconds to start and are left out of `tlsprobe demo`.\n"
    }

    /// One row per served scenario: name, URL, what is wrong.
    static func served(_ rows: [(name: String, url: String, summary: String)]) -> String {
        table(header: nil, rows: rows.map { [$0.name, $0.url, $0.summary] })
    }

    static func table(header: [String]?, rows: [[String]]) -> String {
        let all = (header.map { [$0] } ?? []) + rows
        guard let columns = all.first?.count else { return "" }
        let widths = (0..<columns).map { column in all.map { $0[column].count }.max() ?? 0 }
        return all.map { row in
            let cells = row.enumerated().map { column, cell in
                column == columns - 1 ? cell : cell.padded(toLength: widths[column])
            }
            return "  " + cells.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }
}
