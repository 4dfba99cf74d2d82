import TLSProbeCore
internal import COpenSSL
import Glibc

/// Every failure in the lab is one of these: a sentence a test or `tlsprobe lab` can print as is.
public struct LabError: Error, CustomStringConvertible, Sendable {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }

    /// A failed libcrypto/libssl call, with the thread's OpenSSL error queue appended (and drained,
    /// so the next operation starts clean).
    static func openSSL(_ what: String) -> LabError {
        let queue = drainOpenSSLErrors()
        return LabError(queue.isEmpty ? what : "\(what): \(queue.joined(separator: "; "))")
    }

    /// A failed system call, with errno's text.
    static func posix(_ what: String, errno code: Int32 = errno) -> LabError {
        LabError("\(what): \(String(cString: strerror(code))) (errno \(code))")
    }
}

/// Empties this thread's OpenSSL error queue into readable lines (the probe's drain, shared).
func drainOpenSSLErrors() -> [String] {
    OpenSSLErrorQueue.drain().map(\.text)
}
