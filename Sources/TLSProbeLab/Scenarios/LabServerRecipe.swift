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
    /// A TLS server whose certificates name a CA Issuers URL on the lab's own address (never a
    /// name to resolve): `endpoint` says what answers there, and `serve` builds the TLS server's
    /// config once the URL is known (the leaf is issued then).
    case withCAIssuers(LabCAIssuersEndpoint, serve: @Sendable (_ url: String) throws -> LabTLSServerConfig)

    /// Starts the server. `companionPort` is where a CA Issuers URL's server listens (0: the kernel
    /// picks; `lab serve --port-base` fixes it so the URL is the same every run). `observer` hears
    /// about each client connection as it happens (on the connection's thread); servers that never
    /// accept never call it.
    public func start(at address: LabListenAddress, companionPort: UInt16 = 0, observer: LabConnectionObserver? = nil) throws -> any LabServer {
        switch self {
        case .tls(let config):
            return try LabTLSServer(config, host: address.host, port: address.port, observer: observer)
        case .raw(let behaviour):
            return try LabRawServer(behaviour, host: address.host, port: address.port, observer: observer)
        case .closedPort:
            return try LabClosedPort(host: address.host, port: address.port)
        case .blackhole:
            return try LabBlackhole(host: address.host, port: address.port)
        case .withCAIssuers(let endpoint, let serve):
            // On a wildcard address the URL names loopback (the certificate is issued before any
            // client connects, so it cannot name the address a client reaches): only clients on
            // this machine can download it. `lab serve` says so; --listen ADDRESS names ADDRESS.
            let urlHost = address.isWildcard ? (address.host == "::" ? "::1" : "127.0.0.1") : address.host
            let bindHost = address.isWildcard ? address.host : urlHost
            let companion: any LabServer
            switch endpoint {
            case .serving(let der):
                companion = try LabRawServer(.httpFile(body: der, contentType: "application/pkix-cert"), host: bindHost, port: companionPort)
            case .refusing:
                companion = try LabClosedPort(host: urlHost, port: companionPort)
            }
            do {
                let shown = urlHost.contains(":") ? "[\(urlHost)]" : urlHost
                let url = "http://\(shown):\(companion.port)/issuer.cer"
                let tls = try LabTLSServer(try serve(url), host: address.host, port: address.port, observer: observer)
                return LabServerPair(main: tls, companion: companion, caIssuersURL: url)
            } catch {
                companion.stop()
                throw error
            }
        }
    }
}

/// What answers at the CA Issuers URL of a `withCAIssuers` scenario.
public enum LabCAIssuersEndpoint: Sendable {
    /// Serves this certificate (DER) over plain HTTP, as a CA's AIA server does.
    case serving(der: [UInt8])
    /// Nothing listens there (connection refused): a CA Issuers URL that is down.
    case refusing
}

/// A server with a companion that lives and stops with it (a TLS port and its CA Issuers URL).
public final class LabServerPair: LabServer {
    let main: any LabServer
    let companion: any LabServer
    /// The URL the leaf names, e.g. "http://127.0.0.1:24434/issuer.cer".
    public let caIssuersURL: String

    init(main: any LabServer, companion: any LabServer, caIssuersURL: String) {
        self.main = main
        self.companion = companion
        self.caIssuersURL = caIssuersURL
    }

    public var host: String { main.host }
    public var port: UInt16 { main.port }
    public var connectionCount: Int { main.connectionCount }

    public func stop() {
        main.stop()
        companion.stop()
    }
}
