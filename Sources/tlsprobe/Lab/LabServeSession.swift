import ArgumentParser
import FoundationEssentials
import TLSProbeCore
import TLSProbeLab
import TLSProbeRendering

/// The running servers of one `lab serve`: started together, stopped together.
struct LabServeSession {
    let scenarios: [LabScenario]
    let servers: [any LabServer]

    /// Starts every scenario (in parallel: some generate big keys) on `listen`, ports from
    /// `portBase` in order (or kernel-chosen when 0), each logging its connections to stderr.
    /// A scenario's CA Issuers server (if it has one) takes the port `scenarios.count` above its
    /// own, so its URL too is the same every run.
    /// On any failure the ones already started are stopped and the error says which and why.
    static func start(_ scenarios: [LabScenario], pki: LabPKIBundle, listen: LabListenAddress, portBase: Int) throws -> LabServeSession {
        let log = LineOutput.standardError
        let results = WorkerThreads.map(count: scenarios.count, width: 4, name: "tlsprobe-lab") { index -> Result<any LabServer, LabError> in
            let scenario = scenarios[index]
            let port = portBase == 0 ? 0 : UInt16(portBase + index)
            let companion = portBase + scenarios.count + index
            let companionPort = portBase == 0 || companion > 65535 ? 0 : UInt16(companion)
            if scenario.isSlow { log.line("tlsprobe lab: starting \(scenario.name) (slow: generating its key)…") }
            do {
                let server = try scenario.make(pki, at: LabListenAddress(host: listen.host, port: port), companionPort: companionPort) { record in
                    log.line(LabConnectionLogLine.format(scenario: scenario.name, record: record))
                }
                return .success(server)
            } catch {
                return .failure(LabError("\(scenario.name) on \(listen.urlHost):\(port): \(error)"))
            }
        }
        let servers = results.compactMap { try? $0.get() }
        if let failure = results.lazy.compactMap({ result -> LabError? in
            if case .failure(let error) = result { return error } else { return nil }
        }).first {
            LabServeSession(scenarios: [], servers: servers).stop()
            log.line("tlsprobe lab: cannot start \(failure)\(portBase == 0 ? "" : " (another --port-base or --listen may help)")")
            throw ExitCode(ExitStatus.usage.rawValue)
        }
        return LabServeSession(scenarios: scenarios, servers: servers)
    }

    /// Stops every server at once: each stop takes up to a poll interval, so in sequence a
    /// 45-scenario lab would need seconds to shut down.
    func stop() {
        _ = WorkerThreads.map(count: servers.count, width: servers.count, name: "tlsprobe-lab") { index in servers[index].stop() }
    }

    /// true when a served scenario rejects clients without a certificate (so the client files matter).
    var asksForClientCertificates: Bool {
        servers.contains { server in
            guard let tls = server as? LabTLSServer, case .require = tls.config.clientAuth else { return false }
            return true
        }
    }

    /// "NAME: its leaf's CA Issuers URL URL" for each server whose leaf names one the lab serves.
    var caIssuersURLs: [(name: String, url: String)] {
        zip(scenarios, servers).compactMap { scenario, server in
            (server as? LabServerPair).map { (scenario.name, $0.caIssuersURL) }
        }
    }

    /// Name, URL and summary of each server. The URL uses the name the certificate is for when
    /// the lab listens on loopback, else the listening address (HOST for every interface).
    func rows(listen: LabListenAddress) -> [(name: String, url: String, summary: String)] {
        zip(scenarios, servers).map { scenario, server in
            let host: String
            if listen.isWildcard { host = "HOST" }
            else if listen.isLoopback && !Self.isAddressLiteral(scenario.host) { host = scenario.host }
            else { host = listen.urlHost }
            return (scenario.name, "https://\(host):\(server.port)/", scenario.summary)
        }
    }

    static func isAddressLiteral(_ host: String) -> Bool {
        host.contains(":") || host.allSatisfy { $0.isNumber || $0 == "." }
    }
}
