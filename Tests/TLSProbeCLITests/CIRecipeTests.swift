import Foundation
import Testing

/// The jq recipes in docs/ci-recipes.md run for real against a local server (through
/// scripts/check-recipes.sh), so the documentation cannot drift from the output.
@Suite struct CIRecipeTests {
    @Test func everyDocumentedRecipeWorks() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [root.appending(path: "scripts/check-recipes.sh").path]
        process.currentDirectoryURL = root
        var environment = ProcessInfo.processInfo.environment
        environment["TLSPROBE"] = TLSProbeBinary.url.path
        process.environment = environment
        // A file, not a pipe: a background server the script starts must not keep us waiting
        // for an end of file.
        let log = FileManager.default.temporaryDirectory.appending(path: "tlsprobe-recipes-\(getpid()).log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        defer { try? FileManager.default.removeItem(at: log) }
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        process.waitUntilExit()
        try handle.close()
        let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        #expect(process.terminationStatus == 0, "\(text)")
        #expect(text.contains(" 0 failed"), "\(text)")
    }
}
