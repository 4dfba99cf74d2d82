import Foundation
import TLSProbeTestSupport

/// The built `tlsprobe` binary, run as a user would run it, through the shared pipe-safe runner
/// (`TestProcess`, in TLSProbeTestSupport).
enum CLI {
    static var binary: URL { BuiltExecutable.tlsprobe }

    struct Output {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// Runs `tlsprobe arguments` to completion (killed after `timeout` seconds).
    static func run(_ arguments: [String], in directory: URL? = nil, timeout: TimeInterval = 60) throws -> Output {
        let result = try TestProcess.run(binary, arguments, in: directory, timeout: timeout)
        return Output(status: result.timedOut ? -1 : result.status, stdout: result.stdout,
                      stderr: result.stderr + (result.timedOut ? "\n(killed after \(timeout) s)" : ""))
    }

    /// Whether an external tool (openssl, curl, cc) is on PATH.
    static func has(_ tool: String) -> Bool { TestProcess.has(tool) }

    /// Runs an external tool with stdin from /dev/null and a hard timeout; output combined.
    static func tool(_ executable: String, _ arguments: [String], in directory: URL? = nil, timeout: Int = 15) throws -> (status: Int32, output: String) {
        let result = try TestProcess.tool(executable, arguments, in: directory, timeout: TimeInterval(timeout))
        return (result.status, result.combined)
    }

    /// Removed when the test process exits.
    static func temporaryDirectory() throws -> URL { try TestDirectory.make("tlsprobe-cli") }
}

/// A `tlsprobe` process whose output is collected while it runs (for `lab serve`, which only
/// ends on a signal).
typealias RunningCLI = RunningProcess

extension RunningProcess {
    convenience init(_ arguments: [String], in directory: URL? = nil) throws {
        try self.init(BuiltExecutable.tlsprobe, arguments, in: directory)
    }
}
