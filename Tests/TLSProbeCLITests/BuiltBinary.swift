import Foundation
import TLSProbeTestSupport

/// Runs the built `tlsprobe` next to the test bundle (as argument-parser's own example tests do),
/// so the tests see exactly what a user's shell sees.
enum BuiltBinary {
    static var url: URL { CLI.binary }

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// `environment` replaces the whole environment (nil: inherit), so tests are not affected by the
    /// caller's NO_COLOR or HTTPS_PROXY.
    static func run(_ arguments: [String], environment: [String: String]? = ["PATH": "/usr/bin:/bin"]) throws -> Result {
        try run(executable: url, arguments, environment: environment)
    }

    static func run(executable: URL, _ arguments: [String], environment: [String: String]? = ["PATH": "/usr/bin:/bin"]) throws -> Result {
        let result = try TestProcess.run(executable, arguments, environment: environment)
        return Result(status: result.status, stdout: result.stdout, stderr: result.stderr)
    }

    static func committed(_ path: String) throws -> String {
        try String(contentsOf: repository.appending(path: path), encoding: .utf8)
    }
}
