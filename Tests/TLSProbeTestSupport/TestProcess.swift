import Foundation
import Synchronization

/// The one way tests run a child process: stdin from /dev/null (or the bytes given), stdout and
/// stderr read concurrently while it runs (a child that fills either pipe never blocks), and a
/// deadline after which it is killed. Every test target uses this; none keeps its own runner.
public enum TestProcess {
    public struct Output: Sendable {
        public let status: Int32
        public let stdoutData: Data
        public let stderrData: Data
        /// True when the deadline passed and the child was killed.
        public let timedOut: Bool
        public let seconds: Double

        public var stdout: String { String(decoding: stdoutData, as: UTF8.self) }
        public var stderr: String { String(decoding: stderrData, as: UTF8.self) }
        /// stdout then stderr, for tools whose verdict may be on either.
        public var combined: String { stdout + stderr }
    }

    /// Runs `executable` to completion, or kills it after `timeout` seconds.
    /// `environment` replaces the whole environment (nil: inherit).
    public static func run(
        _ executable: URL, _ arguments: [String], in directory: URL? = nil, environment: [String: String]? = nil,
        stdin: Data? = nil, timeout: TimeInterval = 60
    ) throws -> Output {
        let running = try RunningProcess(executable, arguments, in: directory, environment: environment, stdin: stdin)
        let exited = running.waitForExit(within: timeout)
        if !exited { running.kill() }
        // Foundation traps on terminationStatus while it still counts the child as running (a
        // kill it has not noticed yet): report -1 then, and let the test fail instead of the run.
        let status = running.process.isRunning ? -1 : running.process.terminationStatus
        return Output(status: status, stdoutData: running.stdoutData, stderrData: running.stderrData,
                      timedOut: !exited, seconds: running.seconds)
    }

    /// Runs a tool found on PATH (openssl, cc, python3, …).
    public static func tool(
        _ name: String, _ arguments: [String], in directory: URL? = nil, environment: [String: String]? = nil,
        stdin: Data? = nil, timeout: TimeInterval = 60
    ) throws -> Output {
        try run(URL(fileURLWithPath: "/usr/bin/env"), [name] + arguments, in: directory, environment: environment, stdin: stdin, timeout: timeout)
    }

    /// Whether a tool is on PATH.
    public static func has(_ tool: String) -> Bool {
        (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").contains {
            FileManager.default.isExecutableFile(atPath: "\($0)/\(tool)")
        }
    }
}

/// A child process whose output is collected while it runs: for servers a test starts and
/// stops, and for `TestProcess.run`. Every wait is bounded.
public final class RunningProcess: Sendable {
    public let process: Process
    private let output = CollectedOutput()
    private let readers = DispatchGroup()
    private let started = Date()

    public init(_ executable: URL, _ arguments: [String], in directory: URL? = nil, environment: [String: String]? = nil, stdin: Data? = nil) throws {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        if let environment { process.environment = environment }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let input = stdin.map { _ in Pipe() }
        process.standardInput = input ?? FileHandle(forReadingAtPath: "/dev/null")
        self.process = process
        try process.run()
        // Each stream on its own thread, to its end (the child's exit closes it).
        for (pipe, isStdout) in [(out, true), (err, false)] {
            readers.enter()
            Thread.detachNewThread { [output, readers] in
                let handle = pipe.fileHandleForReading
                while true {
                    let chunk = handle.availableData
                    if chunk.isEmpty { break }
                    output.data.withLock { if isStdout { $0.stdout.append(chunk) } else { $0.stderr.append(chunk) } }
                }
                readers.leave()
            }
        }
        if let input, let stdin {
            // On its own thread: a child that does not read its input must not block the test.
            Thread.detachNewThread {
                try? input.fileHandleForWriting.write(contentsOf: stdin)
                try? input.fileHandleForWriting.close()
            }
        }
    }

    public var stdoutData: Data { output.data.withLock { $0.stdout } }
    public var stderrData: Data { output.data.withLock { $0.stderr } }
    public var stdout: String { String(decoding: stdoutData, as: UTF8.self) }
    public var stderr: String { String(decoding: stderrData, as: UTF8.self) }
    public var seconds: Double { Date().timeIntervalSince(started) }

    /// Checks `condition` on (stdout, stderr) every 20 ms until it holds, the process exits or
    /// `timeout` passes; true when it held.
    public func wait(until condition: (String, String) -> Bool, within timeout: TimeInterval) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if condition(stdout, stderr) { return true }
            if !process.isRunning { _ = readers.wait(timeout: .now() + 2); return condition(stdout, stderr) }
            usleep(20_000)
        }
        return condition(stdout, stderr)
    }

    /// True when the process exited within `timeout`; its output is then complete.
    public func waitForExit(within timeout: TimeInterval) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(5_000) }
        guard !process.isRunning else { return false }
        process.waitUntilExit()
        // A grandchild may still hold the pipes open: do not wait for it for ever.
        _ = readers.wait(timeout: .now() + 2)
        return true
    }

    /// SIGTERM, then SIGKILL if it has not gone within two seconds.
    public func kill() {
        guard process.isRunning else { return }
        process.terminate()
        if !waitForExit(within: 2) {
            Foundation.kill(process.processIdentifier, SIGKILL)
            _ = waitForExit(within: 2)
        }
    }

    deinit { kill() }
}

/// What a running process wrote so far (each stream's reader appends from its own thread).
private final class CollectedOutput: Sendable {
    let data = Mutex((stdout: Data(), stderr: Data()))
}
