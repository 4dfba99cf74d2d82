import FoundationEssentials

/// Options of a capability scan, beyond the probe's own.
public struct ScanSettings: Sendable {
    /// Connections open at once.
    public var concurrency = CapabilityScan.defaultConcurrency
    /// Longest wait for one connection's answer (the scan's --timeout bounds them all).
    public var perConnectionSeconds: Double = 5

    public init(concurrency: Int = CapabilityScan.defaultConcurrency, perConnectionSeconds: Double = 5) {
        self.concurrency = concurrency
        self.perConnectionSeconds = perConnectionSeconds
    }
}

extension ProbeEngine {
    /// `tlsprobe scan TARGET`: the probe first (DNS, TCP, the STARTTLS upgrade for smtp:// and
    /// the like, one handshake, the certificate stage, no HTTP), then the capability scan on the
    /// address it connected to. The scan's findings
    /// join the probe's diagnoses (replacing a probe diagnosis of the same id: the scan's names
    /// every suite) and the verdict is settled again over both.
    public func scan(_ target: ProbeTarget, settings: ScanSettings = ScanSettings(),
                     observer: (@Sendable (StageReport) -> Void)? = nil) -> ProbeReport {
        let scanDeadline = Deadline.after(seconds: options.timeout)
        var report = probe(target, observer: observer)
        if options.proxy.route(for: target.host) != nil {
            var scan = ScanReport()
            scan.notes.append("the scan does not go through a proxy: each offer would need a tunnel of its own")
            report.scan = scan
            return report
        }
        // No TCP connection (DNS or TCP failed): nothing to scan; the probe's verdict stands.
        guard let connected = report.target.connectAddress, let address = SocketAddress(endpoint: connected) else {
            return report
        }
        // A STARTTLS target: every connection of the scan does the upgrade dialogue first, so
        // one the probe could not upgrade leaves nothing to scan.
        if report.stages.contains(where: { $0.name == .starttls && $0.status == .fail }) {
            var scan = ScanReport()
            scan.notes.append("the STARTTLS upgrade failed (see the starttls stage): nothing to scan")
            report.scan = scan
            return report
        }
        let appProtocol = options.startTLSOverride ?? target.appProtocol
        let session = ScanSession(address: address, serverName: report.target.sni, verifyName: target.host, options: options,
                                  deadline: scanDeadline, concurrency: settings.concurrency,
                                  perConnectionSeconds: min(settings.perConnectionSeconds, options.timeout),
                                  startTLS: appProtocol.upgrade == .startTLS ? appProtocol : nil)
        let scan = CapabilityScan.run(session: session)
        let found = ScanFindings.diagnoses(for: scan, facts: ["host": target.host, "port": String(target.port)])
        let ids = Set(found.map(\.id))
        report.diagnoses.removeAll { ids.contains($0.id) }
        report.diagnoses += found
        report.scan = scan
        Verdict.apply(to: &report, options: options)
        report.durationMs = StageReport.rounded(report.durationMs + scan.durationMs)
        return report
    }
}

extension SocketAddress {
    /// "192.0.2.1:443" or "[2001:db8::1]:443", as `TargetInfo.connectAddress` writes it.
    init?(endpoint: String) {
        let host: Substring
        let portText: Substring
        if endpoint.hasPrefix("["), let close = endpoint.firstIndex(of: "]") {
            host = endpoint[endpoint.index(after: endpoint.startIndex)..<close]
            portText = endpoint[endpoint.index(after: close)...].dropFirst()
        } else if let colon = endpoint.lastIndex(of: ":") {
            host = endpoint[..<colon]
            portText = endpoint[endpoint.index(after: colon)...]
        } else { return nil }
        guard let port = Int(portText) else { return nil }
        self.init(numericHost: String(host), port: port)
    }
}
