import FoundationEssentials

/// http: one GET over the verified connection, reading only the response head (past interim
/// 1xx responses). The first word from the server settles the finished stage
/// (`FinishedStage.settle`).
struct HTTPStage: ProbeStage {
    static let name = StageName.http

    /// Only for HTTPS; other protocols have the app stage instead.
    init?(for context: ProbeContext) {
        guard context.appProtocol.application == .http else { return nil }
    }

    func run(_ context: ProbeContext) -> StageOutcome {
        exchange(context)
        return .stop
    }

    private func exchange(_ context: ProbeContext) {
        guard let socket = context.socket, let connection = context.connection, context.learned.pendingFinished != nil else { return }
        let options = context.options
        let target = context.target
        let deadline = context.deadline
        let hostHeader = target.host.contains(":") ? "[\(target.host)]" : target.host
        let port = target.port == 443 ? "" : ":\(target.port)"
        let request = "GET \(target.path) HTTP/1.1\r\nHost: \(hostHeader)\(port)\r\nUser-Agent: \(options.userAgent)\r\nAccept: */*\r\nConnection: close\r\n\r\n"
        let requestLine = "GET \(target.path) HTTP/1.1"
        var summary = HTTPSummary(request: requestLine)
        let mark = Deadline.now

        if case .transport(let event) = connection.write(Array(request.utf8), over: socket, deadline: deadline) {
            // The server may have said why before closing (TLS 1.3 client-certificate rejection):
            // read what is still buffered before judging.
            _ = connection.read(over: socket, deadline: Deadline.after(seconds: 0.2).earlier(deadline))
            let ending: TLSReadResult = .transport(event == .reset || event == .timedOut ? event : .closed)
            let rejection = FinishedStage.rejection(context, connection, ending: ending, after: "our Finished (our request could not be sent)")
            FinishedStage.settle(context, rejection: rejection)
            if rejection == nil { failHTTP(context, summary, DiagnosisID.httpReset, "the server closed the connection before our request was sent", ["after": "the handshake (our request could not be sent)"]) }
            return
        }
        var received: [UInt8] = []
        var reader = HTTPResponseReader(upgradeRequested: false)
        func reportFinished(_ rejection: Diagnosis?) { FinishedStage.settle(context, rejection: rejection) }
        while true {
            let result = connection.read(over: socket, deadline: deadline, satisfied: { connection.recorder.postHandshakeFlood })
            switch result {
            case .data(let bytes):
                if received.isEmpty {
                    reportFinished(nil)
                    summary.timeToFirstByteMs = context.elapsedMs(since: mark)
                }
                received += bytes
                switch reader.feed(bytes) {
                case .incomplete:
                    continue
                case .final(let head, let headBytes):
                    summary.headerBytes = headBytes
                    summary.interimResponses = reader.interimStatusLines
                    judge(context, head, summary: summary, mark: mark, interim: reader)
                    return
                case .notHTTP(let preview):
                    failHTTP(context, summary, DiagnosisID.httpNotHTTP, "the reply is not HTTP: \"\(preview)\"", ["preview": preview])
                    return
                case .headTooLarge(let bytes):
                    summary.headerBytes = bytes
                    let limit = "\(HTTPResponseParser.maxHeadBytes / 1024) KB"
                    failHTTP(context, summary, DiagnosisID.httpHeadUnfinished, "response head not ended within \(limit); stopped reading", ["limit": limit, "bytes": String(bytes)])
                    return
                case .tooManyInterim:
                    failInterimOnly(context, summary, reader, ending: "tlsprobe stopped reading after \(reader.interimCount)")
                    return
                case .unrequestedSwitch(let head):
                    failHTTP(context, summary, DiagnosisID.httpUnrequestedSwitch, "\(head.statusLine) although we asked for no upgrade",
                             ["status_line": head.statusLine, "status": String(head.status)])
                    return
                }
            case .satisfied:
                reportFinished(nil)
                failPostHandshakeFlood(context, summary, connection.recorder)
                return
            case .closeNotify, .transport, .tlsError:
                if received.isEmpty, let rejection = FinishedStage.rejection(context, connection, ending: result, after: "our request") {
                    reportFinished(rejection)
                    context.stopReason = "the server rejected the handshake"
                    return
                }
                reportFinished(nil)
                if reader.interimCount > 0 && reader.pending.isEmpty {
                    let timedOut = { if case .transport(.timedOut) = result { return true }; return false }()
                    failInterimOnly(context, summary, reader, ending: timedOut ? "still none after \(format(options.timeout)) s (the timeout)" : "the server then closed the connection")
                } else if case .transport(.timedOut) = result {
                    let seconds = format(options.timeout)
                    let what = received.isEmpty ? "no response" : "response head incomplete (\(received.count) bytes)"
                    failHTTP(context, summary, DiagnosisID.httpTimeout, "\(what) within \(seconds) s", ["seconds": seconds, "bytes": String(received.count)])
                } else if received.isEmpty {
                    let reset = { if case .transport(.reset) = result { return true }; return false }()
                    failHTTP(context, summary, reset ? DiagnosisID.httpReset : DiagnosisID.httpClosed,
                             "the server \(reset ? "reset" : "closed") the connection without a response", ["after": "our request"])
                } else {
                    let preview = SafeText.escape(bytes: received.prefix(64))
                    failHTTP(context, summary, DiagnosisID.httpNotHTTP, "connection ended inside the response head: \"\(preview)\"", ["preview": preview, "bytes": String(received.count)])
                }
                return
            }
        }
    }

    private func failHTTP(_ context: ProbeContext, _ summary: HTTPSummary, _ id: String, _ text: String, _ facts: [String: String], status: StageStatus = .fail) {
        context.report.http = summary
        var details = HTTPDetails()
        details.request = summary.request
        details.timeToFirstByteMs = summary.timeToFirstByteMs.map(StageReport.rounded)
        context.complete(StageReport(name: .http, status: status, summary: text, details: .http(details)), diagnoses: [context.diagnosis(id, facts)])
    }

    /// The server answered only with interim (1xx) responses: the request never got an answer.
    private func failInterimOnly(_ context: ProbeContext, _ summary: HTTPSummary, _ reader: HTTPResponseReader, ending: String) {
        var summary = summary
        summary.interimResponses = reader.interimStatusLines
        failHTTP(context, summary, DiagnosisID.httpInterimOnly, "only \(reader.interimLabel); \(ending)",
                 ["count": String(reader.interimCount), "interim": reader.interimLabel, "ending": ending])
    }

    /// The server buried the response under post-handshake messages: stop reading, say so.
    private func failPostHandshakeFlood(_ context: ProbeContext, _ summary: HTTPSummary, _ recorder: HandshakeRecorder) {
        let limit = String(HandshakeRecorder.maxPostHandshakeMessages)
        failHTTP(context, summary, DiagnosisID.handshakePostHandshakeFlood, "stopped reading after \(recorder.postHandshakeMessages) post-handshake messages (\(recorder.postHandshakeSummary()))",
                 ["count": String(recorder.postHandshakeMessages), "messages": recorder.postHandshakeSummary(), "limit": limit])
    }

    private static let shownHeaders = ["location", "strict-transport-security", "server", "content-type", "content-length", "alt-svc"]

    private func judge(_ context: ProbeContext, _ head: HTTPResponseHead, summary: HTTPSummary, mark: Deadline, interim: HTTPResponseReader) {
        var summary = summary
        summary.status = head.status
        summary.statusLine = head.statusLine
        for name in Self.shownHeaders { if let value = head.value(name) { summary.headers[name] = value } }
        context.report.http = summary
        let options = context.options
        var facts = ["status": String(head.status), "status_line": head.statusLine]
        var diagnoses: [Diagnosis] = []
        let location = head.value("location")
        if let location { facts["location"] = location }
        let certificateRefused = context.clientCertificateRequestedButNotSent && [400, 403, 495, 496].contains(head.status)
        if certificateRefused {
            facts["ca_names"] = context.requestedClientCANames
            diagnoses.append(context.diagnosis(DiagnosisID.httpClientCertRequired, facts))
        } else if let expected = options.expectStatus {
            if !expected.contains(head.status) {
                facts["expected"] = expected.map(String.init).joined(separator: ", ")
                diagnoses.append(context.diagnosis(DiagnosisID.httpUnexpectedStatus, facts))
            }
        } else if head.status >= 500 {
            diagnoses.append(context.diagnosis(DiagnosisID.httpStatus5xx, facts))
        } else if head.status >= 400 {
            diagnoses.append(context.diagnosis(DiagnosisID.httpStatus4xx, facts))
        }
        if (300..<400).contains(head.status), let location {
            let downgrade = location.lowercased().hasPrefix("http://")
            diagnoses.append(context.diagnosis(downgrade ? DiagnosisID.httpRedirectDowngrade : DiagnosisID.httpRedirect, facts))
        }
        if summary.headerBytes > HTTPResponseParser.largeHeadBytes {
            let limit = "\(HTTPResponseParser.largeHeadBytes / 1024) KB"
            diagnoses.append(context.diagnosis(DiagnosisID.httpHeadersTooLarge, ["bytes": String(summary.headerBytes), "limit": limit]))
        }
        if (200..<300).contains(head.status) {
            if let hsts = head.value("strict-transport-security") {
                if let maxAge = HSTS.maxAge(hsts) {
                    facts["max_age"] = String(maxAge)
                    if maxAge < HSTS.recommendedMinimum { diagnoses.append(context.diagnosis(DiagnosisID.httpHSTSShort, facts)) }
                } else {
                    // Without a valid max-age a browser ignores the header (RFC 6797 §8.1).
                    facts["header"] = String(hsts.prefix(120))
                    diagnoses.append(context.diagnosis(DiagnosisID.httpHSTSNoMaxAge, facts))
                }
            } else {
                diagnoses.append(context.diagnosis(DiagnosisID.httpNoHSTS, facts))
            }
        }
        var details = HTTPDetails()
        details.request = summary.request
        details.status = head.status
        details.timeToFirstByteMs = summary.timeToFirstByteMs.map(StageReport.rounded)
        var text = "\(summary.request) → \(head.statusLine)"
        if interim.interimCount > 0 { text += " (after \(interim.interimLabel))" }
        if let location { text += ", Location: \(location)" }
        if let hsts = head.value("strict-transport-security") { text += ", HSTS \(hsts.prefix(40))" }
        if let server = head.value("server") { text += ", Server: \(server.prefix(30))" }
        context.complete(StageReport(name: .http, status: .ok, durationMs: summary.timeToFirstByteMs, summary: text, details: .http(details)), diagnoses: diagnoses)
    }
}

enum HSTS {
    /// Half a year, the floor the HSTS preload list asks for is one year; browsers' advice is ≥ 6 months.
    static let recommendedMinimum = 15_552_000

    static func maxAge(_ header: String) -> Int? {
        for directive in header.split(separator: ";") {
            let parts = directive.split(separator: "=", maxSplits: 1).map { String($0).trimmingWhitespace() }
            if parts.count == 2, parts[0].lowercased() == "max-age" {
                // delta-seconds: digits only ("-1", "1e6" or "" make the header invalid).
                let value = parts[1].trimmingScalars { $0 == "\"" }
                guard !value.isEmpty, value.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
                return Int(value)
            }
        }
        return nil
    }
}
