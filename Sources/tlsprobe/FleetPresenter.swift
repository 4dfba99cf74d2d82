import FoundationEssentials
import TLSProbeCore
import TLSProbeRendering
import Synchronization

/// Prints a run of any number of targets: each result as one block (text), one document (json),
/// one line (ndjson), or gathered into one nagios status or one Prometheus exposition at the end.
/// Returns the exit status for the whole run.
struct FleetPresenter {
    let format: OutputFormat
    let quiet: Bool
    let verbose: Bool
    let color: ColorChoice
    let nagios: NagiosRenderer

    func run(engine: ProbeEngine, source: FleetSource, configuration: FleetConfiguration) throws -> Int32 {
        let expected: Int?
        do { expected = try source.countTargets() } catch { return fail(error) }
        let bar = ProgressBar.wanted(quiet: quiet) ? ProgressBar(total: expected) : nil
        let collected = Collected()
        let out = LineOutput.standardOutput
        let text = TextRenderer(style: TerminalStyle.resolve(color, fileDescriptor: 1), verbose: verbose)
        let (format, quiet, nagios) = (format, quiet, nagios)
        let runner = FleetRunner(engine: engine, source: source, configuration: configuration)
        let outcome = runner.run(expectedCount: expected, progress: { done, failures in
            bar?.update(done: done, failures: failures)
        }, emit: { result in
            let report = result.report
            collected.keep(report, format: format, nagios: nagios)
            guard !quiet else { return }
            switch format {
            case .text:
                bar?.clear()
                out.write(text.render(report) + "\n")
                bar?.redraw()
            case .json: out.line(JSONRenderer.render(report))
            case .ndjson: out.line(JSONRenderer.render(report, pretty: false))
            case .nagios, .prometheus: break
            }
        })
        bar?.finish()
        if let error = outcome.inputError { return fail(error) }
        return finish(outcome, collected: collected, out: out)
    }

    private func finish(_ outcome: FleetOutcome, collected: Collected, out: LineOutput) -> Int32 {
        switch format {
        case .nagios:
            let (state, text) = collected.nagiosResult(nagios)
            if !quiet { out.line(text) }
            return state.rawValue
        case .prometheus:
            if !quiet { out.write(collected.prometheus.render()) }
        case .text:
            if !quiet { out.write(FleetSummaryTable(style: TerminalStyle.resolve(color, fileDescriptor: 1)).render(collected.rows)) }
        case .json, .ndjson: break
        }
        return outcome.exitCode
    }

    /// A targets-file problem: UNKNOWN for nagios, else one line on stderr and 64/66.
    private func fail(_ error: ProbeSetupError) -> Int32 {
        if format == .nagios {
            LineOutput.standardOutput.line(NagiosRenderer.unknown(error.description))
            return NagiosState.unknown.rawValue
        }
        LineOutput.standardError.line("tlsprobe: \(error.description)")
        return error.exitStatus.rawValue
    }
}

/// What the end of a run needs: summary rows (text, nagios), the single-target nagios line,
/// and the Prometheus samples. Results arrive one at a time from worker threads.
final class Collected: Sendable {
    private let state = Mutex((rows: [FleetSummaryRow](), lines: [String]()))
    let prometheus = PrometheusExposition()

    func keep(_ report: ProbeReport, format: OutputFormat, nagios: NagiosRenderer) {
        switch format {
        case .text: state.withLock { $0.rows.append(FleetSummaryRow(report)) }
        case .nagios: state.withLock { $0.rows.append(FleetSummaryRow(report)); $0.lines.append(nagios.render(report)) }
        case .prometheus: prometheus.add(report)
        case .json, .ndjson: break
        }
    }

    var rows: [FleetSummaryRow] { state.withLock { $0.rows } }

    /// One target: its own status line. Several: the fleet line with each target as long output.
    func nagiosResult(_ nagios: NagiosRenderer) -> (NagiosState, String) {
        state.withLock { state in
            if state.rows.count == 1, let row = state.rows.first, let line = state.lines.first {
                return (NagiosState(exitCode: row.exitCode, outcome: row.outcome), line)
            }
            // Long output: each target's status without its perfdata (a `|` there would start more).
            let long = state.lines.map { line in
                let status = line.hasPrefix("TLSPROBE ") ? line.dropFirst(9) : line[...]
                return String(String(status).splitting(by: " | ").first ?? String(status))
            }
            return nagios.render(fleet: state.rows, lines: long)
        }
    }
}
