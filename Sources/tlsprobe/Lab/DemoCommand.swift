import ArgumentParser
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif
import TLSProbeCore
import TLSProbeLab
import TLSProbeRendering

/// `tlsprobe demo`: the first run for a new user, offline. Serves every quick lab scenario on
/// loopback, probes each with the real engine and checks the result against the scenario's
/// promise, so it doubles as a self-test of the installed build.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Serve every quick lab scenario on loopback, probe each, and check tlsprobe's answers (offline).",
        discussion: """
            Exit status: 0 when every scenario got its expected diagnosis and exit code, \
            \(ExitStatus.internalError.rawValue) otherwise (this build of tlsprobe misdiagnoses something: please report it).
            """
    )

    @Flag(help: "Print one JSON document instead of the table.")
    var json = false

    func run() throws {
        let started = Date()
        let scenarios = LabScenarios.all.filter { !$0.isSlow }
        let out = LineOutput.standardOutput
        if !json { out.line("tlsprobe demo: \(scenarios.count) deliberately broken (and some healthy) servers on 127.0.0.1, probed one by one") }
        let directory = FileManager.default.temporaryDirectory.appending(path: "tlsprobe-demo-\(getpid())")
        defer { try? FileManager.default.removeItem(at: directory) }
        let results: [DemoResult]
        do {
            results = try DemoRunner(scenarios: scenarios, directory: directory).run { result in
                if !json { out.line(DemoTable.line(result)) }
            }
        } catch {
            LineOutput.standardError.line("tlsprobe demo: \(error)")
            throw ExitCode(ExitStatus.internalError.rawValue)
        }
        let seconds = Date().timeIntervalSince(started)
        if json {
            out.line(JSONRenderer.render(DemoSummary(results: results, seconds: seconds)))
        } else {
            out.line(DemoTable.conclusion(results, seconds: seconds))
        }
        if !results.allSatisfy(\.passed) { throw ExitCode(ExitStatus.internalError.rawValue) }
    }
}
