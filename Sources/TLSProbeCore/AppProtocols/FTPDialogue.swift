/// FTP (RFC 959) with AUTH TLS (RFC 4217): greeting, FEAT (RFC 2389), AUTH TLS, 234 — and after
/// TLS a fresh FEAT.
struct FTPDialogue: Dialogue {
    enum Mode { case startTLS, afterTLS(expectGreeting: Bool) }
    private enum State { case greeting, feat, auth, finished }

    let mode: Mode
    private var state: State
    private var sentFeat = false
    private(set) var featAnswered = false
    private(set) var capabilities: [String] = []
    private(set) var greeting: String?

    init(mode: Mode) {
        self.mode = mode
        switch mode {
        case .startTLS, .afterTLS(expectGreeting: true): state = .greeting
        case .afterTLS(expectGreeting: false): state = .feat
        }
    }

    var waitingFor: String {
        switch state {
        case .greeting: "the FTP greeting (220)"
        case .feat: "the reply to FEAT"
        case .auth: "the reply to AUTH TLS"
        case .finished: "nothing"
        }
    }

    mutating func step(_ buffer: inout [UInt8], log: inout DialogueLog) -> DialogueStep {
        if state == .feat && !sentFeat {
            sentFeat = true
            return .send(DialogueText.bytes("FEAT"), shown: "FEAT")
        }
        let original = buffer
        let reply: CodedReply
        switch CodedReply.take(&buffer, allowBareContinuation: true) {
        case .incomplete: return .needMore
        case .notCoded:
            let (name, preview) = DialogueText.identify(original)
            return .failed(.otherProtocol(detected: name, preview: preview))
        case .reply(let parsed): reply = parsed
        }
        for line in reply.lines { log.server("\(reply.code) \(line)") }
        switch state {
        case .greeting:
            greeting = reply.summary
            guard reply.code == 220 else {
                return .failed(reply.code == 421 ? .refused(reply: reply.summary) : .unexpected(reply: reply.summary, expected: "220 greeting"))
            }
            state = .feat
            sentFeat = true
            return .send(DialogueText.bytes("FEAT"), shown: "FEAT")
        case .feat:
            if reply.code == 211 {
                featAnswered = true
                capabilities = reply.lines.dropFirst().dropLast().map { $0.trimmingSpaces.uppercased() }.filter { !$0.isEmpty }
            }
            if case .afterTLS = mode {
                state = .finished
                return .done
            }
            state = .auth
            return .send(DialogueText.bytes("AUTH TLS"), shown: "AUTH TLS")
        case .auth:
            if reply.code == 234 {
                state = .finished
                return .done
            }
            if featAnswered && !capabilities.contains(where: { $0.hasPrefix("AUTH") && $0.contains("TLS") }) {
                return .failed(.notOffered(offered: capabilities))
            }
            return .failed(.refused(reply: reply.summary))
        case .finished:
            return .done
        }
    }

    static let goodbye = DialogueText.bytes("QUIT")
}
