internal import COpenSSL

/// One entry of OpenSSL's per-thread error queue.
package struct OpenSSLErrorEntry: Sendable {
    let code: UInt
    let library: String
    let reason: String

    /// "error:0A000086:SSL routines::certificate verify failed", as OpenSSL tools print it.
    package var text: String {
        var buffer = [CChar](repeating: 0, count: 256)
        ERR_error_string_n(code, &buffer, buffer.count)
        return String(nulTerminated: buffer)
    }

    var reasonCode: Int32 { Int32(code & 0x7FFFFF) }
    var libraryCode: Int32 { Int32((code >> 23) & 0xFF) }
}

/// The probe's and the lab's one way to read OpenSSL's error queue.
package enum OpenSSLErrorQueue {
    /// Empties the calling thread's error queue and returns what was in it, oldest first.
    package static func drain() -> [OpenSSLErrorEntry] {
        var entries: [OpenSSLErrorEntry] = []
        while true {
            let code = ERR_get_error()
            if code == 0 { break }
            let library = ERR_lib_error_string(code).map { String(cString: $0) } ?? "unknown library"
            let reason = ERR_reason_error_string(code).map { String(cString: $0) } ?? "unknown reason"
            entries.append(OpenSSLErrorEntry(code: code, library: library, reason: reason))
        }
        return entries
    }

    package static func clear() { ERR_clear_error() }
}
