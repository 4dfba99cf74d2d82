import TLSProbeCore
internal import COpenSSL
import FoundationEssentials

/// One TLS connection on the server side: its `SSL` is the core's `SSLHandle` (which frees it);
/// it keeps its context alive (the client-hello callback points at it), and lives on its
/// connection's thread only (so it is deliberately not Sendable).
final class LabTLSSession {
    let object: SSLHandle
    let connection: LabConnectionSocket
    let recordIndex: Int
    private let context: LabTLSContext

    /// The SSL, borrowed for OpenSSL calls.
    var ssl: OpaquePointer { object.pointer }

    init(context: LabTLSContext, connection: LabConnectionSocket, recordIndex: Int) throws {
        guard let object = SSLHandle(context.handle) else { throw LabError.openSSL("SSL_new") }
        self.object = object
        self.context = context
        self.connection = connection
        self.recordIndex = recordIndex
        guard SSL_set_fd(ssl, connection.fd) == 1 else { throw LabError.openSSL("SSL_set_fd") }
        // ex_data slot 0 is the "app data" slot; unretained because self owns (and frees) the SSL.
        SSL_set_ex_data(ssl, 0, Unmanaged.passUnretained(self).toOpaque())
    }

    /// The session an `SSL` belongs to, from inside an OpenSSL callback.
    static func from(_ ssl: OpaquePointer) -> LabTLSSession? {
        SSL_get_ex_data(ssl, 0).map { Unmanaged<LabTLSSession>.fromOpaque($0).takeUnretainedValue() }
    }

    /// Runs the handshake and records its outcome; false if it failed.
    func handshake() -> Bool {
        ERR_clear_error()
        let succeeded = SSL_accept(ssl) == 1
        let errors = drainOpenSSLErrors()
        context.log.update(recordIndex) { record in
            record.handshakeCompleted = succeeded
            guard succeeded else {
                record.handshakeError = errors.isEmpty ? "the client went away" : errors.joined(separator: "; ")
                return
            }
            record.negotiatedVersion = String(cString: SSL_get_version(ssl))
            record.negotiatedCipher = SSL_get_current_cipher(ssl).map { String(cString: SSL_CIPHER_get_name($0)) }
            record.clientCertificateSubject = SSL_get1_peer_certificate(ssl).map { ParsedCertificate(owning: $0).readableSubject }
        }
        return succeeded
    }

    /// Reads up to the blank line that ends an HTTP request head (at most 16 KB), records it, and
    /// returns it; nil if the client sent nothing before closing or timing out.
    @discardableResult
    func readRequestHead() -> String? {
        let limit = 16_384
        var head: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while head.count < limit, !head.ends(with: [13, 10, 13, 10]) {
            let count = SSL_read(ssl, &buffer, Int32(buffer.count))
            guard count > 0 else { break }
            head += buffer.prefix(Int(count))
        }
        ERR_clear_error()
        guard !head.isEmpty else { return nil }
        let text = String(decoding: head, as: UTF8.self)
        context.log.update(recordIndex) { $0.requestHead = text }
        return text
    }

    /// false once the client is gone.
    @discardableResult
    func write(_ bytes: [UInt8]) -> Bool {
        guard !bytes.isEmpty else { return true }
        let written = bytes.withUnsafeBytes { SSL_write(ssl, $0.baseAddress, Int32($0.count)) }
        ERR_clear_error()
        return written == Int32(bytes.count)
    }

    /// Sends close_notify (one attempt: the client may already be gone).
    func closeNotify() {
        SSL_shutdown(ssl)
        ERR_clear_error()
    }
}

private extension Array where Element == UInt8 {
    func ends(with suffix: [UInt8]) -> Bool {
        count >= suffix.count && Array(self[(count - suffix.count)...]) == suffix
    }
}
