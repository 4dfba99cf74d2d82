/// A real OpenSSL TLS server on loopback (by default), configured to be wrong in a chosen way.
/// A thread per connection; `stop()` returns promptly even while a client stalls.
public final class LabTLSServer: LabServer {
    public let host: String
    public let config: LabTLSServerConfig
    private let log = LabConnectionLog()
    private let loop: LabAcceptLoop

    public init(
        _ config: LabTLSServerConfig, host: String = "127.0.0.1", port: UInt16 = 0, observer: LabConnectionObserver? = nil
    ) throws {
        self.host = host
        self.config = config
        let context = try LabTLSContext(config, log: log)
        let behaviour = config.http
        loop = try LabAcceptLoop(host: host, port: port, limits: config.limits) { [log] connection in
            let index = log.begin()
            log.update(index) { $0.peer = connection.peerDescription }
            do {
                let session = try LabTLSSession(context: context, connection: connection, recordIndex: index)
                let succeeded = session.handshake()
                observer?(log.record(index))
                guard succeeded else { return }
                LabHTTPResponder.respond(behaviour, on: session)
            } catch {
                log.update(index) { $0.handshakeError = "\(error)" }
                observer?(log.record(index))
            }
        }
    }

    deinit { loop.stop() }

    public var port: UInt16 { loop.port }
    public var connectionCount: Int { loop.connectionCount }
    /// One record per accepted connection, in accept order.
    public var connections: [LabConnectionRecord] { log.snapshot }
    public func stop() { loop.stop() }
}
