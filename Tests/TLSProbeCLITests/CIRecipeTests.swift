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
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(text)")
        #expect(text.contains(" 0 failed"), "\(text)")
    }
}
