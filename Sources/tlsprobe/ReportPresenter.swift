import TLSProbeCore
import TLSProbeRendering
import Synchronization

/// Runs a probe and prints it in the chosen format: text streams stage lines as they happen,
/// machine formats print once the report is complete.
struct ReportPresenter {
    let format: OutputFormat
    let quiet: Bool
    let verbose: Bool
    let color: ColorChoice

    func present(engine: ProbeEngine, target: ProbeTarget) -> ProbeReport {
        let out = LineOutput.standardOutput
        if quiet { return engine.probe(target) }
        switch format {
        case .text:
            let renderer = TextRenderer(style: TerminalStyle.resolve(color, fileDescriptor: 1), verbose: verbose)
            out.line(renderer.header(engine.previewTarget(target)))
            if !engine.options.clientProfile.isOpenSSLDefault { out.line(renderer.clientLine(engine.options.clientProfile)) }
            let streamed = StreamedStages()
            let report = engine.probe(target) { stage in
                streamed.insert(stage.name)
                out.line(renderer.stageLine(stage))
            }
            // Stages that never ran are known only at the end: list them too, marked skipped.
            for stage in report.stages where !streamed.contains(stage.name) { out.line(renderer.stageLine(stage)) }
            out.write(renderer.conclusion(report))
            return report
        default:
            // Every other format through its renderer, as a run of one.
            let renderer = format.renderer(style: TerminalStyle.resolve(color, fileDescriptor: 1), verbose: verbose)
            let report = engine.probe(target)
            if let text = renderer.add(report) { out.write(text) }
            if let ending = renderer.finish() { out.write(ending) }
            return report
        }
    }
}

/// The stage names already printed live (the observer runs on the probe's thread).
final class StreamedStages: Sendable {
    private let names = Mutex(Set<StageName>())

    func insert(_ name: StageName) { names.withLock { _ = $0.insert(name) } }
    func contains(_ name: StageName) -> Bool { names.withLock { $0.contains(name) } }
}
