/// FTP (RFC 959) with AUTH TLS (RFC 4217): greeting, FEAT (RFC 2389), AUTH TLS, 234 — and after
/// TLS a fresh FEAT.
typealias FTPDialogue = CapabilityDialogue<FTPDialect>

struct FTPDialect: LineDialect {
    static let greetingAwaited = "the FTP greeting (220)"
    static let capabilityCommandName = "FEAT"
    static let upgradeCommand = "AUTH TLS"
    static let goodbye = "QUIT"

    let capabilityCommand = "FEAT"

    mutating func read(_ phase: CapabilityPhase, _ buffer: inout [UInt8], log: inout DialogueLog, found: inout CapabilityFindings) -> DialectAnswer {
        let original = buffer
        let reply: CodedReply
        switch CodedReply.take(&buffer, allowBareContinuation: true) {
        case .incomplete: return .needMore
        case .notCoded: return otherProtocol(original)
        case .reply(let parsed): reply = parsed
        }
        for line in reply.lines { log.server("\(reply.code) \(line)") }
        switch phase {
        case .greeting:
            found.greeting = reply.summary
            guard reply.code == 220 else {
                return .failed(reply.code == 421 ? .refused(reply: reply.summary) : .unexpected(reply: reply.summary, expected: "220 greeting"))
            }
            return .greeted
        case .capabilities:
            if reply.code == 211 {
                found.capabilitiesAnswered = true
                found.capabilities = reply.lines.dropFirst().dropLast().map { $0.trimmingSpaces.uppercased() }.filter { !$0.isEmpty }
            }
            return .listed
        case .upgrade:
            if reply.code == 234 { return .goAhead }
            // Refused: "not offered" when FEAT listed features and AUTH TLS was not among them.
            if found.capabilitiesAnswered && !found.capabilities.contains(where: { $0.hasPrefix("AUTH") && $0.contains("TLS") }) {
                return .failed(.notOffered(offered: found.capabilities))
            }
            return .failed(.refused(reply: reply.summary))
        }
    }

    /// FTP servers often list no AUTH in FEAT and still accept it: always ask.
    static func refusalBeforeUpgrade(_ found: CapabilityFindings) -> DialogueFailure? { nil }
}
