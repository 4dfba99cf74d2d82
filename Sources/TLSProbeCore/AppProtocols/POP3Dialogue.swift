/// POP3 (RFC 1939) with STLS (RFC 2595): greeting, CAPA (RFC 2449), STLS, +OK — and after TLS
/// a fresh CAPA.
struct POP3Dialogue: Dialogue {
    enum Mode { case startTLS, afterTLS(expectGreeting: Bool) }
    private enum State { case greeting, capa, capaList, stls, finished }

    let mode: Mode
    private var state: State
    private var sentCapa = false
    /// Whether the server answered CAPA at all (a server without CAPA may still know STLS).
    private(set) var capaAnswered = false
    private(set) var capabilities: [String] = []
    private(set) var greeting: String?

    init(mode: Mode) {
        self.mode = mode
        switch mode {
        case .startTLS, .afterTLS(expectGreeting: true): state = .greeting
        case .afterTLS(expectGreeting: false): state = .capa
        }
    }

    var waitingFor: String {
        switch state {
        case .greeting: "the POP3 greeting (+OK)"
        case .capa, .capaList: "the reply to CAPA"
        case .stls: "the reply to STLS"
        case .finished: "nothing"
        }
    }

    mutating func step(_ buffer: inout [UInt8], log: inout DialogueLog) -> DialogueStep {
        if state == .capa && !sentCapa {
            sentCapa = true
            return .send(DialogueText.bytes("CAPA"), shown: "CAPA")
        }
        while true {
            let original = buffer
            if state != .capaList, let first = buffer.first, first != UInt8(ascii: "+"), first != UInt8(ascii: "-") {
                let (name, preview) = DialogueText.identify(original)
                return .failed(.otherProtocol(detected: name, preview: preview))
            }
            guard let line = DialogueText.takeLine(&buffer) else { return .needMore }
            log.server(line)
            let upper = line.uppercased()
            switch state {
            case .greeting:
                greeting = line
                if upper.hasPrefix("-ERR") { return .failed(.refused(reply: line)) }
                guard upper.hasPrefix("+OK") else {
                    let (name, preview) = DialogueText.identify(original)
                    return .failed(.otherProtocol(detected: name, preview: preview))
                }
                state = .capa
                sentCapa = true
                return .send(DialogueText.bytes("CAPA"), shown: "CAPA")
            case .capa:
                if upper.hasPrefix("+OK") {
                    capaAnswered = true
                    state = .capaList
                    continue
                }
                // -ERR: no CAPA. After TLS that ends the exchange; before it, STLS may still work.
                if case .afterTLS = mode { state = .finished; return .done }
                state = .stls
                return .send(DialogueText.bytes("STLS"), shown: "STLS")
            case .capaList:
                if line == "." {
                    if case .afterTLS = mode { state = .finished; return .done }
                    guard capabilities.contains("STLS") else { return .failed(.notOffered(offered: capabilities)) }
                    state = .stls
                    return .send(DialogueText.bytes("STLS"), shown: "STLS")
                }
                capabilities.append(upper.hasPrefix("..") ? String(upper.dropFirst()) : upper)
            case .stls:
                if upper.hasPrefix("+OK") {
                    state = .finished
                    return .done
                }
                return .failed(.refused(reply: line))
            case .finished:
                return .done
            }
        }
    }

    static let goodbye = DialogueText.bytes("QUIT")
}
