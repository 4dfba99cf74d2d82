/// LDAP's StartTLS extended operation (RFC 4511 §4.14, OID 1.3.6.1.4.1.1466.20037) and, after
/// TLS, the "Who am I?" extended operation (RFC 4532) as the application check. A hand-written
/// BER encoder/decoder for exactly these two messages.
struct LDAPDialogue: Dialogue {
    enum Mode { case startTLS, afterTLS }

    static let startTLSOID = "1.3.6.1.4.1.1466.20037"
    static let whoAmIOID = "1.3.6.1.4.1.4203.1.11.3"

    let mode: Mode
    private var sent = false
    private(set) var resultCode: Int?
    private(set) var diagnosticMessage: String?
    /// After TLS: the authorization identity ("" for an anonymous session).
    private(set) var authzID: String?

    init(mode: Mode) { self.mode = mode }

    var waitingFor: String { mode == .startTLS ? "the StartTLS extended response" : "the WhoAmI extended response" }

    /// LDAPMessage { messageID 1, ExtendedRequest [APPLICATION 23] { requestName [0] oid } }.
    static func extendedRequest(oid: String, messageID: UInt8 = 1) -> [UInt8] {
        let name = tlv(0x80, Array(oid.utf8))
        return tlv(0x30, [0x02, 0x01, messageID] + tlv(0x77, name))
    }

    static func tlv(_ tag: UInt8, _ value: [UInt8]) -> [UInt8] {
        let count = value.count
        let length: [UInt8] = count < 128 ? [UInt8(count)] : (count < 256 ? [0x81, UInt8(count)] : [0x82, UInt8(count >> 8), UInt8(count & 0xFF)])
        return [tag] + length + value
    }

    /// One BER element at the front of `bytes`: tag, value range, total size; nil when incomplete.
    static func element(_ bytes: ArraySlice<UInt8>) -> (tag: UInt8, value: ArraySlice<UInt8>, size: Int)? {
        guard bytes.count >= 2 else { return nil }
        let start = bytes.startIndex
        let tag = bytes[start]
        let first = bytes[start + 1]
        var length = 0
        var header = 2
        if first & 0x80 == 0 {
            length = Int(first)
        } else {
            let count = Int(first & 0x7F)
            guard count >= 1, count <= 3, bytes.count >= 2 + count else { return nil }
            for offset in 0..<count { length = length << 8 | Int(bytes[start + 2 + offset]) }
            header += count
        }
        guard bytes.count >= header + length else { return nil }
        return (tag, bytes[(start + header)..<(start + header + length)], header + length)
    }

    mutating func step(_ buffer: inout [UInt8], log: inout DialogueLog) -> DialogueStep {
        if !sent {
            sent = true
            let oid = mode == .startTLS ? Self.startTLSOID : Self.whoAmIOID
            return .send(Self.extendedRequest(oid: oid), shown: "ExtendedRequest \(mode == .startTLS ? "StartTLS" : "WhoAmI") (\(oid))")
        }
        guard let first = buffer.first else { return .needMore }
        guard first == 0x30 else {
            let (name, preview) = DialogueText.identify(buffer)
            return .failed(.otherProtocol(detected: name, preview: preview))
        }
        guard let message = Self.element(buffer[...]) else {
            return buffer.count > 8 && buffer[1] & 0x7F > 3 && buffer[1] & 0x80 != 0 ? .failed(.unexpected(reply: SafeText.hex(Array(buffer.prefix(8))), expected: "an LDAP message")) : .needMore
        }
        buffer.removeFirst(message.size)
        // messageID, then the protocolOp: ExtendedResponse [APPLICATION 24] (0x78), or a Notice of
        // Disconnection (also 0x78, messageID 0).
        guard let id = Self.element(message.value), let op = Self.element(message.value.dropFirst(id.size)) else {
            return .failed(.unexpected(reply: "malformed LDAPMessage", expected: "an ExtendedResponse"))
        }
        guard op.tag == 0x78, let code = Self.element(op.value), code.tag == 0x0A else {
            return .failed(.unexpected(reply: "LDAP operation tag 0x\(String(op.tag, radix: 16))", expected: "an ExtendedResponse"))
        }
        let result = code.value.reduce(0) { $0 << 8 | Int($1) }
        resultCode = result
        let matched = Self.element(op.value.dropFirst(code.size))
        let diagnostic = matched.flatMap { Self.element(op.value.dropFirst(code.size + $0.size)) }
        diagnosticMessage = diagnostic.map { SafeText.escape(bytes: $0.value) }
        var rest = op.value.dropFirst(code.size + (matched?.size ?? 0) + (diagnostic?.size ?? 0))
        while let element = Self.element(rest) {
            if element.tag == 0x8B { authzID = SafeText.escape(bytes: element.value) }  // responseValue [11]
            rest = rest.dropFirst(element.size)
        }
        let words = "resultCode \(result) (\(Self.resultName(result)))" + (diagnosticMessage.map { $0.isEmpty ? "" : ": \($0)" } ?? "")
        log.server("ExtendedResponse " + words)
        if mode == .afterTLS {
            if authzID == nil && result == 0 { authzID = "" }
            return .done
        }
        switch result {
        case 0: return .done
        case 2, 12:
            // protocolError / unavailableCriticalExtension: the server does not know StartTLS.
            return .failed(.notOffered(offered: []))
        default:
            return .failed(.refused(reply: words))
        }
    }

    static func resultName(_ code: Int) -> String {
        switch code {
        case 0: "success"
        case 1: "operationsError"
        case 2: "protocolError"
        case 12: "unavailableCriticalExtension"
        case 13: "confidentialityRequired"
        case 51: "busy"
        case 52: "unavailable"
        case 53: "unwillingToPerform"
        case 80: "other"
        default: "code \(code)"
        }
    }
}
