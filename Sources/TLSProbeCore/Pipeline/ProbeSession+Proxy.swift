/// The route through an HTTP CONNECT proxy: dns and tcp then concern the proxy, and the proxy
/// stage is the CONNECT exchange; the target's name is resolved by the proxy, not here.
/// Follow-up probes are not made through a proxy (`connectedAddress` stays nil).
extension ProbeSession {
    /// The proxy this target goes through, or nil (none configured, or NO_PROXY exempts it).
    /// NO_PROXY is matched against the target's name, as curl matches the URL's host.
    var proxyRoute: ProxyEndpoint? { options.proxy.route(for: target.host) }

    /// Stages in the order they happen; `proxy` only when a proxy is used.
    var stageOrder: [StageName] {
        let direct = StageName.allCases.filter { $0 != .proxy }
        guard proxyRoute != nil else { return direct }
        return [.dns, .tcp, .proxy] + direct.filter { $0 != .dns && $0 != .tcp }
    }

    /// dns + tcp to the proxy, then CONNECT. On success `socket` carries the tunnel.
    func openTunnel(through proxy: ProxyEndpoint) -> Bool {
        guard let addresses = resolveProxy(proxy) else { return false }
        guard connectToProxy(proxy, addresses: addresses) else { return false }
        return requestTunnel(through: proxy)
    }

    private var targetAuthority: String {
        connectHost.contains(":") ? "[\(connectHost)]:\(target.port)" : "\(connectHost):\(target.port)"
    }

    private func proxyUnreachable(_ proxy: ProxyEndpoint, detail: String, stage: StageName) -> Diagnosis {
        diagnosis(DiagnosisID.proxyRefused, ["proxy": proxy.label, "detail": detail], stage: stage)
    }

    private func resolveProxy(_ proxy: ProxyEndpoint) -> [SocketAddress]? {
        if let literal = SocketAddress(numericHost: proxy.host, port: proxy.port) {
            complete(.skipped(.dns, reason: "the proxy \(proxy.host) is an IP address; the proxy resolves \(connectHost)"))
            return [literal]
        }
        let mark = Deadline.now
        var details = StageDetails()
        details.query = proxy.host
        switch Resolver.resolve(host: proxy.host, port: proxy.port, family: options.family, deadline: deadline) {
        case .success(let addresses):
            details.addresses = addresses.map(\.ipText)
            let summary = "proxy \(proxy.host) → \(addresses.map(\.ipText).joined(separator: ", ")) (the proxy resolves \(connectHost))"
            complete(StageReport(name: .dns, status: .ok, durationMs: elapsedMs(since: mark), summary: summary, details: details))
            return addresses
        case .failure(let failure):
            let detail: String
            switch failure {
            case .noSuchName(let text): detail = "cannot resolve \(proxy.host): no such name (\(text))"
            case .noAddressForFamily: detail = "\(proxy.host) has no \(options.family.label) address"
            case .resolverFailure(let text): detail = "cannot resolve \(proxy.host): \(text)"
            case .timedOut: detail = "no DNS answer for \(proxy.host) within \(format(options.timeout)) s"
            }
            complete(StageReport(name: .dns, status: .fail, durationMs: elapsedMs(since: mark), summary: "proxy: \(detail)", details: details),
                     diagnoses: [proxyUnreachable(proxy, detail: detail, stage: .dns)])
            stopReason = "proxy not reachable"
            return nil
        }
    }

    private func connectToProxy(_ proxy: ProxyEndpoint, addresses: [SocketAddress]) -> Bool {
        var attempts: [ConnectAttempt] = []
        var lastFailure = "no time left to connect"
        for address in addresses where !deadline.hasPassed {
            let mark = Deadline.now
            switch TCPSocket.connect(to: address, deadline: Deadline.after(seconds: options.connectTimeout).earlier(deadline)) {
            case .success(let socket):
                attempts.append(ConnectAttempt(address: address.description, result: "connected", durationMs: StageReport.rounded(elapsedMs(since: mark))))
                self.socket = socket
                report.target.connectAddress = address.description
                var details = StageDetails()
                details.attempts = attempts
                details.localAddress = socket.localAddress
                details.remoteAddress = address.description
                complete(StageReport(name: .tcp, status: .ok, durationMs: elapsedMs(since: mark), summary: "\(address) (proxy)", details: details))
                return true
            case .failure(let failure):
                attempts.append(ConnectAttempt(address: address.description, result: failure.label, durationMs: StageReport.rounded(elapsedMs(since: mark))))
                switch failure {
                case .refused: lastFailure = "\(address): connection refused"
                case .timedOut: lastFailure = "\(address): no answer within \(format(min(options.connectTimeout, options.timeout))) s"
                case .unreachable(let code), .failed(let code): lastFailure = "\(address): \(systemErrorText(code))"
                }
            }
        }
        var details = StageDetails()
        details.attempts = attempts
        complete(StageReport(name: .tcp, status: .fail, summary: "proxy \(lastFailure)", details: details),
                 diagnoses: [proxyUnreachable(proxy, detail: lastFailure, stage: .tcp)])
        stopReason = "proxy not reachable"
        return false
    }

    private func requestTunnel(through proxy: ProxyEndpoint) -> Bool {
        guard let socket else { return false }
        let mark = Deadline.now
        var details = StageDetails()
        details.request = "CONNECT \(targetAuthority) HTTP/1.1"
        details.remoteAddress = report.target.connectAddress
        let reply = HTTPConnectTunnel.open(over: socket, authority: targetAuthority, credentials: proxy.credentials, userAgent: options.userAgent, deadline: deadline)
        let source = options.proxy.source.map { " (\($0))" } ?? ""
        let failure: Diagnosis
        let reason: String
        switch reply {
        case .established(let statusLine):
            details.status = Int(statusLine.split(separator: " ").dropFirst().first ?? "")
            let shown = statusLine.hasPrefix("HTTP/1.") ? String(statusLine.dropFirst(9)) : statusLine
            complete(StageReport(name: .proxy, status: .ok, durationMs: elapsedMs(since: mark), summary: "CONNECT \(targetAuthority) → \(shown)\(source)", details: details))
            return true
        case .refused(let status, let statusLine):
            details.status = status
            reason = statusLine.hasPrefix("HTTP/1.") ? String(statusLine.dropFirst(9)) : statusLine
            switch status {
            case 407: failure = diagnosis(DiagnosisID.proxyAuthRequired, ["proxy": proxy.label, "status": statusLine])
            case 403, 405: failure = diagnosis(DiagnosisID.proxyDenied, ["proxy": proxy.label, "status": statusLine, "host": connectHost])
            default:
                let why = status == 502 || status == 504 ? "(it could not reach \(targetAuthority))" : "(a tunnel needs a 2xx reply)"
                failure = diagnosis(DiagnosisID.proxyFailed, ["proxy": proxy.label, "status": statusLine, "detail": why])
            }
        case .notHTTP(let firstBytes):
            reason = "not an HTTP reply"
            failure = diagnosis(DiagnosisID.proxyFailed, ["proxy": proxy.label, "status": "not HTTP:", "detail": "it answered \"\(firstBytes)\""])
        case .closed:
            reason = "closed without a reply"
            failure = diagnosis(DiagnosisID.proxyFailed, ["proxy": proxy.label, "status": "no reply:", "detail": "it closed the connection"])
        case .reset:
            reason = "reset without a reply"
            failure = diagnosis(DiagnosisID.proxyFailed, ["proxy": proxy.label, "status": "no reply:", "detail": "it reset the connection"])
        case .timedOut:
            reason = "no reply in time"
            failure = diagnosis(DiagnosisID.proxyFailed, ["proxy": proxy.label, "status": "no reply:", "detail": "nothing within \(format(options.timeout)) s"])
        case .tooLarge:
            reason = "reply head too large"
            failure = diagnosis(DiagnosisID.proxyFailed, ["proxy": proxy.label, "status": "oversized reply:", "detail": "no end of the head within \(HTTPConnectTunnel.headLimit / 1024) KB"])
        case .failed(let text):
            reason = text
            failure = diagnosis(DiagnosisID.proxyFailed, ["proxy": proxy.label, "status": "error:", "detail": text])
        }
        complete(StageReport(name: .proxy, status: .fail, durationMs: elapsedMs(since: mark), summary: "CONNECT \(targetAuthority) → \(reason)\(source)", details: details), diagnoses: [failure])
        stopReason = "proxy tunnel failed"
        return false
    }
}
