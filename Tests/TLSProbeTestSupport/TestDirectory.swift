import Foundation
import Synchronization

/// Temporary directories for tests (they hold private keys): each is removed when the test
/// process exits, even when it was made for a suite-wide static fixture that never deinits.
public enum TestDirectory {
    private static let made = Mutex<[String]>([])
    private static let cleanupRegistered: Bool = {
        atexit {
            for path in TestDirectory.made.withLock({ $0 }) { try? FileManager.default.removeItem(atPath: path) }
        }
        return true
    }()

    /// A fresh directory under the system temporary directory, named `prefix-<unique>`.
    public static func make(_ prefix: String) throws -> URL {
        _ = cleanupRegistered
        let url = FileManager.default.temporaryDirectory.appending(path: "\(prefix)-\(getpid())-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        made.withLock { $0.append(url.path) }
        return url
    }

    /// Removes a directory now (tests that finish with theirs early).
    public static func remove(_ url: URL) {
        try? FileManager.default.removeItem(at: url)
        made.withLock { $0.removeAll { $0 == url.path } }
    }
}
