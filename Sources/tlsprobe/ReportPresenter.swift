import TLSProbeCore
import TLSProbeRendering

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
            let report = engine.probe(target) { stage in out.line(renderer.stageLine(stage)) }
            out.write(renderer.conclusion(report))
            return report
        case .json:
            let report = engine.probe(target)
            out.line(JSONRenderer.render(report))
            return report
        case .ndjson:
            let report = engine.probe(target)
            out.line(JSONRenderer.render(report, pretty: false))
            return report
        case .nagios, .prometheus:
            let report = engine.probe(target)
            out.line(JSONRenderer.render(report))
            return report
        }
    }
}
