import Foundation
import TLSProbeCore
import TLSProbeLab

/// A lab PKI for the CLI tests (written once per process) and a helper to probe a scenario.
enum CLILab {
    // One PKI and one directory per test process, shared with CLIFixture: two fixtures writing
    // different roots into the same directory made unrelated tests fail when run together.
    static var pki: LabPKIBundle { CLIFixture.pki }
    static var directory: URL { CLIFixture.directory }

    static func probe(_ name: String, _ adjust: (inout ProbeOptions) -> Void = { _ in }) throws -> ProbeReport {
        guard let scenario = LabScenarios.named(name) else { throw LabError("no scenario \(name)") }
        let server = try scenario.make(pki)
        defer { server.stop() }
        var options = ProbeOptions()
        options.trust = .file(directory.appending(path: "root.pem").path)
        options.timeout = 4
        options.connectTimeout = 2
        options.runHTTP = false
        options.connectTo = server.host
        adjust(&options)
        return try ProbeEngine(options: options).probe(try ProbeTarget.parse("\(scenario.host):\(server.port)"))
    }
}
