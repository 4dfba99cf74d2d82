/// IMAP (RFC 9051 / 3501) with STARTTLS (RFC 2595): greeting, CAPABILITY, STARTTLS, OK — and
/// after TLS a fresh CAPABILITY (the list changes once the connection is protected).
typealias IMAPDialogue = CapabilityDialogue<IMAPDialect>

struct IMAPDialect: LineDialect {
    static let greetingAwaited = "the IMAP greeting (* OK)"
    static let capabilityCommandName = "CAPABILITY"
    static let upgradeCommand = "a2 STARTTLS"
    static let upgradeCommandName = "STARTTLS"
    static let goodbye = "a9 LOGOUT"

    let capabilityCommand = "a1 CAPABILITY"

    mutating func read(_ phase: CapabilityPhase, _ buffer: inout [UInt8], log: inout DialogueLog, found: inout CapabilityFindings) -> DialectAnswer {
        if buffer.first.map({ $0 != UInt8(ascii: "*") && $0 != UInt8(ascii: "a") && $0 != UInt8(ascii: "+") }) == true {
            return otherProtocol(buffer)
        }
        let original = buffer
        guard let line = DialogueText.takeLine(&buffer) else { return .needMore }
        log.server(line)
        let upper = line.uppercased()
        switch phase {
        case .greeting:
            found.greeting = line
            if upper.hasPrefix("* BYE") { return .failed(.refused(reply: line)) }
            guard upper.hasPrefix("* OK") || upper.hasPrefix("* PREAUTH") else { return otherProtocol(original) }
            return .greeted
        case .capabilities:
            if upper.hasPrefix("* CAPABILITY ") {
                found.capabilities = upper.dropFirst("* CAPABILITY ".count).split(separator: " ").map(String.init)
                return .more
            }
            if upper.hasPrefix("* ") { return .more }  // other untagged data
            guard upper.hasPrefix("A1 OK") else { return .failed(.unexpected(reply: line, expected: "a1 OK to CAPABILITY")) }
            found.capabilitiesAnswered = true
            return .listed
        case .upgrade:
            if upper.hasPrefix("* ") { return .more }
            if upper.hasPrefix("A2 OK") { return .goAhead }
            if upper.hasPrefix("A2 NO") || upper.hasPrefix("A2 BAD") { return .failed(.refused(reply: line)) }
            return .failed(.unexpected(reply: line, expected: "a2 OK to STARTTLS"))
        }
    }

    static func refusalBeforeUpgrade(_ found: CapabilityFindings) -> DialogueFailure? {
        found.capabilities.contains("STARTTLS") ? nil : .notOffered(offered: found.capabilities)
    }
}
