import Foundation

/// Runs the built tlsprobe under GNU time (`/usr/bin/time -f %M`: the child's peak resident set
/// size from wait4's rusage): the memory a hostile server made the probe use, measured, not timed.
/// Not wait4 on a child spawned from here: posix_spawn's vfork child starts with this test
/// process's high-water mark, which Linux keeps across execve, so every probe would "peak" at
/// the test runner's size. GNU time forks its child from a small process. Output goes to a file
/// so a chatty child never blocks on a pipe; its size is reported too.
enum PeakRSS {
    struct Result {
        var status: Int32
        var peakKB: Int
        var output: String
        var outputBytes: Int
    }

    static func run(_ arguments: [String]) throws -> Result {
        let stem = "tlsprobe-rss-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let outputURL = FileManager.default.temporaryDirectory.appending(path: stem + ".out")
        let rssURL = FileManager.default.temporaryDirectory.appending(path: stem + ".rss")
        defer {
            try? FileManager.default.removeItem(at: outputURL)
            try? FileManager.default.removeItem(at: rssURL)
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputURL.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = (["/usr/bin/time", "-f", "%M", "-o", rssURL.path, binary] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, "/usr/bin/time", &actions, nil, argv, environ)
        guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EIO) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let data = (try? Data(contentsOf: outputURL)) ?? Data()
        let exit = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        // GNU time writes "Command exited with non-zero status N" first when N != 0; %M is last.
        let rssText = (try? String(contentsOf: rssURL, encoding: .utf8)) ?? ""
        let peak = rssText.split(separator: "\n").last.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) } ?? 0
        return Result(status: exit, peakKB: peak, output: String(decoding: data.prefix(64 * 1024), as: UTF8.self), outputBytes: data.count)
    }

    /// The binary measured: the test build's, or `TLSPROBE_RSS_BINARY` (bench/peak-rss.sh points
    /// it at a release build, where the 20 MB bound of #16 applies to the peak itself).
    static let binary = ProcessInfo.processInfo.environment["TLSPROBE_RSS_BINARY"] ?? TLSProbeBinary.url.path

    /// The absolute bound, checked only for a release build named by `TLSPROBE_RSS_BINARY`: a
    /// debug build's floor alone (Swift runtime, Foundation, OpenSSL mapped in) is about 27 MB.
    static let absoluteLimitKB: Int? = ProcessInfo.processInfo.environment["TLSPROBE_RSS_BINARY"] == nil ? nil : 20 * 1024

    /// The probe's own floor: a run against a port that refuses, same build, same options.
    static let baselineKB: Int = {
        (try? run(["--no-http", "--timeout", "2", "127.0.0.1:1"]).peakKB) ?? 0
    }()
}
