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

/// Empties this thread's OpenSSL error queue into readable lines.
func drainOpenSSLErrors() -> [String] {
    var lines: [String] = []
    while true {
        let code = ERR_get_error_all(nil, nil, nil, nil, nil)
        if code == 0 { break }
        var buffer = [CChar](repeating: 0, count: 256)
        ERR_error_string_n(code, &buffer, buffer.count)
        lines.append(String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
    }
    return lines
}
