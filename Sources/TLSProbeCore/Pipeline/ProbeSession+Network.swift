#if canImport(Glibc)
import Glibc
#endif

/// The dns and tcp stages.
extension ProbeSession {
    func resolve() -> [SocketAddress]? {
        if let literal = SocketAddress(numericHost: connectHost, port: target.port) {
            complete(.skipped(.dns, reason: "\(connectHost) is an IP address"))
            return [literal]
        }
        let mark = Deadline.now
        let result = Resolver.resolve(host: connectHost, port: target.port, family: options.family, deadline: deadline)
        var details = StageDetails()
        details.query = connectHost
        switch result {
        case .success(let addresses):
            details.addresses = addresses.map(\.ipText)
            let list = addresses.map(\.ipText).joined(separator: ", ")
            let summary = "\(connectHost) → \(list)"
            complete(StageReport(name: .dns, status: .ok, durationMs: elapsedMs(since: mark), summary: summary, details: details))
            return addresses
        case .failure(let failure):
            let diagnosis: Diagnosis
            let summary: String
            switch failure {
            case .noSuchName(let text):
                diagnosis = self.diagnosis(DiagnosisID.dnsNoSuchName, ["detail": text, "host": connectHost])
                summary = "\(connectHost): no such name (\(text))"
            case .noAddressForFamily(let available):
                let family = options.family.label
                diagnosis = self.diagnosis(DiagnosisID.dnsNoAddressForFamily, ["family": family, "host": connectHost, "detail": available.map(\.ipText).joined(separator: ", ")])
                summary = "\(connectHost) has no \(family) address (only \(available.map(\.ipText).joined(separator: ", ")))"
                details.addresses = available.map(\.ipText)
            case .resolverFailure(let text):
                diagnosis = self.diagnosis(DiagnosisID.dnsResolverFailure, ["detail": text, "host": connectHost])
                summary = "resolver failure for \(connectHost): \(text)"
            case .timedOut:
                diagnosis = self.diagnosis(DiagnosisID.dnsTimeout, ["seconds": format(options.timeout), "host": connectHost])
                summary = "no answer from the resolver within \(format(options.timeout)) s"
            }
            complete(StageReport(name: .dns, status: .fail, durationMs: elapsedMs(since: mark), summary: summary, details: details), diagnoses: [diagnosis])
            stopReason = "DNS failed"
            return nil
        }
    }

    func connect(to addresses: [SocketAddress]) -> Bool {
        var attempts: [ConnectAttempt] = []
        var lastFailure: (ConnectFailure, SocketAddress)?
        for address in addresses {
            if deadline.hasPassed { break }
            let mark = Deadline.now
            let attemptDeadline = Deadline.after(seconds: options.connectTimeout).earlier(deadline)
            switch TCPSocket.connect(to: address, deadline: attemptDeadline) {
            case .success(let socket):
                attempts.append(ConnectAttempt(address: address.description, result: "connected", durationMs: StageReport.rounded(elapsedMs(since: mark))))
                self.socket = socket
                connectedAddress = address
                report.target.connectAddress = address.description
                var details = StageDetails()
                details.attempts = attempts
                details.localAddress = socket.localAddress
                details.remoteAddress = address.description
                let retried = attempts.count > 1 ? " (after \(attempts.count - 1) failed attempt\(attempts.count > 2 ? "s" : ""))" : ""
                complete(StageReport(name: .tcp, status: .ok, durationMs: elapsedMs(since: mark), summary: "\(address)\(retried)", details: details))
                return true
            case .failure(let failure):
                attempts.append(ConnectAttempt(address: address.description, result: failure.label, durationMs: StageReport.rounded(elapsedMs(since: mark))))
                lastFailure = (failure, address)
            }
        }
        var details = StageDetails()
        details.attempts = attempts
        let diagnosis: Diagnosis
        let summary: String
        switch lastFailure {
        case (.refused, let address)?:
            diagnosis = self.diagnosis(DiagnosisID.tcpRefused, ["address": address.description, "detail": systemErrorText(ECONNREFUSED)])
            summary = "\(address): connection refused"
        case (.timedOut, let address)?:
            let seconds = format(min(options.connectTimeout, options.timeout))
            diagnosis = self.diagnosis(DiagnosisID.tcpTimeout, ["address": address.description, "seconds": seconds, "detail": "no SYN-ACK"])
            summary = "\(address): no answer within \(seconds) s"
        case (.unreachable(let code), let address)?:
            diagnosis = self.diagnosis(DiagnosisID.tcpUnreachable, ["address": address.description, "detail": systemErrorText(code)])
            summary = "\(address): \(systemErrorText(code))"
        case (.failed(let code), let address)?:
            diagnosis = self.diagnosis(DiagnosisID.tcpError, ["address": address.description, "detail": systemErrorText(code)])
            summary = "\(address): \(systemErrorText(code))"
        case nil:
            diagnosis = self.diagnosis(DiagnosisID.tcpTimeout, ["address": connectHost, "seconds": format(options.timeout), "detail": "the deadline passed"])
            summary = "no time left to connect"
        }
        let tried = attempts.count > 1 ? " (\(attempts.count) addresses tried)" : ""
        complete(StageReport(name: .tcp, status: .fail, summary: summary + tried, details: details), diagnoses: [diagnosis])
        stopReason = "TCP connection failed"
        return false
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

/// "5", "2.5": seconds as people write them.
func format(_ seconds: Double) -> String {
    seconds == seconds.rounded() ? String(Int(seconds)) : String((seconds * 10).rounded() / 10)
}
