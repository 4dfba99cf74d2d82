#if canImport(Glibc)
import Glibc
#endif

/// SIGINT/SIGTERM for `lab serve`, received synchronously: blocked in every thread, then taken
/// with sigwait() on the main thread, so shutdown runs as ordinary code and not in a handler.
enum LabSignals {
    private static var set: sigset_t {
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        sigaddset(&set, SIGTERM)
        return set
    }

    /// Call before starting threads: new threads inherit the calling thread's mask.
    static func block() {
        var signals = set
        pthread_sigmask(SIG_BLOCK, &signals, nil)
    }

    /// Waits for SIGINT or SIGTERM and returns which one came.
    static func wait() -> Int32 {
        var signals = set
        var received: Int32 = 0
        while sigwait(&signals, &received) != 0 {}
        return received
    }
}
