/// POP3 (RFC 1939) with STLS (RFC 2595): greeting, CAPA (RFC 2449), STLS, +OK — and after TLS
/// a fresh CAPA.
typealias POP3Dialogue = CapabilityDialogue<POP3Dialect>

struct POP3Dialect: LineDialect {
    static let greetingAwaited = "the POP3 greeting (+OK)"
    static let capabilityCommandName = "CAPA"
    static let upgradeCommand = "STLS"
    static let goodbye = "QUIT"

    let capabilityCommand = "CAPA"
    /// Inside CAPA's multi-line list, which ends with ".".
    private var inList = false

    mutating func read(_ phase: CapabilityPhase, _ buffer: inout [UInt8], log: inout DialogueLog, found: inout CapabilityFindings) -> DialectAnswer {
        let original = buffer
        if !inList, let first = buffer.first, first != UInt8(ascii: "+"), first != UInt8(ascii: "-") {
            return otherProtocol(original)
        }
        guard let line = DialogueText.takeLine(&buffer) else { return .needMore }
        log.server(line)
        let upper = line.uppercased()
        switch phase {
        case .greeting:
            found.greeting = line
            if upper.hasPrefix("-ERR") { return .failed(.refused(reply: line)) }
            guard upper.hasPrefix("+OK") else { return otherProtocol(original) }
            return .greeted
        case .capabilities:
            if inList {
                if line == "." { inList = false; return .listed }
                found.capabilities.append(upper.hasPrefix("..") ? String(upper.dropFirst()) : upper)
                return .more
            }
            if upper.hasPrefix("+OK") {
                found.capabilitiesAnswered = true
                inList = true
                return .more
            }
            return .listed  // -ERR: no CAPA. After TLS that ends the exchange; before it, STLS may still work.
        case .upgrade:
            return upper.hasPrefix("+OK") ? .goAhead : .failed(.refused(reply: line))
        }
    }

    static func refusalBeforeUpgrade(_ found: CapabilityFindings) -> DialogueFailure? {
        found.capabilitiesAnswered && !found.capabilities.contains("STLS") ? .notOffered(offered: found.capabilities) : nil
    }
}
