import Foundation

/// Runs the `openssl` command-line tool (the independent judge of what the lab serves) with stdin
/// from /dev/null and a hard timeout, returning its exit status and combined output.
struct ToolResult {
    let status: Int32
    let output: String
}

enum Tool {
    static func run(_ executable: String, _ arguments: [String], timeout: TimeInterval = 15) throws -> ToolResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["timeout", "--kill-after=2", String(Int(timeout)), executable] + arguments
        process.standardInput = FileHandle(forReadingAtPath: "/dev/null")
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return ToolResult(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
    }

    static func openssl(_ arguments: [String], timeout: TimeInterval = 15) throws -> ToolResult {
        try run("openssl", arguments, timeout: timeout)
    }

    /// A fresh temporary directory, removed by the caller.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appending(path: "tlsprobe-lab-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
