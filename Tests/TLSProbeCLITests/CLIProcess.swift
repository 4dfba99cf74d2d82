import Foundation
import Synchronization

/// The built `tlsprobe` binary, run as a user would run it. It sits next to the test bundle
/// (.build/<config>/tlsprobe), because this test target depends on the executable target.
enum CLI {
    static let binary: URL = {
        let testBinary = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var directory = testBinary.deletingLastPathComponent()
        while directory.path != "/" {
            let candidate = directory.appending(path: "tlsprobe")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return testBinary.deletingLastPathComponent().appending(path: "tlsprobe")
    }()

    struct Output {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// Runs `tlsprobe arguments` to completion (killed after `timeout` seconds).
    static func run(_ arguments: [String], in directory: URL? = nil, timeout: TimeInterval = 60) throws -> Output {
        let process = try RunningCLI(arguments, in: directory)
        guard process.waitForExit(within: timeout) else {
            process.process.terminate()
            process.process.waitUntilExit()
            return Output(status: -1, stdout: process.stdout, stderr: process.stderr + "\n(killed after \(timeout) s)")
        }
        return Output(status: process.process.terminationStatus, stdout: process.stdout, stderr: process.stderr)
    }

    /// Whether an external tool (openssl, curl, cc) is on PATH.
    static func has(_ tool: String) -> Bool {
        (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").contains {
            FileManager.default.isExecutableFile(atPath: "\($0)/\(tool)")
        }
    }

    /// Runs an external tool with stdin from /dev/null and a hard timeout; output combined.
    static func tool(_ executable: String, _ arguments: [String], in directory: URL? = nil, timeout: Int = 15) throws -> (status: Int32, output: String) {
        let process = Process()
        process.currentDirectoryURL = directory
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["timeout", "--kill-after=2", String(timeout), executable] + arguments
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
        let url = FileManager.default.temporaryDirectory.appending(path: "tlsprobe-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// A `tlsprobe` process whose output is collected while it runs (for `lab serve`, which only
/// ends on a signal).
final class RunningCLI: Sendable {
    let process: Process
    private let output = CollectedOutput()
    private let pipes: (out: Pipe, err: Pipe)

    init(_ arguments: [String], in directory: URL? = nil) throws {
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        process.standardInput = FileHandle(forReadingAtPath: "/dev/null")
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        self.process = process
        pipes = (out, err)
        out.fileHandleForReading.readabilityHandler = { [output] handle in
            let data = handle.availableData
            output.data.withLock { $0.stdout.append(data) }
        }
        err.fileHandleForReading.readabilityHandler = { [output] handle in
            let data = handle.availableData
            output.data.withLock { $0.stderr.append(data) }
        }
        try process.run()
    }

    var stdout: String { output.data.withLock { String(decoding: $0.stdout, as: UTF8.self) } }
    var stderr: String { output.data.withLock { String(decoding: $0.stderr, as: UTF8.self) } }

    /// Polls until `condition` holds for (stdout, stderr), the process exits, or time runs out.
    func wait(until condition: (String, String) -> Bool, within timeout: TimeInterval) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if condition(stdout, stderr) { return true }
            if !process.isRunning { return condition(stdout, stderr) }
            usleep(20_000)
        }
        return false
    }

    /// true when the process exited within `timeout` (its output then fully collected).
    func waitForExit(within timeout: TimeInterval) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(10_000) }
        guard !process.isRunning else { return false }
        process.waitUntilExit()
        // The child is gone: whatever is still in the pipes is the end of its output.
        pipes.out.fileHandleForReading.readabilityHandler = nil
        pipes.err.fileHandleForReading.readabilityHandler = nil
        let restOut = pipes.out.fileHandleForReading.readDataToEndOfFile()
        let restErr = pipes.err.fileHandleForReading.readDataToEndOfFile()
        output.data.withLock { $0.stdout.append(restOut); $0.stderr.append(restErr) }
        return true
    }
}

/// What a running process wrote so far (the pipe handlers append from their own threads).
private final class CollectedOutput: Sendable {
    let data = Mutex((stdout: Data(), stderr: Data()))
}
