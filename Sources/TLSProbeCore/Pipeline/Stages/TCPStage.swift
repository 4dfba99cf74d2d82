#if canImport(Glibc)
import Glibc
#endif

/// tcp: connect to the addresses dns handed on, each in turn within --connect-timeout (to the
/// proxy, with a proxy). Hands on `socket` and `connectedAddress`.
struct TCPStage: ProbeStage {
    static let name = StageName.tcp
    let endpoint: ConnectEndpoint

    init?(for context: ProbeContext) { endpoint = ConnectEndpoint(for: context) }

    func run(_ context: ProbeContext) -> StageOutcome {
        let options = context.options
        var attempts: [ConnectAttempt] = []
        var lastFailure: (ConnectFailure, SocketAddress)?
        for address in context.addresses {
            if context.deadline.hasPassed { break }
            let mark = Deadline.now
            let attemptDeadline = Deadline.after(seconds: options.connectTimeout).earlier(context.deadline)
            switch TCPSocket.connect(to: address, deadline: attemptDeadline) {
            case .success(let socket):
                attempts.append(ConnectAttempt(address: address.description, result: "connected", durationMs: StageReport.rounded(context.elapsedMs(since: mark))))
                context.socket = socket
                context.connectedAddress = address
                context.report.target.connectAddress = address.description
                var details = TCPDetails()
                details.attempts = attempts
                details.localAddress = socket.localAddress
                details.remoteAddress = address.description
                let summary = switch endpoint.role {
                case .target: "\(address)\(attempts.count > 1 ? " (after \(attempts.count - 1) failed attempt\(attempts.count > 2 ? "s" : ""))" : "")"
                case .proxy: "\(address) (proxy)"
                }
                context.complete(StageReport(name: .tcp, status: .ok, durationMs: context.elapsedMs(since: mark), summary: summary, details: .tcp(details)))
                return .proceed
            case .failure(let failure):
                attempts.append(ConnectAttempt(address: address.description, result: failure.label, durationMs: StageReport.rounded(context.elapsedMs(since: mark))))
                lastFailure = (failure, address)
            }
        }
        var details = TCPDetails()
        details.attempts = attempts
        let (summary, diagnosis) = switch endpoint.role {
        case .target: targetFailure(lastFailure, attempts: attempts.count, context)
        case .proxy(let proxy): proxyFailure(lastFailure, proxy: proxy, context)
        }
        context.complete(StageReport(name: .tcp, status: .fail, summary: summary, details: .tcp(details)), diagnoses: [diagnosis])
        context.stopReason = endpoint.unreachableReason(direct: "TCP connection failed")
        return .stop
    }

    private func targetFailure(_ lastFailure: (ConnectFailure, SocketAddress)?, attempts: Int, _ context: ProbeContext) -> (String, Diagnosis) {
        let options = context.options
        let diagnosis: Diagnosis
        let summary: String
        switch lastFailure {
        case (.refused, let address)?:
            diagnosis = context.diagnosis(DiagnosisID.tcpRefused, ["address": address.description, "detail": systemErrorText(ECONNREFUSED)])
            summary = "\(address): connection refused"
        case (.timedOut, let address)?:
            let seconds = format(min(options.connectTimeout, options.timeout))
            diagnosis = context.diagnosis(DiagnosisID.tcpTimeout, ["address": address.description, "seconds": seconds, "detail": "no SYN-ACK"])
            summary = "\(address): no answer within \(seconds) s"
        case (.unreachable(let code), let address)?:
            diagnosis = context.diagnosis(DiagnosisID.tcpUnreachable, ["address": address.description, "detail": systemErrorText(code)])
            summary = "\(address): \(systemErrorText(code))"
        case (.failed(let code), let address)?:
            diagnosis = context.diagnosis(DiagnosisID.tcpError, ["address": address.description, "detail": systemErrorText(code)])
            summary = "\(address): \(systemErrorText(code))"
        case nil:
            diagnosis = context.diagnosis(DiagnosisID.tcpTimeout, ["address": context.connectHost, "seconds": format(options.timeout), "detail": "the deadline passed"])
            summary = "no time left to connect"
        }
        return (summary + (attempts > 1 ? " (\(attempts) addresses tried)" : ""), diagnosis)
    }

    private func proxyFailure(_ lastFailure: (ConnectFailure, SocketAddress)?, proxy: ProxyEndpoint, _ context: ProbeContext) -> (String, Diagnosis) {
        let detail = switch lastFailure {
        case (.refused, let address)?: "\(address): connection refused"
        case (.timedOut, let address)?: "\(address): no answer within \(format(min(context.options.connectTimeout, context.options.timeout))) s"
        case (.unreachable(let code), let address)?, (.failed(let code), let address)?: "\(address): \(systemErrorText(code))"
        case nil: "no time left to connect"
        }
        return ("proxy \(detail)", ConnectEndpoint.proxyUnreachable(proxy, detail: detail, stage: .tcp, in: context))
    }
}

extension ConnectFailure {
    var label: String {
        switch self {
        case .refused: "refused"
        case .timedOut: "timeout"
        case .unreachable(let code): "unreachable: \(systemErrorText(code))"
        case .failed(let code): systemErrorText(code)
        }
    }
}
