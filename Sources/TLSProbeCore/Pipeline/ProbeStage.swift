/// One stage of the pipeline. A stage reads what earlier stages handed on in the context,
/// records its `StageReport` (with `context.complete` or `context.fail`) and says whether the
/// probe goes on. The order of the stages is `ProbePipeline.stageTypes`, and nowhere else.
protocol ProbeStage {
    /// The stage's name in the report (the JSON `name` of the stage).
    static var name: StageName { get }
    /// The stage for this probe, or nil when it has no place in it (proxy without a proxy).
    init?(for context: ProbeContext)
    /// Runs the stage. `.stop` ends the probe: `context.stopReason` says why, and every later
    /// stage is listed as skipped with that reason.
    func run(_ context: ProbeContext) -> StageOutcome
    /// For a TLS stage whose message can be shown while OpenSSL is still driving the
    /// handshake, so that a stall after it is visible while it happens: records the stage as
    /// soon as its message is in the transcript. Called after each batch of handshake bytes.
    static func observe(_ context: ProbeContext, _ connection: TLSConnection)
}

extension ProbeStage {
    /// Most stages run only after the handshake: nothing to show while it is in flight.
    static func observe(_ context: ProbeContext, _ connection: TLSConnection) {}
}

enum StageOutcome {
    case proceed
    case stop
}

/// A stage that failed: where, in what words, with which diagnosis, and the follow-up steps
/// that may name the cause better (`FollowUpStep`). The pipeline's context settles it: the first
/// step that finds something replaces the diagnosis, its stage and its words.
struct StageFailure {
    var stage: StageName
    /// The stage line; nil means the diagnosis's own summary.
    var summary: String?
    var diagnosis: Diagnosis
    var followUps: [any FollowUpStep] = []

    init(_ stage: StageName, _ summary: String, _ diagnosis: Diagnosis, followUps: [any FollowUpStep] = []) {
        self.stage = stage
        self.summary = summary
        self.diagnosis = diagnosis
        self.followUps = followUps
    }

    /// A failure at the diagnosis's own stage, in its own words.
    init(_ diagnosis: Diagnosis, followUps: [any FollowUpStep] = []) {
        stage = diagnosis.stage
        summary = nil
        self.diagnosis = diagnosis
        self.followUps = followUps
    }
}

extension StageStatus {
    /// THE rule for a stage's status: a stage that ran is at least as bad as its worst
    /// diagnosis (an error fails it, a warning makes an ok stage a warning); skipped stays skipped.
    func settled(by severities: [Severity]) -> StageStatus {
        guard self != .skipped else { return self }
        if severities.contains(.error) { return .fail }
        if severities.contains(.warning) && self == .ok { return .warning }
        return self
    }
}
