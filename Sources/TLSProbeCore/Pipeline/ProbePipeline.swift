/// The pipeline: the stages of a probe, in the one order they run. Text, JSON, the man page
/// and the verdict all take the order from here (through `StageName.runOrder`).
///
/// To add a stage: a case in `StageName`, a type conforming to `ProbeStage` in `Stages/`, and
/// its place in `stageTypes` below (see ARCHITECTURE.md, "Add a stage").
enum ProbePipeline {
    nonisolated(unsafe) static let stageTypes: [any ProbeStage.Type] = [  // immutable after initialisation
        DNSStage.self,
        TCPStage.self,
        ProxyStage.self,
        StartTLSStage.self,
        ClientHelloStage.self,
        ServerHelloStage.self,
        CertificateStage.self,
        RevocationStage.self,
        KeyExchangeStage.self,
        FinishedStage.self,
        HTTPStage.self,
        AppStage.self,
    ]

    /// Runs every stage that belongs to this probe until one stops it, then lists the rest as
    /// skipped, judges the result as the `--client` profile, and settles the verdict.
    static func run(_ context: ProbeContext) -> ProbeReport {
        let stages = stages(for: context)
        for stage in stages {
            if case .stop = stage.run(context) { break }
        }
        return finish(context, order: stages.map { type(of: $0).name })
    }

    /// The stages that belong to this probe, in order: each type decides with `init?(for:)`.
    static func stages(for context: ProbeContext) -> [any ProbeStage] {
        stageTypes.compactMap { $0.init(for: context) }
    }

    private static func finish(_ context: ProbeContext, order: [StageName]) -> ProbeReport {
        // Every stage is listed, in order; the ones that did not run say why (a stage that
        // stopped the probe without a reason of its own still names itself).
        let failed = context.report.stages.first { $0.status == .fail }
        let reason = context.stopReason ?? failed.map { "the \($0.name.rawValue) stage failed" } ?? "not run"
        for name in order where !context.hasCompleted(name) {
            context.report.stages.append(.skipped(name, reason: reason))
        }
        func position(_ name: StageName) -> Int { order.firstIndex(of: name) ?? order.count }
        context.report.stages.sort { position($0.name) < position($1.name) }
        context.socket?.close()
        let pending = context.learned.afterConnection
        context.learned.afterConnection = []
        for work in pending { work(context) }
        ClientProfileJudgement.run(context)
        context.connection = nil
        Verdict.apply(to: &context.report, options: context.options)
        context.report.durationMs = StageReport.rounded(context.elapsedMs(since: context.start))
        return context.report
    }
}

extension StageName {
    /// Every stage in the order it runs (`proxy` comes after the dns and tcp that reach it).
    public static var runOrder: [StageName] { ProbePipeline.stageTypes.map { $0.name } }
}
