internal import COpenSSL
import FoundationEssentials

/// What a `LabHostileTLSServer` does after a completed handshake: the misbehaviours that need
/// OpenSSL on the server side and are too rude for `LabHTTPBehaviour`.
public enum LabPostHandshakeBehaviour: Sendable {
    /// TLS 1.2 only: read the request, send a HelloRequest (renegotiation request), then answer 200.
    case helloRequestThenRespond
    /// A status line, then one header line that never ends (no CR, no LF), until the client leaves
    /// or 64 MiB went out.
    case endlessHeaderLine
    /// After reading the request: `count` post-handshake messages of one kind, then a 200 answer
    /// (if the client is still there).
    case flood(LabFloodMessage, count: Int)
}

/// Post-handshake messages a server can send through OpenSSL's own API.
public enum LabFloodMessage: Sendable {
    /// TLS 1.2: SSL_renegotiate, each sending a HelloRequest (4 bytes).
    case helloRequest
    /// TLS 1.3: SSL_new_session_ticket, each sending a NewSessionTicket.
    case sessionTicket
    /// TLS 1.3: SSL_key_update (update_not_requested), each sending a KeyUpdate (5 bytes).
    case keyUpdate
}

/// A real OpenSSL TLS server (same configuration as `LabTLSServer`) whose post-handshake
/// behaviour is one of `LabPostHandshakeBehaviour`.
public final class LabHostileTLSServer: LabServer {
    public let host: String
    private let log = LabConnectionLog()
    private let loop: LabAcceptLoop

    public init(_ config: LabTLSServerConfig, behaviour: LabPostHandshakeBehaviour, host: String = "127.0.0.1") throws {
        self.host = host
        let context = try LabTLSContext(config, log: log)
        loop = try LabAcceptLoop(host: host, port: 0, limits: config.limits) { [log] connection in
            let index = log.begin()
            guard let session = try? LabTLSSession(context: context, connection: connection, recordIndex: index),
                  session.handshake()
            else { return }
            session.readRequestHead()
            switch behaviour {
            case .helloRequestThenRespond:
                // SSL_renegotiate marks the renegotiation; SSL_do_handshake sends the HelloRequest.
                _ = SSL_renegotiate(session.ssl)
                _ = SSL_do_handshake(session.ssl)
                ERR_clear_error()
                session.write(Array(LabHTTPResponder.response(status: 200, headers: [], body: "renegotiated\n").utf8))
                session.closeNotify()
            case .endlessHeaderLine:
                guard session.write(Array("HTTP/1.1 200 OK\r\nX-Endless: ".utf8)) else { return }
                let chunk = [UInt8](repeating: UInt8(ascii: "a"), count: 16_384)
                var sent = 0
                while sent < 64 << 20, !connection.isStopping, session.write(chunk) { sent += chunk.count }
            case .flood(let message, let count):
                var sent = 0
                while sent < count, !connection.isStopping {
                    let queued: Int32
                    switch message {
                    case .helloRequest: queued = SSL_renegotiate(session.ssl)
                    case .sessionTicket: queued = SSL_new_session_ticket(session.ssl)
                    case .keyUpdate: queued = SSL_key_update(session.ssl, SSL_KEY_UPDATE_NOT_REQUESTED)
                    }
                    guard queued == 1, SSL_do_handshake(session.ssl) == 1 else { break }
                    sent += 1
                }
                ERR_clear_error()
                session.write(Array(LabHTTPResponder.response(status: 200, headers: [], body: "after \(sent) messages\n").utf8))
                session.closeNotify()
            }
        }
    }

    deinit { loop.stop() }

    public var port: UInt16 { loop.port }
    public var connectionCount: Int { loop.connectionCount }
    public var connections: [LabConnectionRecord] { log.snapshot }
    public func stop() { loop.stop() }
}
