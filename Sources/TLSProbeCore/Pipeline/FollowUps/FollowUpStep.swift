/// A follow-up step: extra connections made after a stage failed, to name the cause instead of
/// echoing the alert ("this server only speaks TLS 1.0", "it needs SNI"). Diagnosis code only
/// names the steps that fit a failure (`StageFailure.followUps`); the context runs them, in
/// order, when it records the failure (`ProbeContext.settle`), and the first that finds
/// something replaces the failure's diagnosis. Every connection a step makes is listed in the
/// report (`follow_ups`), through `FollowUpConnection`.
protocol FollowUpStep {
    /// A diagnosis that explains `failure` better, or nil when the step found nothing.
    func explain(_ failure: StageFailure, in context: ProbeContext) -> Diagnosis?
}

extension ProbeContext {
    /// Runs the failure's follow-up steps: the first finding decides the stage, the words and
    /// the diagnosis; without one the failure stands as it was diagnosed.
    func settle(_ failure: StageFailure) -> (stage: StageName, summary: String, diagnosis: Diagnosis) {
        for step in failure.followUps {
            if let found = step.explain(failure, in: self) { return (found.stage, found.summary, found) }
        }
        return (failure.stage, failure.summary ?? failure.diagnosis.summary, failure.diagnosis)
    }
}
