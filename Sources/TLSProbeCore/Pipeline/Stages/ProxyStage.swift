/// proxy: only with an HTTP proxy (--proxy, HTTPS_PROXY, not exempted by NO_PROXY). dns and tcp
/// have reached the proxy; this stage asks it for a tunnel to the target with CONNECT, and on
/// success the socket carries the tunnel. The target's name is resolved by the proxy, not here.
struct ProxyStage: ProbeStage {
    static let name = StageName.proxy
    let proxy: ProxyEndpoint

    init?(for context: ProbeContext) {
        guard let proxy = context.proxy else { return nil }
        self.proxy = proxy
    }

    func run(_ context: ProbeContext) -> StageOutcome {
        requestTunnel(context) ? .proceed : .stop
    }

    private func targetAuthority(_ context: ProbeContext) -> String {
        let host = context.connectHost
        return host.contains(":") ? "[\(host)]:\(context.target.port)" : "\(host):\(context.target.port)"
    }

    private func requestTunnel(_ context: ProbeContext) -> Bool {
        guard let socket = context.socket else { return false }
        let options = context.options
        let targetAuthority = targetAuthority(context)
        let mark = Deadline.now
        var details = ProxyDetails()
        details.request = "CONNECT \(targetAuthority) HTTP/1.1"
        details.remoteAddress = context.report.target.connectAddress
        let reply = HTTPConnectTunnel.open(over: socket, authority: targetAuthority, credentials: proxy.credentials, userAgent: options.userAgent, deadline: context.deadline)
        let source = options.proxy.source.map { " (\($0))" } ?? ""
        let failure: Diagnosis
        let reason: String
        switch reply {
        case .established(let statusLine):
            details.status = Int(statusLine.split(separator: " ").dropFirst().first ?? "")
            let shown = statusLine.hasPrefix("HTTP/1.") ? String(statusLine.dropFirst(9)) : statusLine
            context.complete(StageReport(name: .proxy, status: .ok, durationMs: context.elapsedMs(since: mark), summary: "CONNECT \(targetAuthority) → \(shown)\(source)", details: .proxy(details)))
            return true
        case .refused(let status, let statusLine):
            details.status = status
            reason = statusLine.hasPrefix("HTTP/1.") ? String(statusLine.dropFirst(9)) : statusLine
            switch status {
            case 407: failure = context.diagnosis(DiagnosisID.proxyAuthRequired, ["proxy": proxy.label, "status": statusLine])
            case 403, 405: failure = context.diagnosis(DiagnosisID.proxyDenied, ["proxy": proxy.label, "status": statusLine, "host": context.connectHost])
            default:
                let why = status == 502 || status == 504 ? "(it could not reach \(targetAuthority))" : "(a tunnel needs a 2xx reply)"
                failure = context.diagnosis(DiagnosisID.proxyFailed, ["proxy": proxy.label, "status": statusLine, "detail": why])
            }
        case .notHTTP(let firstBytes):
            reason = "not an HTTP reply"
            failure = context.diagnosis(DiagnosisID.proxyFailed, ["proxy": proxy.label, "status": "not HTTP:", "detail": "it answered \"\(firstBytes)\""])
        case .closed:
            reason = "closed without a reply"
            failure = context.diagnosis(DiagnosisID.proxyFailed, ["proxy": proxy.label, "status": "no reply:", "detail": "it closed the connection"])
        case .reset:
            reason = "reset without a reply"
            failure = context.diagnosis(DiagnosisID.proxyFailed, ["proxy": proxy.label, "status": "no reply:", "detail": "it reset the connection"])
        case .timedOut:
            reason = "no reply in time"
            failure = context.diagnosis(DiagnosisID.proxyFailed, ["proxy": proxy.label, "status": "no reply:", "detail": "nothing within \(format(options.timeout)) s"])
        case .tooLarge:
            reason = "reply head too large"
            failure = context.diagnosis(DiagnosisID.proxyFailed, ["proxy": proxy.label, "status": "oversized reply:", "detail": "no end of the head within \(HTTPConnectTunnel.headLimit / 1024) KB"])
        case .failed(let text):
            reason = text
            failure = context.diagnosis(DiagnosisID.proxyFailed, ["proxy": proxy.label, "status": "error:", "detail": text])
        }
        context.complete(StageReport(name: .proxy, status: .fail, durationMs: context.elapsedMs(since: mark), summary: "CONNECT \(targetAuthority) → \(reason)\(source)", details: .proxy(details)), diagnoses: [failure])
        context.stopReason = "proxy tunnel failed"
        return false
    }
}
