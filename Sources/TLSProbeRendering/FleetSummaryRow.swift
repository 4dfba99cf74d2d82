import TLSProbeCore

/// What the end-of-run table and the nagios fleet line keep of each target: a few short
/// strings, so a long run does not hold every report in memory.
public struct FleetSummaryRow: Sendable {
    public let target: String
    public let outcome: Outcome
    public let exitCode: Int32
    /// The soonest expiry in the chain as sent (what --warn-days and --fail-days look at).
    public let daysLeft: Int?
    public let failedStage: StageName?
    /// The deciding diagnosis: the first error, else the first warning, else nil.
    public let firstDiagnosis: String?
    /// The decisive diagnosis's sentence and fix (Markdown and JUnit summaries).
    public let decisiveSummary: String?
    public let decisiveFix: String?
    public let thresholds: ExpiryThresholds

    public init(_ report: ProbeReport) {
        target = report.target.input
        outcome = report.outcome
        exitCode = report.exitCode
        daysLeft = report.certificates.map(\.daysLeft).min()
        failedStage = report.failedStage
        firstDiagnosis = report.decisive?.id
        decisiveSummary = report.decisive?.summary
        decisiveFix = report.decisive?.fix
        thresholds = report.expiryThresholds
    }
}
