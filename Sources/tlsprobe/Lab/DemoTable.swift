import FoundationEssentials
import TLSProbeCore
import TLSProbeLab

/// The demo's output: one line per scenario as it completes, a conclusion, or one JSON document.
enum DemoTable {
    static let nameWidth = LabScenarios.all.map(\.name.count).max() ?? 20
    /// Summaries are cut here so a line stays readable in a terminal; `tlsprobe HOST` shows all.
    static let summaryLimit = 90

    /// "✓ expired   fail    exit 32  cert.expired: The certificate expired 10 days ago…"
    static func line(_ result: DemoResult) -> String {
        let mark = result.passed ? "✓" : "✗"
        let name = result.scenario.name.padded(toLength: nameWidth)
        guard let report = result.report, let check = result.check else {
            return "\(mark) \(name)  could not start its server: \(result.startError ?? "?")"
        }
        let verdict = report.outcome.rawValue.padded(toLength: 7)
        let exit = "exit \(report.exitCode)".padded(toLength: 8)
        var text = "\(mark) \(name)  \(verdict) \(exit) "
        if let first = check.firstDiagnosis {
            // Summaries are built from escaped facts already (SafeText at the source): escaping
            // again would print `\\x0d` where the probe prints `\x0d`.
            text += "\(first.id): \(shorten(first.summary))"
        } else {
            text += "no diagnosis"
        }
        if !check.passed {
            text += "  [expected \(LabTables.expectation(result.scenario)), got exit \(report.exitCode)]"
        }
        return text
    }

    static func conclusion(_ results: [DemoResult], seconds: Double) -> String {
        let failed = results.filter { !$0.passed }
        let time = cFormat("%.1f s", seconds)
        if failed.isEmpty {
            return "all \(results.count) scenarios gave their expected diagnosis and exit code (\(time)); try one yourself: tlsprobe lab serve expired"
        }
        return "\(failed.count) of \(results.count) scenarios did NOT give their expected result: "
            + failed.map(\.scenario.name).joined(separator: ", ") + " (\(time)); please report this with `tlsprobe --version`"
    }

    private static func shorten(_ text: String) -> String {
        text.count <= summaryLimit ? text : String(text.prefix(summaryLimit - 1)) + "…"
    }
}

/// `tlsprobe demo --json`.
struct DemoSummary: Encodable {
    struct Entry: Encodable {
        let name: String
        let passed: Bool
        let expectedDiagnosis: String?
        let expectedExit: Int32
        let outcome: String?
        let exitCode: Int32?
        let firstDiagnosis: String?
        let firstSummary: String?
        let durationMs: Double?
        let error: String?

        enum CodingKeys: String, CodingKey {
            case name, passed, outcome, error
            case expectedDiagnosis = "expected_diagnosis"
            case expectedExit = "expected_exit"
            case exitCode = "exit_code"
            case firstDiagnosis = "first_diagnosis"
            case firstSummary = "first_summary"
            case durationMs = "duration_ms"
        }

        // Optional keys appear as null, never vanish.
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(name, forKey: .name)
            try container.encode(passed, forKey: .passed)
            try container.encode(expectedDiagnosis, forKey: .expectedDiagnosis)
            try container.encode(expectedExit, forKey: .expectedExit)
            try container.encode(outcome, forKey: .outcome)
            try container.encode(exitCode, forKey: .exitCode)
            try container.encode(firstDiagnosis, forKey: .firstDiagnosis)
            try container.encode(firstSummary, forKey: .firstSummary)
            try container.encode(durationMs, forKey: .durationMs)
            try container.encode(error, forKey: .error)
        }
    }

    let passed: Bool
    let durationMs: Double
    let scenarios: [Entry]

    init(results: [DemoResult], seconds: Double) {
        passed = results.allSatisfy(\.passed)
        durationMs = (seconds * 1000).rounded()
        scenarios = results.map { result in
            Entry(
                name: result.scenario.name, passed: result.passed,
                expectedDiagnosis: result.scenario.expectedDiagnosis, expectedExit: result.scenario.expectedExit.rawValue,
                outcome: result.report?.outcome.rawValue, exitCode: result.report?.exitCode,
                firstDiagnosis: result.check?.firstDiagnosis?.id, firstSummary: result.check?.firstDiagnosis?.summary,
                durationMs: result.report?.durationMs, error: result.startError)
        }
    }

    enum CodingKeys: String, CodingKey {
        case passed, scenarios
        case durationMs = "duration_ms"
    }
}
