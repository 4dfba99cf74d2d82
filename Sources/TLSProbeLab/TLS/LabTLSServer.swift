/// A real OpenSSL TLS server on loopback (by default), configured to be wrong in a chosen way.
/// A thread per connection; `stop()` returns promptly even while a client stalls.
public final class LabTLSServer: LabServer {
    public let host: String
    public let config: LabTLSServerConfig
    private let log = LabConnectionLog()
    private let loop: LabAcceptLoop

    public init(_ config: LabTLSServerConfig, host: String = "127.0.0.1", port: UInt16 = 0) throws {
        self.host = host
        self.config = config
        let context = try LabTLSContext(config, log: log)
        let behaviour = config.http
        loop = try LabAcceptLoop(host: host, port: port, limits: config.limits) { [log] connection in
            let index = log.begin()
            do {
                let session = try LabTLSSession(context: context, connection: connection, recordIndex: index)
                guard session.handshake() else { return }
                LabHTTPResponder.respond(behaviour, on: session)
            } catch {
                log.update(index) { $0.handshakeError = "\(error)" }
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
