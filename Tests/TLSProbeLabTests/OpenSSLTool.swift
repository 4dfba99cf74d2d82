import Foundation
import TLSProbeTestSupport

/// Runs the `openssl` command-line tool (the independent judge of what the lab serves) through
/// the shared pipe-safe runner, returning its exit status and combined output.
struct ToolResult {
    let status: Int32
    let output: String
}

enum Tool {
    static func run(_ executable: String, _ arguments: [String], timeout: TimeInterval = 15) throws -> ToolResult {
        let result = try TestProcess.tool(executable, arguments, timeout: timeout)
        return ToolResult(status: result.status, output: result.combined)
    }

    static func openssl(_ arguments: [String], timeout: TimeInterval = 15) throws -> ToolResult {
        try run("openssl", arguments, timeout: timeout)
    }

    /// A fresh temporary directory, removed when the test process exits (or earlier by the caller).
    static func temporaryDirectory() throws -> URL { try TestDirectory.make("tlsprobe-lab") }
}
