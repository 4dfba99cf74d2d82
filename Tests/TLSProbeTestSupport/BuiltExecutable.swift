import Foundation

/// The built `tlsprobe` binary. SwiftPM puts it in the same directory as the test bundle
/// (.build/<config>/), and the test targets that run it depend on the executable target, so it
/// is always built first. /proc/self/exe, because argv[0] may be relative or a helper's.
public enum BuiltExecutable {
    public static let tlsprobe: URL = {
        let testBinary = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var directory = testBinary.deletingLastPathComponent()
        while directory.path != "/" {
            let candidate = directory.appending(path: "tlsprobe")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return testBinary.deletingLastPathComponent().appending(path: "tlsprobe")
    }()

    /// The repository this test build belongs to.
    public static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
}
