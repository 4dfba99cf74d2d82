/// What a scenario serves, as data: started later at whatever address the caller chooses
/// (loopback and an ephemeral port in tests, `--listen`/`--port-base` in `tlsprobe lab serve`).
public enum LabServerRecipe: Sendable {
    /// A real OpenSSL TLS server.
    case tls(LabTLSServerConfig)
    /// A plain TCP server that misbehaves (not TLS, closes, resets, stalls).
    case raw(LabRawBehaviour)
    /// Nothing listens on the port: connection refused.
    case closedPort
    /// The port never completes a TCP handshake: connect timeout.
    case blackhole

    /// Starts the server. `observer` hears about each client connection as it happens (on the
    /// connection's thread); servers that never accept never call it.
    public func start(at address: LabListenAddress, observer: LabConnectionObserver? = nil) throws -> any LabServer {
        switch self {
        case .tls(let config):
            try LabTLSServer(config, host: address.host, port: address.port, observer: observer)
        case .raw(let behaviour):
            try LabRawServer(behaviour, host: address.host, port: address.port, observer: observer)
        case .closedPort:
            try LabClosedPort(host: address.host, port: address.port)
        case .blackhole:
            try LabBlackhole(host: address.host, port: address.port)
        }
    }
}
