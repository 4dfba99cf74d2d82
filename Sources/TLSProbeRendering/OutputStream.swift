#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// Writes straight to a file descriptor, a whole line at a time, so `tlsprobe host | tee log`
/// shows each stage the moment it completes. One lock keeps concurrent probes' lines whole.
public final class LineOutput: Sendable {
    private let descriptor: Int32
    private let lock = Mutex(())

    public static let standardOutput = LineOutput(descriptor: 1)
    public static let standardError = LineOutput(descriptor: 2)

    public init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    public func write(_ text: String) {
        lock.withLock { _ in
            var bytes = Array(text.utf8)
            var offset = 0
            while offset < bytes.count {
                let written = bytes.withUnsafeMutableBytes { Glibc.write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
                if written > 0 { offset += written }
                else if written < 0 && errno == EINTR { continue }
                else { return }  // a closed pipe (EPIPE, SIGPIPE ignored): nothing more to do
            }
        }
    }

    public func line(_ text: String) { write(text + "\n") }
}
