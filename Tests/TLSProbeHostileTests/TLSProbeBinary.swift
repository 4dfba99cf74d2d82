import Foundation

/// Runs the built `tlsprobe` executable. SwiftPM puts it in the same directory as the test
/// bundle (…/debug/tlsprobePackageTests.xctest), and this test target depends on it, so it is
/// always built first. /proc/self/exe is used because argv[0] may be relative or a helper's.
enum TLSProbeBinary {
    static let url: URL = {
        let candidates = [
            URL(fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? ""),
            URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL,
            Bundle.main.executableURL ?? URL(fileURLWithPath: ""),
        ]
        for candidate in candidates {
            var directory = candidate.deletingLastPathComponent()
            // The bundle may be a directory (…/X.xctest/Contents/MacOS/X); walk up a few levels.
            for _ in 0..<4 {
                let binary = directory.appending(path: "tlsprobe")
                if FileManager.default.isExecutableFile(atPath: binary.path) { return binary }
                directory = directory.deletingLastPathComponent()
            }
        }
        fatalError("tlsprobe executable not found next to \(candidates.map(\.path))")
    }()

    struct Result {
        var status: Int32
        var stdout: [UInt8]
        var stderr: [UInt8]
        var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
        var stderrText: String { String(decoding: stderr, as: UTF8.self) }
    }

    /// Runs tlsprobe with `arguments`, feeding `stdin` (empty: /dev/null), and waits for it.
    static func run(_ arguments: [String], stdin: [UInt8] = []) throws -> Result {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        // Read both pipes on their own threads so a chatty child never blocks on a full pipe.
        let outData = LockedData(), errData = LockedData()
        let group = DispatchGroup()
        for (pipe, sink) in [(out, outData), (err, errData)] {
            group.enter()
            Thread.detachNewThread {
                sink.set(pipe.fileHandleForReading.readDataToEndOfFile())
                group.leave()
            }
        }
        try? input.fileHandleForWriting.write(contentsOf: Data(stdin))
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
        group.wait()
        return Result(status: process.terminationStatus, stdout: [UInt8](outData.get()), stderr: [UInt8](errData.get()))
    }
}

/// `@unchecked Sendable`: the data is only touched with the lock held.
final class LockedData: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    func set(_ value: Data) { lock.withLock { data = value } }
    func get() -> Data { lock.withLock { data } }
}
