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
    /// A TLS server whose certificates name a CA Issuers URL the lab serves too: `issuer` (DER)
    /// is served over plain HTTP next to the TLS port, and `serve` builds the TLS server's
    /// config once the URL is known (the leaf is issued then).
    case withCAIssuers(issuer: [UInt8], serve: @Sendable (_ url: String) throws -> LabTLSServerConfig)

    /// Starts the server. `observer` hears about each client connection as it happens (on the
    /// connection's thread); servers that never accept never call it.
    public func start(at address: LabListenAddress, observer: LabConnectionObserver? = nil) throws -> any LabServer {
        switch self {
        case .tls(let config):
            return try LabTLSServer(config, host: address.host, port: address.port, observer: observer)
        case .raw(let behaviour):
            return try LabRawServer(behaviour, host: address.host, port: address.port, observer: observer)
        case .closedPort:
            return try LabClosedPort(host: address.host, port: address.port)
        case .blackhole:
            return try LabBlackhole(host: address.host, port: address.port)
        case .withCAIssuers(let issuer, let serve):
            // On a wildcard address the URL names loopback: only clients on this machine fetch it.
            let urlHost = address.isWildcard ? (address.host == "::" ? "::1" : "127.0.0.1") : address.host
            let files = try LabRawServer(.httpFile(body: issuer, contentType: "application/pkix-cert"), host: address.isWildcard ? address.host : urlHost)
            do {
                let shown = urlHost.contains(":") ? "[\(urlHost)]" : urlHost
                let tls = try LabTLSServer(try serve("http://\(shown):\(files.port)/issuer.cer"), host: address.host, port: address.port, observer: observer)
                return LabServerPair(main: tls, companion: files)
            } catch {
                files.stop()
                throw error
            }
        }
    }
}

/// A server with a companion that lives and stops with it (a TLS port and its CA Issuers URL).
final class LabServerPair: LabServer {
    let main: any LabServer
    let companion: any LabServer

    init(main: any LabServer, companion: any LabServer) {
        self.main = main
        self.companion = companion
    }

    var host: String { main.host }
    var port: UInt16 { main.port }
    var connectionCount: Int { main.connectionCount }

    func stop() {
        main.stop()
        companion.stop()
    }
}
