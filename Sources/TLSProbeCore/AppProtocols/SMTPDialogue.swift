/// SMTP (RFC 5321) with STARTTLS (RFC 3207): greeting, EHLO, STARTTLS, 220 — and after TLS a
/// fresh EHLO, whose capability list is what a mail client now sees.
typealias SMTPDialogue = CapabilityDialogue<SMTPDialect>

struct SMTPDialect: LineDialect {
    static let greetingAwaited = "the SMTP greeting (220)"
    static let capabilityCommandName = "EHLO"
    static let upgradeCommand = "STARTTLS"
    static let goodbye = "QUIT"

    var clientName = "tlsprobe.invalid"

    var capabilityCommand: String { "EHLO \(clientName)" }

    mutating func read(_ phase: CapabilityPhase, _ buffer: inout [UInt8], log: inout DialogueLog, found: inout CapabilityFindings) -> DialectAnswer {
        let original = buffer
        let reply: CodedReply
        switch CodedReply.take(&buffer) {
        case .incomplete: return .needMore
        case .notCoded: return otherProtocol(original)
        case .reply(let parsed): reply = parsed
        }
        for (index, line) in reply.lines.enumerated() { log.server("\(reply.code)\(index == reply.lines.count - 1 ? " " : "-")\(line)") }
        switch phase {
        case .greeting:
            found.greeting = reply.summary
            guard reply.code == 220 else {
                return .failed(reply.code == 554 || reply.code == 421 ? .refused(reply: reply.summary) : .unexpected(reply: reply.summary, expected: "220 greeting"))
            }
            return .greeted
        case .capabilities:
            guard reply.code == 250 else { return .failed(.unexpected(reply: reply.summary, expected: "250 to EHLO")) }
            found.capabilities = reply.lines.dropFirst().map { $0.uppercased() }
            found.capabilitiesAnswered = true
            return .listed
        case .upgrade:
            guard reply.code == 220 else {
                return .failed((400..<600).contains(reply.code) ? .refused(reply: reply.summary) : .unexpected(reply: reply.summary, expected: "220 to STARTTLS"))
            }
            return .goAhead
        }
    }

    static func refusalBeforeUpgrade(_ found: CapabilityFindings) -> DialogueFailure? {
        found.capabilities.contains(where: { $0 == "STARTTLS" || $0.hasPrefix("STARTTLS ") }) ? nil : .notOffered(offered: found.capabilities)
    }
}
