import FoundationEssentials
import TLSProbeCore
import TLSProbeRendering

/// Prints a run of any number of targets through the format's renderer (what each result
/// prints as it completes, and what the run prints at the end). Returns the run's exit status.
struct FleetPresenter {
    let format: OutputFormat
    let quiet: Bool
    let verbose: Bool
    let color: ColorChoice

    func run(engine: ProbeEngine, source: FleetSource, configuration: FleetConfiguration) throws -> Int32 {
        let expected: Int?
        do { expected = try source.countTargets() } catch { return SetupFailure.report(error, format: format) }
        let bar = ProgressBar.wanted(quiet: quiet) ? ProgressBar(total: expected) : nil
        let out = LineOutput.standardOutput
        let renderer = format.renderer(style: TerminalStyle.resolve(color, fileDescriptor: 1), verbose: verbose)
        let quiet = quiet
        let runner = FleetRunner(engine: engine, source: source, configuration: configuration)
        let outcome = runner.run(expectedCount: expected, progress: { done, failures in
            bar?.update(done: done, failures: failures)
        }, emit: { result in
            guard let text = renderer.add(result.report), !quiet else { return }
            bar?.clear()
            out.write(text)
            bar?.redraw()
        })
        bar?.finish()
        if let error = outcome.inputError { return SetupFailure.report(error, format: format) }
        if !quiet, let ending = renderer.finish() { out.write(ending) }
        return renderer.exitCode(runExitCode: outcome.exitCode)
    }
}

/// A run that could not start (unusable options, an unreadable file): the one place that says
/// so. Nagios must still answer with a status line, UNKNOWN (exit 3); everything else prints one
/// line on stderr and exits 64/66.
enum SetupFailure {
    static func report(_ error: ProbeSetupError, format: OutputFormat) -> Int32 {
        report(message: error.description, exitStatus: error.exitStatus.rawValue, nagios: format == .nagios)
    }

    static func report(message: String, exitStatus: Int32, nagios: Bool) -> Int32 {
        if nagios {
            LineOutput.standardOutput.line(NagiosRenderer.unknown(message))
            return NagiosState.unknown.rawValue
        }
        LineOutput.standardError.line("tlsprobe: \(message)")
        return exitStatus
    }
}
