#if canImport(Glibc)
import Glibc
#endif

/// Linux has no per-socket opt-out of SIGPIPE (no SO_NOSIGPIPE; MSG_NOSIGNAL only on send(2),
/// and OpenSSL's socket BIO writes with write(2)): a peer that hangs up while we write would kill
/// the process (the probe, `tlsprobe lab serve`, the test runner) instead of becoming a
/// diagnosis. Ignored once, process-wide, by whichever of them starts first.
package enum ProcessSignals {
    private static let sigpipeIgnored: Bool = {
        signal(SIGPIPE, SIG_IGN)
        return true
    }()

    package static func ignoreSIGPIPE() { _ = sigpipeIgnored }
}
