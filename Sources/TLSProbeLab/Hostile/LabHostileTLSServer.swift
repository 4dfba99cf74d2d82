internal import COpenSSL
import Foundation

/// What a `LabHostileTLSServer` does after a completed handshake: the misbehaviours that need
/// OpenSSL on the server side and are too rude for `LabHTTPBehaviour`.
public enum LabPostHandshakeBehaviour: Sendable {
    /// TLS 1.2 only: read the request, send a HelloRequest (renegotiation request), then answer 200.
    case helloRequestThenRespond
    /// A status line, then one header line that never ends (no CR, no LF), until the client leaves
    /// or 64 MiB went out.
    case endlessHeaderLine
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
            }
        }
    }

    deinit { loop.stop() }

    public var port: UInt16 { loop.port }
    public var connectionCount: Int { loop.connectionCount }
    public var connections: [LabConnectionRecord] { log.snapshot }
    public func stop() { loop.stop() }
}
