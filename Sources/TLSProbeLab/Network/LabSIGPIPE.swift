import Glibc

/// Linux has no per-socket opt-out of SIGPIPE, and OpenSSL's socket BIO writes with write(2):
/// a client that hangs up while a lab server writes would kill the whole process (the test runner,
/// or `tlsprobe lab serve`). Ignored once, process-wide, before the first server starts.
private let sigpipeIgnored: Bool = {
    signal(SIGPIPE, SIG_IGN)
    return true
}()

func ignoreSIGPIPEProcessWide() {
    _ = sigpipeIgnored
}
