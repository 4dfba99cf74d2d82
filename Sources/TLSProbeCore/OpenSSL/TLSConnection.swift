internal import COpenSSL
internal import CTLSProbeShims

/// How a TLS operation over the socket ended, when it did not succeed.
enum TransportEvent: Equatable {
    case closed
    case reset
    case timedOut
    case failed(errno: Int32)
}

enum TLSStepResult {
    case completed
    case transport(TransportEvent)
    case tlsError([OpenSSLErrorEntry])
}

enum TLSReadResult {
    case data([UInt8])
    /// The server sent close_notify.
    case closeNotify
    /// `satisfied` returned true before any application data arrived.
    case satisfied
    case transport(TransportEvent)
    case tlsError([OpenSSLErrorEntry])
}

/// Owns one SSL* driven over memory BIOs: the probe moves every byte between the socket and
/// OpenSSL itself, so it sees what arrived (or did not), tells FIN from RST, and bounds every
/// wait by the deadline.
final class TLSConnection {
    let context: TLSClientContext
    let recorder: HandshakeRecorder
    /// The SSL; it frees itself and both BIOs, and keeps the SSL_CTX alive.
    private let object: SSLHandle
    private var ssl: OpaquePointer { object.pointer }
    private let input: OpaquePointer  // network → OpenSSL
    private let output: OpaquePointer  // OpenSSL → network
    /// Called on the probe thread after each batch of bytes OpenSSL has processed.
    var onProgress: (() -> Void)?

    /// `requestOCSPStaple` false and `padHello` true shape the intolerance retry's plain offer:
    /// no status_request, and RFC 7685 padding when the hello would be 256–511 bytes.
    init(context: TLSClientContext, serverName: String?, verifyName: String, alpn: [String], start: Deadline,
         requestOCSPStaple: Bool = true, padHello: Bool = false) throws {
        guard let object = SSLHandle(context.handle) else { throw TLSContextError.openSSL("SSL_new failed") }
        let ssl = object.pointer
        guard let input = BIO_new(BIO_s_mem()), let output = BIO_new(BIO_s_mem()) else {
            throw TLSContextError.openSSL("SSL_new failed")
        }
        self.context = context
        self.object = object
        self.input = input
        self.output = output
        self.recorder = HandshakeRecorder(start: start)
        // An empty memory BIO means "no data yet" (retry), not end of file.
        _ = tlsprobe_BIO_set_mem_eof_return(input, -1)
        SSL_set_bio(ssl, input, output)
        SSL_set_connect_state(ssl)

        let recorderPointer = Unmanaged.passUnretained(recorder).toOpaque()
        SSL_set_ex_data(ssl, OpenSSLRuntime.recorderIndex, recorderPointer)
        SSL_set_msg_callback(ssl, messageCallback)
        tlsprobe_SSL_set_msg_callback_arg(ssl, recorderPointer)
        SSL_set_verify(ssl, SSL_VERIFY_PEER, verifyCallback)

        if let serverName { _ = tlsprobe_SSL_set_tlsext_host_name(ssl, serverName) }
        if SocketAddress.isNumericHost(verifyName) {
            X509_VERIFY_PARAM_set1_ip_asc(SSL_get0_param(ssl), verifyName)
        } else {
            SSL_set_hostflags(ssl, UInt32(X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS))
            SSL_set1_host(ssl, verifyName)
        }
        if !alpn.isEmpty {
            var wire: [UInt8] = []
            for proto in alpn where !proto.isEmpty && proto.utf8.count < 256 {
                wire.append(UInt8(proto.utf8.count))
                wire += Array(proto.utf8)
            }
            _ = SSL_set_alpn_protos(ssl, wire, UInt32(wire.count))
        }
        if requestOCSPStaple { _ = tlsprobe_SSL_set_tlsext_status_type(ssl, TLSEXT_STATUSTYPE_ocsp) }
        // SSL_OP_TLSEXT_PADDING is SSL_OP_BIT(4), a function-like macro Swift cannot import.
        if padHello { _ = SSL_set_options(ssl, UInt64(1) << 4) }
        OpenSSLErrorQueue.clear()
    }

    var handle: OpaquePointer { ssl }

    func handshake(over socket: TCPSocket, deadline: Deadline) -> TLSStepResult {
        let result = drive(over: socket, deadline: deadline) { SSL_do_handshake($0) }
        if case .completed = result { recorder.markHandshakeCompleted() }
        return result
    }

    func write(_ bytes: [UInt8], over socket: TCPSocket, deadline: Deadline) -> TLSStepResult {
        drive(over: socket, deadline: deadline) { ssl in
            bytes.withUnsafeBytes { SSL_write(ssl, $0.baseAddress, Int32($0.count)) }
        }
    }

    /// Reads application data, feeding the socket to OpenSSL until some arrives or the deadline.
    /// `satisfied` is checked whenever OpenSSL wants more input, to stop waiting early (e.g. once
    /// a NewSessionTicket arrived).
    func read(over socket: TCPSocket, deadline: Deadline, limit: Int = 16 * 1024, satisfied: (() -> Bool)? = nil) -> TLSReadResult {
        var buffer = [UInt8](repeating: 0, count: limit)
        var received = 0
        var stoppedEarly = false
        let step = drive(over: socket, deadline: deadline, stop: satisfied.map { check in { if check() { stoppedEarly = true; return true }; return false } }) { ssl in
            let count = buffer.withUnsafeMutableBytes { SSL_read(ssl, $0.baseAddress, Int32(limit)) }
            if count > 0 { received = Int(count) }
            return count
        }
        if stoppedEarly { return .satisfied }
        switch step {
        case .completed: return .data(Array(buffer[0..<received]))
        case .transport(let event): return .transport(event)
        case .tlsError(let errors):
            if SSL_get_shutdown(ssl) & SSL_RECEIVED_SHUTDOWN != 0 && recorder.receivedAlert?.description == 0 { return .closeNotify }
            return .tlsError(errors)
        }
    }

    /// Client-initiated renegotiation on a TLS ≤ 1.2 connection: a new ClientHello, and the new
    /// handshake driven to its end. `.completed` when the server renegotiated; a server that
    /// refuses answers a no_renegotiation warning (which OpenSSL's client ends the connection
    /// on), a fatal alert or a close (`recorder.receivedAlert` says which).
    func renegotiate(over socket: TCPSocket, deadline: Deadline) -> TLSStepResult {
        OpenSSLErrorQueue.clear()
        guard SSL_renegotiate(ssl) == 1 else { return .tlsError(OpenSSLErrorQueue.drain()) }
        return drive(over: socket, deadline: deadline) { SSL_do_handshake($0) }
    }

    /// Sends close_notify: a clean end, after which a server keeps the session resumable
    /// (OpenSSL servers drop the session of a connection closed without it).
    func sendCloseNotify(over socket: TCPSocket, deadline: Deadline) {
        _ = SSL_shutdown(ssl)
        _ = flush(to: socket, deadline: deadline)
    }

    /// Runs an SSL operation to completion, moving bytes between the socket and the memory BIOs.
    private func drive(over socket: TCPSocket, deadline: Deadline, stop: (() -> Bool)? = nil, _ operation: (OpaquePointer) -> Int32) -> TLSStepResult {
        while true {
            OpenSSLErrorQueue.clear()
            let status = operation(ssl)
            let error = status > 0 ? SSL_ERROR_NONE : SSL_get_error(ssl, status)
            // Whatever OpenSSL produced (a ClientHello, a Finished, an alert) goes out first.
            if let failure = flush(to: socket, deadline: deadline) {
                return status > 0 || error == SSL_ERROR_WANT_READ ? .transport(failure) : .tlsError(OpenSSLErrorQueue.drain())
            }
            onProgress?()
            switch error {
            case SSL_ERROR_NONE:
                return .completed
            case SSL_ERROR_WANT_READ:
                if let stop, stop() { return .completed }
                switch socket.receive(deadline: deadline) {
                case .data(let bytes):
                    recorder.recordReceived(bytes)
                    _ = bytes.withUnsafeBytes { BIO_write(input, $0.baseAddress, Int32($0.count)) }
                case .closed: return .transport(.closed)
                case .reset: return .transport(.reset)
                case .timedOut: return .transport(.timedOut)
                case .failed(let code): return .transport(.failed(errno: code))
                }
            case SSL_ERROR_WANT_WRITE:
                continue
            case SSL_ERROR_ZERO_RETURN:
                return .tlsError([])
            default:
                return .tlsError(OpenSSLErrorQueue.drain())
            }
        }
    }

    private func flush(to socket: TCPSocket, deadline: Deadline) -> TransportEvent? {
        while tlsprobe_BIO_pending(output) > 0 {
            var chunk = [UInt8](repeating: 0, count: 16 * 1024)
            let count = chunk.withUnsafeMutableBytes { BIO_read(output, $0.baseAddress, Int32($0.count)) }
            guard count > 0 else { break }
            switch socket.sendAll(Array(chunk[0..<Int(count)]), deadline: deadline) {
            case .success: recorder.recordSent(count: Int(count))
            case .failure(.reset): return .reset
            case .failure(.closed): return .closed
            case .failure(.timedOut): return .timedOut
            case .failure(.failed(let code)): return .failed(errno: code)
            }
        }
        return nil
    }
}

// Non-capturing so they convert to C function pointers; they find their recorder through the
// SSL object's ex_data / callback argument (an unretained pointer: the connection owns both).
private let messageCallback: @convention(c) (Int32, Int32, Int32, UnsafeRawPointer?, Int, OpaquePointer?, UnsafeMutableRawPointer?) -> Void = {
    writeP, version, contentType, buffer, length, _, argument in
    guard let argument, let buffer else { return }
    let recorder = Unmanaged<HandshakeRecorder>.fromOpaque(argument).takeUnretainedValue()
    let message = UnsafeRawBufferPointer(start: buffer, count: length)
    recorder.recordMessage(sent: writeP != 0, contentType: contentType, buffer: message)
    // A certificate list no client takes is not decoded whole (CertificateListCut).
    if writeP == 0, contentType == 22, recorder.cutsLongCertificateLists, let (cut, lengthOffset) = CertificateListCut.inspect(message, tls13: version == TLS1_3_VERSION) {
        recorder.certificateListCut = cut
        CertificateListCut.cut(UnsafeMutableRawBufferPointer(mutating: message), lengthOffset: lengthOffset)
    }
}

private let verifyCallback: @convention(c) (Int32, OpaquePointer?) -> Int32 = { preverifyOK, storeContext in
    guard preverifyOK == 0, let storeContext,
          let sslPointer = X509_STORE_CTX_get_ex_data(storeContext, SSL_get_ex_data_X509_STORE_CTX_idx()),
          let recorderPointer = SSL_get_ex_data(OpaquePointer(sslPointer), OpenSSLRuntime.recorderIndex)
    else { return 1 }
    let recorder = Unmanaged<HandshakeRecorder>.fromOpaque(recorderPointer).takeUnretainedValue()
    recorder.recordVerifyError(VerificationError.current(in: storeContext))
    // Keep going: the report shows every fault at every depth; the verdict is judged afterwards.
    return 1
}
