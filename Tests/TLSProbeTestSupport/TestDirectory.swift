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
        sweepLeftovers()
        return true
    }()

    /// A test process that crashed or was killed never ran its atexit cleanup: remove the
    /// `tlsprobe-…-<pid>[-<id>]` directories (ours and the foreign servers' build folders) whose
    /// process no longer exists, so private keys do not pile up in /tmp. Live processes' are kept.
    private static func sweepLeftovers() {
        let temporary = FileManager.default.temporaryDirectory
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: temporary.path) else { return }
        for name in names where name.hasPrefix("tlsprobe-") {
            let fields = name.split(separator: "-")
            // The pid is the first all-digit field after the prefix words (a unique hex suffix may follow).
            guard let pidText = fields.dropFirst().first(where: { $0.allSatisfy(\.isNumber) }),
                  let pid = pid_t(pidText), pid > 1, pid != getpid() else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH {
                try? FileManager.default.removeItem(at: temporary.appending(path: name))
            }
        }
    }

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
