/// SMTP (RFC 5321) with STARTTLS (RFC 3207): greeting, EHLO, STARTTLS, 220 — and after TLS a
/// fresh EHLO, whose capability list is what a mail client now sees.
struct SMTPDialogue: Dialogue {
    enum Mode { case startTLS, afterTLS(expectGreeting: Bool) }
    private enum State { case greeting, ehlo, startTLS, finished }

    let mode: Mode
    let clientName: String
    private var state: State
    /// EHLO keywords, upper-cased ("STARTTLS", "AUTH PLAIN LOGIN", "SIZE 10240000").
    private(set) var capabilities: [String] = []
    private(set) var greeting: String?
    private(set) var lastReply: CodedReply?

    init(mode: Mode, clientName: String = "tlsprobe.invalid") {
        self.mode = mode
        self.clientName = clientName
        switch mode {
        case .startTLS, .afterTLS(expectGreeting: true): state = .greeting
        case .afterTLS(expectGreeting: false): state = .ehlo
        }
    }

    private var ehloSent = false

    var waitingFor: String {
        switch state {
        case .greeting: "the SMTP greeting (220)"
        case .ehlo: "the reply to EHLO"
        case .startTLS: "the reply to STARTTLS"
        case .finished: "nothing"
        }
    }

    mutating func step(_ buffer: inout [UInt8], log: inout DialogueLog) -> DialogueStep {
        if state == .ehlo && !ehloSent {
            ehloSent = true
            return .send(DialogueText.bytes("EHLO \(clientName)"), shown: "EHLO \(clientName)")
        }
        let original = buffer
        let reply: CodedReply
        switch CodedReply.take(&buffer) {
        case .incomplete: return .needMore
        case .notCoded:
            let (name, preview) = DialogueText.identify(original)
            return .failed(.otherProtocol(detected: name, preview: preview))
        case .reply(let parsed): reply = parsed
        }
        for (index, line) in reply.lines.enumerated() { log.server("\(reply.code)\(index == reply.lines.count - 1 ? " " : "-")\(line)") }
        lastReply = reply
        switch state {
        case .greeting:
            greeting = reply.summary
            guard reply.code == 220 else {
                return .failed(reply.code == 554 || reply.code == 421 ? .refused(reply: reply.summary) : .unexpected(reply: reply.summary, expected: "220 greeting"))
            }
            state = .ehlo
            ehloSent = true
            return .send(DialogueText.bytes("EHLO \(clientName)"), shown: "EHLO \(clientName)")
        case .ehlo:
            guard reply.code == 250 else { return .failed(.unexpected(reply: reply.summary, expected: "250 to EHLO")) }
            capabilities = reply.lines.dropFirst().map { $0.uppercased() }
            if case .afterTLS = mode {
                state = .finished
                return .done
            }
            guard capabilities.contains(where: { $0 == "STARTTLS" || $0.hasPrefix("STARTTLS ") }) else {
                return .failed(.notOffered(offered: capabilities))
            }
            state = .startTLS
            return .send(DialogueText.bytes("STARTTLS"), shown: "STARTTLS")
        case .startTLS:
            guard reply.code == 220 else {
                return .failed((400..<600).contains(reply.code) ? .refused(reply: reply.summary) : .unexpected(reply: reply.summary, expected: "220 to STARTTLS"))
            }
            state = .finished
            return .done
        case .finished:
            return .done
        }
    }

    /// Sent after the application exchange so the server logs a clean end.
    static let goodbye = DialogueText.bytes("QUIT")
}
