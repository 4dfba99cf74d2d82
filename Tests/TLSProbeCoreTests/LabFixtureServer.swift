import TLSProbeCore
import TLSProbeLab

/// Small conveniences for tests that need one healthy server.
enum LabFixtureServer {
    static func healthy(host: String = "127.0.0.1", _ adjust: (inout LabTLSServerConfig) -> Void = { _ in }) throws -> LabTLSServer {
        var config = LabTLSServerConfig(chain: LabFixture.pki.chain)
        adjust(&config)
        return try LabTLSServer(config, host: host)
    }

    static func options(_ adjust: (inout ProbeOptions) -> Void = { _ in }) -> ProbeOptions {
        LabFixture.options { options in
            options.connectTo = "127.0.0.1"
            adjust(&options)
        }
    }
}
