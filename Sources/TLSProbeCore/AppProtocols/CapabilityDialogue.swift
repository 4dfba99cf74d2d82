/// The dialogue SMTP (RFC 3207), IMAP and POP3 (RFC 2595) and FTP (RFC 4217) share: the server
/// greets, the client asks what it can do, asks for TLS, and the server says go ahead. After TLS
/// the same dialogue asks again (with `expectGreeting` when the port speaks TLS at once), and the
/// list is what a client sees on the protected connection.
/// The phases, what is sent, what is awaited and when it is over live here; a `LineDialect` says
/// only how its protocol's replies read and what they mean.
struct CapabilityDialogue<Dialect: LineDialect>: Dialogue {
    enum Mode { case startTLS, afterTLS(expectGreeting: Bool) }

    let mode: Mode
    private var dialect: Dialect
    private var found = CapabilityFindings()
    /// nil once the dialogue is over.
    private var phase: CapabilityPhase?
    private var asked = false

    init(mode: Mode, dialect: Dialect = Dialect()) {
        self.mode = mode
        self.dialect = dialect
        switch mode {
        case .startTLS, .afterTLS(expectGreeting: true): phase = .greeting
        case .afterTLS(expectGreeting: false): phase = .capabilities
        }
    }

    var greeting: String? { found.greeting }
    var capabilities: [String] { found.capabilities }
    var capabilitiesAnswered: Bool { found.capabilitiesAnswered }
    /// Sent after the application exchange so the server logs a clean end.
    static var goodbye: [UInt8] { DialogueText.bytes(Dialect.goodbye) }

    var waitingFor: String {
        switch phase {
        case .greeting: Dialect.greetingAwaited
        case .capabilities: "the reply to \(Dialect.capabilityCommandName)"
        case .upgrade: "the reply to \(Dialect.upgradeCommandName)"
        case nil: "nothing"
        }
    }

    mutating func step(_ buffer: inout [UInt8], log: inout DialogueLog) -> DialogueStep {
        guard let current = phase else { return .done }
        if current == .capabilities && !asked { return askForCapabilities() }
        while true {
            switch dialect.read(current, &buffer, log: &log, found: &found) {
            case .needMore: return .needMore
            case .failed(let failure): return .failed(failure)
            case .more: continue
            case .greeted: return askForCapabilities()
            case .listed:
                if case .afterTLS = mode { phase = nil; return .done }
                if let refusal = Dialect.refusalBeforeUpgrade(found) { return .failed(refusal) }
                phase = .upgrade
                return send(Dialect.upgradeCommand)
            case .goAhead:
                phase = nil
                return .done
            }
        }
    }

    private mutating func askForCapabilities() -> DialogueStep {
        phase = .capabilities
        asked = true
        return send(dialect.capabilityCommand)
    }

    private func send(_ line: String) -> DialogueStep { .send(DialogueText.bytes(line), shown: line) }
}

enum CapabilityPhase { case greeting, capabilities, upgrade }

/// What the dialogue learned, filled in by the dialect as it reads.
struct CapabilityFindings {
    /// The server's greeting line (its summary for coded replies), once read.
    var greeting: String?
    /// What the server listed, upper-cased ("STARTTLS", "AUTH PLAIN LOGIN", "SIZE 10240000").
    var capabilities: [String] = []
    /// False when the server did not answer the capability request with a list at all (POP3
    /// without CAPA, FTP without FEAT): such a server may still know the upgrade.
    var capabilitiesAnswered = false
}

/// What one reply meant, as a dialect reads it.
enum DialectAnswer {
    case needMore
    case failed(DialogueFailure)
    /// A line that belongs to a longer answer (an untagged IMAP line, a POP3 list entry): read on.
    case more
    /// The greeting was a welcome.
    case greeted
    /// The capability request is answered (with a list or without one).
    case listed
    /// The server accepted the upgrade: TLS comes next.
    case goAhead
}

/// One line protocol's part of a `CapabilityDialogue`.
protocol LineDialect {
    init()
    /// "the SMTP greeting (220)"
    static var greetingAwaited: String { get }
    /// The command's name in "the reply to …" ("EHLO").
    static var capabilityCommandName: String { get }
    static var upgradeCommand: String { get }
    /// The upgrade command's name in "the reply to …" ("STARTTLS" for IMAP's "a2 STARTTLS").
    static var upgradeCommandName: String { get }
    static var goodbye: String { get }
    /// The line that asks for capabilities ("EHLO tlsprobe.invalid").
    var capabilityCommand: String { get }
    /// Reads one reply (or one line of one) from the front of `buffer`, logs it, records what it
    /// learned in `found`, and says what the reply meant in `phase`.
    mutating func read(_ phase: CapabilityPhase, _ buffer: inout [UInt8], log: inout DialogueLog, found: inout CapabilityFindings) -> DialectAnswer
    /// Why not to ask for the upgrade after the capability answer, or nil to ask.
    static func refusalBeforeUpgrade(_ found: CapabilityFindings) -> DialogueFailure?
}

extension LineDialect {
    static var upgradeCommandName: String { upgradeCommand }

    /// The failure for bytes that are not this protocol: names what they look like.
    func otherProtocol(_ bytes: [UInt8]) -> DialectAnswer {
        let (name, preview) = DialogueText.identify(bytes)
        return .failed(.otherProtocol(detected: name, preview: preview))
    }
}
