/// One extra handshake for a follow-up step, on the address the main probe used: what the
/// server answered to `offer` (read only up to its ServerHello or alert), recorded in the
/// report's `follow_ups`.
struct FollowUpConnection {
    struct Result {
        var accepted: Bool
        var version: String?
        var cipher: String?
        /// The suite's code point, from the ServerHello.
        var suite: UInt16? = nil
        var detail: String
        /// Not one byte came back before the attempt's deadline: a server that serves one
        /// connection at a time does this while the probe's own connection is open.
        var silent = false
    }

    /// Nil when no attempt could be made: no time left, no context for the offer, no address.
    /// Follow-ups are not made through a proxy: each would need a tunnel of its own.
    static func attempt(purpose: String, offer: TLSOffer, sni: String?, context: ProbeContext, patience: Double = 3) -> Result? {
        guard context.proxy == nil, let address = context.connectedAddress, context.deadline.remainingSeconds > 0.2,
              let tlsContext = context.engine.makeContext(offer: offer) else { return nil }
        let attemptDeadline = Deadline.after(seconds: patience).earlier(context.deadline)
        guard case .success(let socket) = TCPSocket.connect(to: address, deadline: attemptDeadline),
              let connection = try? TLSConnection(context: tlsContext, serverName: sni, verifyName: context.verifyName, alpn: context.options.alpn, start: Deadline.now)
        else { return nil }
        defer { socket.close() }
        let outcome = connection.handshake(over: socket, deadline: attemptDeadline)
        let recorder = connection.recorder
        let result: Result
        if recorder.hasReceived(HandshakeType.serverHello), let hello = recorder.firstHandshake(HandshakeType.serverHello, sent: false),
           let facts = HelloParser.serverHello(hello.message.bytes), !facts.isHelloRetryRequest || outcome.isCompleted {
            let session = outcome.isCompleted ? connection.negotiatedSession() : nil
            let cipher = session?.cipher ?? connection.cipherName(suite: facts.cipherSuite)
            result = Result(accepted: true, version: facts.version, cipher: cipher, suite: facts.cipherSuite, detail: "accepted: \(facts.version), \(cipher)")
        } else if let alert = recorder.receivedAlert {
            result = Result(accepted: false, detail: "rejected: alert \(TLSAlert.name(for: alert.description) ?? "unknown") (\(alert.description))")
        } else if outcome.isTimeout && recorder.totalReceivedBytes == 0 {
            result = Result(accepted: false, detail: "no answer: \(outcome.shortDescription)", silent: true)
        } else {
            result = Result(accepted: false, detail: "rejected: \(outcome.shortDescription)")
        }
        let sniText = sni.map { "SNI \($0)" } ?? "no SNI"
        context.report.followUps.append(FollowUpProbe(purpose: purpose, offer: "\(offer.label), \(sniText)", result: result.detail, accepted: result.accepted))
        return result
    }
}

extension TLSStepResult {
    var isCompleted: Bool {
        if case .completed = self { return true }
        return false
    }

    var shortDescription: String {
        switch self {
        case .completed: "completed"
        case .transport(.closed): "connection closed"
        case .transport(.reset): "connection reset"
        case .transport(.timedOut): "timed out"
        case .transport(.failed(let code)): systemErrorText(code)
        case .tlsError(let errors): errors.last?.reason ?? "TLS error"
        }
    }
}
