/// dns: resolve the name to connect to (the proxy's, with a proxy). Hands on `addresses`.
struct DNSStage: ProbeStage {
    static let name = StageName.dns
    let endpoint: ConnectEndpoint

    init?(for context: ProbeContext) { endpoint = ConnectEndpoint(for: context) }

    func run(_ context: ProbeContext) -> StageOutcome {
        if let literal = SocketAddress(numericHost: endpoint.host, port: endpoint.port) {
            let reason = switch endpoint.role {
            case .target: "\(endpoint.host) is an IP address"
            case .proxy: "the proxy \(endpoint.host) is an IP address; the proxy resolves \(context.connectHost)"
            }
            context.complete(.skipped(.dns, reason: reason))
            context.addresses = [literal]
            return .proceed
        }
        let mark = Deadline.now
        var details = DNSDetails()
        details.query = endpoint.host
        switch Resolver.resolve(host: endpoint.host, port: endpoint.port, family: context.options.family, deadline: context.deadline) {
        case .success(let addresses):
            details.addresses = addresses.map(\.ipText)
            let list = addresses.map(\.ipText).joined(separator: ", ")
            let summary = switch endpoint.role {
            case .target: "\(endpoint.host) → \(list)"
            case .proxy: "proxy \(endpoint.host) → \(list) (the proxy resolves \(context.connectHost))"
            }
            context.complete(StageReport(name: .dns, status: .ok, durationMs: context.elapsedMs(since: mark), summary: summary, details: .dns(details)))
            context.addresses = addresses
            return .proceed
        case .failure(let failure):
            let (summary, diagnosis) = switch endpoint.role {
            case .target: targetFailure(failure, details: &details, context)
            case .proxy(let proxy): proxyFailure(failure, proxy: proxy, context)
            }
            context.complete(StageReport(name: .dns, status: .fail, durationMs: context.elapsedMs(since: mark), summary: summary, details: .dns(details)), diagnoses: [diagnosis])
            context.stopReason = endpoint.unreachableReason(direct: "DNS failed")
            return .stop
        }
    }

    private func targetFailure(_ failure: ResolutionFailure, details: inout DNSDetails, _ context: ProbeContext) -> (String, Diagnosis) {
        let host = endpoint.host
        let options = context.options
        switch failure {
        case .noSuchName(let text):
            return ("\(host): no such name (\(text))", context.diagnosis(DiagnosisID.dnsNoSuchName, ["detail": text, "host": host]))
        case .noAddressForFamily(let available):
            let family = options.family.label
            let list = available.map(\.ipText).joined(separator: ", ")
            details.addresses = available.map(\.ipText)
            return ("\(host) has no \(family) address (only \(list))",
                    context.diagnosis(DiagnosisID.dnsNoAddressForFamily, ["family": family, "host": host, "detail": list]))
        case .resolverFailure(let text):
            return ("resolver failure for \(host): \(text)", context.diagnosis(DiagnosisID.dnsResolverFailure, ["detail": text, "host": host]))
        case .timedOut:
            return ("no answer from the resolver within \(format(options.timeout)) s",
                    context.diagnosis(DiagnosisID.dnsTimeout, ["seconds": format(options.timeout), "host": host]))
        }
    }

    private func proxyFailure(_ failure: ResolutionFailure, proxy: ProxyEndpoint, _ context: ProbeContext) -> (String, Diagnosis) {
        let host = endpoint.host
        let detail = failure.explanation(host: host, family: context.options.family, timeoutSeconds: format(context.options.timeout))
        return ("proxy: \(detail)", ConnectEndpoint.proxyUnreachable(proxy, detail: detail, stage: .dns, in: context))
    }
}

/// "5", "2.5": seconds as people write them.
func format(_ seconds: Double) -> String {
    seconds == seconds.rounded() ? String(Int(seconds)) : String((seconds * 10).rounded() / 10)
}
