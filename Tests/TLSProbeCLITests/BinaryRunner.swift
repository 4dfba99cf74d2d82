import Foundation
import TLSProbeTestSupport

/// Runs the built `tlsprobe` binary (it sits next to the test bundle) and captures everything.
struct BinaryRun {
    let status: Int32
    let stdout: String
    let stderr: String
    let seconds: Double
}

enum TLSProbeBinary {
    /// One locator for the built binary in this target (see `CLI.binary`).
    static var url: URL { CLI.binary }

    static func run(_ arguments: [String], environment: [String: String] = [:], stdin: Data? = nil) throws -> BinaryRun {
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "NO_COLOR")
        env.merge(environment) { _, new in new }
        let result = try TestProcess.run(url, arguments, environment: env, stdin: stdin ?? Data())
        return BinaryRun(status: result.status, stdout: result.stdout, stderr: result.stderr, seconds: result.seconds)
    }
}
