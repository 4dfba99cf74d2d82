/// IMAP (RFC 9051 / 3501) with STARTTLS (RFC 2595): greeting, CAPABILITY, STARTTLS, OK — and
/// after TLS a fresh CAPABILITY (the list changes once the connection is protected).
struct IMAPDialogue: Dialogue {
    enum Mode { case startTLS, afterTLS(expectGreeting: Bool) }
    private enum State { case greeting, capability, startTLS, finished }

    let mode: Mode
    private var state: State
    private var sentCapability = false
    private var untagged: [String] = []
    private(set) var capabilities: [String] = []
    private(set) var greeting: String?

    init(mode: Mode) {
        self.mode = mode
        switch mode {
        case .startTLS, .afterTLS(expectGreeting: true): state = .greeting
        case .afterTLS(expectGreeting: false): state = .capability
        }
    }

    var waitingFor: String {
        switch state {
        case .greeting: "the IMAP greeting (* OK)"
        case .capability: "the reply to CAPABILITY"
        case .startTLS: "the reply to STARTTLS"
        case .finished: "nothing"
        }
    }

    mutating func step(_ buffer: inout [UInt8], log: inout DialogueLog) -> DialogueStep {
        if state == .capability && !sentCapability {
            sentCapability = true
            return .send(DialogueText.bytes("a1 CAPABILITY"), shown: "a1 CAPABILITY")
        }
        while true {
            if buffer.first.map({ $0 != UInt8(ascii: "*") && $0 != UInt8(ascii: "a") && $0 != UInt8(ascii: "+") }) == true {
                let (name, preview) = DialogueText.identify(buffer)
                return .failed(.otherProtocol(detected: name, preview: preview))
            }
            let original = buffer
            guard let line = DialogueText.takeLine(&buffer) else { return .needMore }
            log.server(line)
            switch state {
            case .greeting:
                greeting = line
                let upper = line.uppercased()
                if upper.hasPrefix("* BYE") { return .failed(.refused(reply: line)) }
                guard upper.hasPrefix("* OK") || upper.hasPrefix("* PREAUTH") else {
                    let (name, preview) = DialogueText.identify(original)
                    return .failed(.otherProtocol(detected: name, preview: preview))
                }
                state = .capability
                sentCapability = true
                return .send(DialogueText.bytes("a1 CAPABILITY"), shown: "a1 CAPABILITY")
            case .capability:
                let upper = line.uppercased()
                if upper.hasPrefix("* CAPABILITY ") {
                    capabilities = upper.dropFirst("* CAPABILITY ".count).split(separator: " ").map(String.init)
                    continue
                }
                if upper.hasPrefix("* ") { untagged.append(line); continue }
                guard upper.hasPrefix("A1 ") else { return .failed(.unexpected(reply: line, expected: "a1 OK to CAPABILITY")) }
                guard upper.hasPrefix("A1 OK") else { return .failed(.unexpected(reply: line, expected: "a1 OK to CAPABILITY")) }
                if case .afterTLS = mode {
                    state = .finished
                    return .done
                }
                guard capabilities.contains("STARTTLS") else { return .failed(.notOffered(offered: capabilities)) }
                state = .startTLS
                return .send(DialogueText.bytes("a2 STARTTLS"), shown: "a2 STARTTLS")
            case .startTLS:
                let upper = line.uppercased()
                if upper.hasPrefix("* ") { continue }
                if upper.hasPrefix("A2 OK") {
                    state = .finished
                    return .done
                }
                if upper.hasPrefix("A2 NO") || upper.hasPrefix("A2 BAD") { return .failed(.refused(reply: line)) }
                return .failed(.unexpected(reply: line, expected: "a2 OK to STARTTLS"))
            case .finished:
                return .done
            }
        }
    }

    static let goodbye = DialogueText.bytes("a9 LOGOUT")
}
