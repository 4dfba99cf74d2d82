import ArgumentParser
import TLSProbeCore
import TLSProbeRendering
#if canImport(Glibc)
import Glibc
#endif

/// Entry point: parse, run, exit. Errors become one line on stderr and a documented exit code
/// (argument-parser's own handler would print the usage block too).
@main
enum Main {
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if RootHelp.isRequested(arguments) {
            LineOutput.standardOutput.line(RootHelp.text())
            exit(0)
        }
        if let shell = CompletionScripts.requestedShell(arguments) {
            LineOutput.standardOutput.write(CompletionScripts.script(for: shell))
            exit(0)
        }
        if CommandRouting.isVersionRequest(arguments) {
            LineOutput.standardOutput.line(HelpText.version)
            exit(0)
        }
        do {
            // A plain probe line goes to PlainProbeParser, and to argument-parser when that
            // parser is not sure of it (then errors, too, are argument-parser's).
            var command: any ParsableCommand = if CommandRouting.isPlainProbe(arguments) {
                try PlainProbeParser.parse(arguments) ?? ProbeCommand.parseAsRoot(arguments)
            } else {
                try TLSProbeCommand.parseAsRoot(arguments)
            }
            try command.run()
        } catch {
            // A probe that found a problem ends here: its exit code needs none of argument-parser's
            // error handling, which renders the root's usage first (~2.7M instructions) to throw it
            // away. `ExitCode(0)` still takes the path below, as before.
            if let exitCode = error as? ExitCode, exitCode.rawValue != 0 { exit(exitCode.rawValue) }
            let code = TLSProbeCommand.exitCode(for: error)
            if code == .success {
                LineOutput.standardOutput.write(TLSProbeCommand.fullMessage(for: error) + "\n")
                exit(0)
            }
            let message = TLSProbeCommand.message(for: error).split(separator: "\n").first.map(String.init) ?? "usage error"
            let stripped = message.hasPrefix("Error: ") ? String(message.dropFirst(7)) : message
            // A message that already names where to look does not get a second pointer.
            let pointer = stripped.contains("(see '") || NagiosMode.requested(in: arguments) ? "" : " (see '\(CommandRouting.helpCommand(for: arguments))')"
            exit(SetupFailure.report(message: stripped + pointer, exitStatus: code.rawValue == 1 ? ExitStatus.internalError.rawValue : code.rawValue,
                                     nagios: NagiosMode.requested(in: arguments)))
        }
    }
}
