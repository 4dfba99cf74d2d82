import Foundation

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
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "NO_COLOR")
        env.merge(environment) { _, new in new }
        process.environment = env
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        let started = Date()
        try process.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try? input.fileHandleForWriting.close()
        // Read both pipes before waiting, so a large output cannot block the child.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return BinaryRun(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self), seconds: Date().timeIntervalSince(started))
    }
}
