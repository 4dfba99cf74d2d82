/// Decides outcome, failed stage and exit code from the diagnoses: the first failing stage
/// decides, and within it the most specific diagnosis (the stage lists those first).
enum Verdict {
    static func apply(to report: inout ProbeReport, options: ProbeOptions) {
        let order = StageName.runOrder
        func position(_ stage: StageName) -> Int { order.firstIndex(of: stage) ?? order.count }
        // Stable sort: stage order first, then severity, keeping each stage's own priority order.
        report.diagnoses = report.diagnoses.enumerated().sorted { lhs, rhs in
            let left = (position(lhs.element.stage), lhs.element.severity, lhs.offset)
            let right = (position(rhs.element.stage), rhs.element.severity, rhs.offset)
            return left < right
        }.map(\.element)
        // A diagnosis may belong to a stage other than the one that found it (a follow-up names
        // server_hello from finished): the same rule settles every stage once all are in.
        for index in report.stages.indices {
            let name = report.stages[index].name
            let severities = report.diagnoses.filter { $0.stage == name }.map(\.severity)
            report.stages[index].status = report.stages[index].status.settled(by: severities)
        }
        if let decisive = report.diagnoses.first(where: { $0.severity == .error }) {
            report.outcome = .fail
            report.failedStage = decisive.stage
            report.exitCode = decisive.exitCode
        } else if report.diagnoses.contains(where: { $0.severity == .warning }) {
            report.outcome = .warning
            report.exitCode = options.strict ? ExitStatus.warningsUnderStrict.rawValue : 0
        } else {
            report.outcome = .ok
            report.exitCode = 0
        }
    }
}
