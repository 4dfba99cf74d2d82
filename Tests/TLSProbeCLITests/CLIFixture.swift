import Foundation
import TLSProbeTestSupport
import TLSProbeCore
import TLSProbeLab

/// Runs the real `tlsprobe` binary against lab servers on loopback, and the repository's Python
/// checkers (jsonschema, prometheus-client) on what it prints.
enum CLIFixture {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The binary built next to the test bundle (the test target depends on it).
    static var binary: String { CLI.binary.path }

    static var pki: LabPKIBundle { LabPKIFixture.pki }

    /// Removed when the test process exits.
    static let directory = LabPKIFixture.directory("cli-tests")

    static var rootPath: String { directory.appending(path: "root.pem").path }

    /// Trust the lab root, short deadlines: what a user probing the lab would pass.
    static var labOptions: [String] { ["--cacert", rootPath, "--timeout", "3", "--connect-timeout", "1", "--color", "never"] }

    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
        var lines: [String] { stdout.split(separator: "\n").map(String.init) }
    }

    static func run(_ executable: String, _ arguments: [String], stdin: String? = nil) throws -> Result {
        let result = try TestProcess.run(URL(fileURLWithPath: executable), arguments, stdin: Data((stdin ?? "").utf8))
        return Result(status: result.status, stdout: result.stdout, stderr: result.stderr)
    }

    static func tlsprobe(_ arguments: [String], stdin: String? = nil) throws -> Result {
        try run(binary, arguments, stdin: stdin)
    }

    static func python(_ script: String, _ arguments: [String], stdin: String? = nil) throws -> Result {
        try run("/usr/bin/env", ["python3", repository.appending(path: "scripts/\(script)").path] + arguments, stdin: stdin)
    }

    static func write(_ text: String, name: String) throws -> String {
        let url = directory.appending(path: "\(UUID().uuidString)-\(name)")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// Started lab servers, stopped together.
    final class Servers {
        let running: [(scenario: LabScenario, server: any LabServer)]

        init(_ names: [String]) throws {
            running = try names.map { name in
                guard let scenario = LabScenarios.named(name) else { throw LabFixtureError.unknownScenario(name) }
                return (scenario, try scenario.make(CLIFixture.pki))
            }
        }

        /// The targets-file line for the i-th server: its name, port and where to connect.
        func line(_ index: Int, path: String = "") -> String {
            let (scenario, server) = running[index]
            let host = scenario.host.contains(":") ? "[\(scenario.host)]" : scenario.host
            let target = path.isEmpty ? "\(host):\(server.port)" : "https://\(host):\(server.port)\(path)"
            return "\(target) --connect-to \(server.host)"
        }

        func target(_ index: Int) -> [String] {
            let parts = line(index).split(separator: " ").map(String.init)
            return [parts[0], parts[1], parts[2]]
        }

        var targetsFile: String { running.indices.map { line($0) }.joined(separator: "\n") + "\n" }

        deinit { for (_, server) in running { server.stop() } }
    }

    enum LabFixtureError: Error { case unknownScenario(String) }

    static func json(_ line: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] ?? [:]
    }
}
