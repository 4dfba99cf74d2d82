import TLSProbeCore

/// Whether a probe report keeps a scenario's promise: the rule `tlsprobe demo` and the scenario
/// tests both apply.
public struct LabScenarioCheck: Sendable {
    /// The diagnosis a reader sees first: the first error, else the first warning or note.
    public let firstDiagnosis: Diagnosis?
    public let exitCodeMatches: Bool
    public let diagnosisMatches: Bool

    public var passed: Bool { exitCodeMatches && diagnosisMatches }

    public init(scenario: LabScenario, report: ProbeReport) {
        firstDiagnosis = report.decisive ?? report.diagnoses.first
        exitCodeMatches = report.exitCode == scenario.expectedExit.rawValue
        if let expected = scenario.expectedDiagnosis {
            // A warning scenario (exit 0) may list other warnings first; a failing one must lead with it.
            diagnosisMatches = report.diagnoses.contains { $0.id == expected }
                && (firstDiagnosis?.id == expected || report.exitCode == 0)
        } else {
            diagnosisMatches = report.diagnoses.allSatisfy { $0.severity != .error }
        }
    }
}
