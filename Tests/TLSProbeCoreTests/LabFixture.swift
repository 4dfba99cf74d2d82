import Foundation
import TLSProbeTestSupport
import TLSProbeCore
import TLSProbeLab

/// One lab PKI for the whole test process (key generation is the slow part), written to a
/// temporary directory so the probe can load the root with --cacert semantics.
enum LabFixture {
    static var pki: LabPKIBundle { LabPKIFixture.pki }

    /// Removed when the test process exits.
    static let directory = LabPKIFixture.directory("tests")

    static var rootPath: String { directory.appending(path: "root.pem").path }

    /// Options as a user probing the lab would give them: trust the lab root, short deadlines.
    static func options(_ adjust: (inout ProbeOptions) -> Void = { _ in }) -> ProbeOptions {
        var options = ProbeOptions()
        options.trust = .file(rootPath)
        options.timeout = 4
        options.connectTimeout = 2
        adjust(&options)
        return options
    }

    /// Starts `scenario`, probes it once, stops it.
    static func probe(_ scenario: LabScenario, _ adjust: (inout ProbeOptions) -> Void = { _ in }) throws -> (ProbeReport, any LabServer) {
        let server = try scenario.make(pki)
        defer { server.stop() }
        let engine = try ProbeEngine(options: options { options in
            options.connectTo = server.host
            adjust(&options)
        })
        let target = try ProbeTarget.parse("\(scenario.host):\(server.port)")
        return (engine.probe(target), server)
    }
}
