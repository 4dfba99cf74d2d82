/// finished: the handshake completed; ALPN, stapled OCSP, and whether the server accepted our
/// Finished. A TLS 1.3 server that rejects our (missing) client certificate says so only after
/// the handshake, so this stage is settled by the server's first word: here when nothing more
/// is sent (--no-http, or a handshake that failed verification or policy), else by the http
/// stage through `settle` when the response (or the rejection) arrives.
struct FinishedStage: ProbeStage {
    static let name = StageName.finished

    init?(for context: ProbeContext) {}

    func run(_ context: ProbeContext) -> StageOutcome {
        guard let connection = context.connection, let socket = context.socket, let handshake = context.handshake, let session = handshake.session else { return .stop }
        let options = context.options
        // Nothing beyond the handshake goes to a server that failed verification or policy,
        // unless the user asked for it with -k.
        let certificateOK = context.learned.certificateAcceptable
        let staple = StapledOCSPJudgement.judge(context, connection)
        context.learned.staple = staple
        let handshakeAcceptable = certificateOK && staple.acceptable && !context.report.diagnoses.contains { $0.severity == .error }
        if options.runHTTP && (handshakeAcceptable || options.insecure) {
            context.learned.pendingFinished = (handshake.handshakeMs, session)
            return .proceed
        }
        let rejection = awaitPostHandshakeRejection(context, connection, socket: socket, session: session)
        Self.record(context, handshakeMs: handshake.handshakeMs, session: session, rejection: rejection)
        if rejection == nil {
            context.stopReason = handshakeAcceptable ? (context.appProtocol.application == .http ? "--no-http" : "--no-app")
                : !staple.acceptable && certificateOK ? "the certificate is revoked or its required OCSP staple is missing (use -k to continue anyway)"
                : (certificateOK ? "the handshake failed policy (use -k to continue anyway)" : "certificate not trusted (use -k to continue anyway)")
        } else {
            context.stopReason = "the server rejected the handshake"
        }
        return .stop
    }

    /// Records the pending finished stage once, when the server's first word after the
    /// handshake (or its rejection) is known.
    static func settle(_ context: ProbeContext, rejection: Diagnosis?) {
        guard let pending = context.learned.pendingFinished else { return }
        context.learned.pendingFinished = nil
        record(context, handshakeMs: pending.handshakeMs, session: pending.session, rejection: rejection)
        // The stages after it say why they did not run, whichever read or write saw the rejection.
        if rejection != nil { context.stopReason = "the server rejected the handshake" }
    }

    private static func record(_ context: ProbeContext, handshakeMs: Double, session: NegotiatedSession, rejection: Diagnosis?) {
        var details = FinishedDetails()
        details.handshakeMs = StageReport.rounded(handshakeMs)
        details.alpn = session.alpn
        details.ocspStapled = session.ocspStapled
        details.messages = context.options.verbose ? context.connection?.recorder.messageLog() : nil
        var parts = ["handshake complete"]
        if let rejection {
            parts = ["server rejected the handshake after our Finished: \(rejection.summary)"]
        } else {
            if let alpn = session.alpn { parts.append("ALPN \(alpn)") }
            parts.append(context.learned.staple?.summary ?? (session.ocspStapled ? "OCSP stapled" : "no OCSP staple"))
        }
        var diagnoses = (rejection.map { [$0] } ?? []) + (context.learned.staple?.diagnoses ?? []) + Expectations.alpn(session.alpn, context)
        if rejection == nil && context.clientCertificateRequestedButNotSent {
            parts.append("client certificate requested, none sent")
            diagnoses.append(context.diagnosis(DiagnosisID.handshakeClientCertRequested, ["ca_names": context.requestedClientCANames]))
        }
        context.complete(StageReport(name: .finished, status: .ok, durationMs: handshakeMs, summary: parts.joined(separator: ", "), details: .finished(details)), diagnoses: diagnoses)
    }

    /// TLS 1.3 moves client-certificate rejection after the handshake. Wait (briefly) for the
    /// server's verdict: a NewSessionTicket means it accepted our Finished; an alert means not.
    private func awaitPostHandshakeRejection(_ context: ProbeContext, _ connection: TLSConnection, socket: TCPSocket, session: NegotiatedSession) -> Diagnosis? {
        guard session.version == "TLSv1.3" else { return nil }
        // Only a server that asked for a client certificate rejects after our Finished. Waiting
        // without a CertificateRequest cost every --no-http (or untrusted) probe of a TLS 1.3
        // server that sends no session ticket a full second (s_server -num_tickets 0: 1.26 s
        // before, 0.04 s after, like the bench/floor.c handshake).
        guard connection.recorder.hasReceived(HandshakeType.certificateRequest) else { return nil }
        let waitUntil = Deadline.after(seconds: 1).earlier(context.deadline)
        let accepted = { connection.recorder.hasReceived(HandshakeType.newSessionTicket) }
        let result = connection.read(over: socket, deadline: waitUntil, limit: 1024, satisfied: accepted)
        if case .data = result { return nil }
        return Self.rejection(context, connection, ending: result, after: "our Finished")
    }

    /// The diagnosis for an alert that arrived after our Finished, or nil when none did.
    static func rejection(_ context: ProbeContext, _ connection: TLSConnection) -> Diagnosis? {
        guard let alert = connection.recorder.receivedAlert, alert.description != 0 else { return nil }
        return context.settle(HandshakeFailure.alert(alert.description, connection: connection, stage: .finished, context: context)).diagnosis
    }

    /// The rejection a read that ended with `ending` stands for: an alert, or a close_notify,
    /// FIN or reset while a CertificateRequest we could not satisfy stands (the server's
    /// answer to our missing certificate, whatever its TLS stack says). nil for data, a
    /// timeout, or a close with no CertificateRequest before it.
    static func rejection(_ context: ProbeContext, _ connection: TLSConnection, ending: TLSReadResult, after: String) -> Diagnosis? {
        if let alert = rejection(context, connection) { return alert }
        switch ending {
        case .closeNotify, .transport(.closed): return context.clientCertificateRefusedByClose(connection, reset: false, after: after)
        case .transport(.reset): return context.clientCertificateRefusedByClose(connection, reset: true, after: after)
        case .data, .satisfied, .transport, .tlsError: return nil
        }
    }
}

extension ProbeContext {
    var clientCertificateRequestedButNotSent: Bool {
        guard let connection else { return false }
        return connection.recorder.hasReceived(HandshakeType.certificateRequest) && !connection.sentClientCertificate
    }

    var requestedClientCANames: String {
        let names = connection?.acceptableClientCANames() ?? []
        return names.isEmpty ? "any" : names.joined(separator: "; ")
    }
}
