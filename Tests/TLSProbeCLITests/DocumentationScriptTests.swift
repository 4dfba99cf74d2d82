import Foundation
import Testing

/// Documentation that shows real output is re-run against local servers, so it cannot drift:
/// the jq recipes of docs/ci-recipes.md and every example in README.md.
@Suite struct DocumentationScriptTests {
    @Test(arguments: [["scripts/check-recipes.sh"], ["scripts/readme-examples.sh", "--check"]])
    func documentedOutputIsCurrent(command: [String]) throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [root.appending(path: command[0]).path] + command.dropFirst()
        process.currentDirectoryURL = root
        var environment = ProcessInfo.processInfo.environment
        environment["TLSPROBE"] = TLSProbeBinary.url.path
        process.environment = environment
        // A file, not a pipe: a background server the script starts must not keep us waiting
        // for an end of file.
        let log = FileManager.default.temporaryDirectory.appending(path: "tlsprobe-docs-\(getpid())-\(command[0].hashValue).log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        defer { try? FileManager.default.removeItem(at: log) }
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        process.waitUntilExit()
        try handle.close()
        let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        #expect(process.terminationStatus == 0, "\(command): \(text)")
    }
}
