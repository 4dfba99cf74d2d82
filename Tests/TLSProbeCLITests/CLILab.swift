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

    /// Runs a tool with a timeout; returns its status and combined output.
    static func run(_ arguments: [String], in directory: URL) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["timeout", "20"] + arguments
        process.currentDirectoryURL = directory
        process.standardInput = FileHandle(forReadingAtPath: "/dev/null")
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appending(path: "tlsprobe-save-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
