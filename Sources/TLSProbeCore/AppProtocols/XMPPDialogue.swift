/// XMPP client STARTTLS (RFC 6120 §5): open a stream, read the stream features, send
/// `<starttls/>`, expect `<proceed/>`. After TLS, a new stream and its features (the SASL
/// mechanisms the server now offers). Plain substring matching over a bounded buffer: enough to
/// recognise these few elements without an XML parser.
struct XMPPDialogue: Dialogue {
    enum Mode { case startTLS, afterTLS }
    private enum State { case opening, features, proceed, finished }

    let mode: Mode
    let domain: String
    private var state = State.opening
    private(set) var features: [String] = []

    init(mode: Mode, domain: String) {
        self.mode = mode
        self.domain = domain
    }

    static let tlsNamespace = "urn:ietf:params:xml:ns:xmpp-tls"

    var waitingFor: String {
        switch state {
        case .opening, .features: "the stream features"
        case .proceed: "the answer to <starttls/>"
        case .finished: "nothing"
        }
    }

    var streamHeader: String {
        "<?xml version='1.0'?><stream:stream to='\(domain)' version='1.0' xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'>"
    }

    mutating func step(_ buffer: inout [UInt8], log: inout DialogueLog) -> DialogueStep {
        switch state {
        case .opening:
            state = .features
            return .send(Array(streamHeader.utf8), shown: "<stream:stream to='\(domain)' version='1.0'>")
        case .finished:
            return .done
        case .features, .proceed:
            break
        }
        if let first = buffer.first(where: { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09) }), first != UInt8(ascii: "<") {
            let (name, preview) = DialogueText.identify(buffer)
            return .failed(.otherProtocol(detected: name, preview: preview))
        }
        let text = String(decoding: buffer, as: UTF8.self)
        if let error = Self.element("stream:error", in: text) {
            log.server(SafeText.escape(error))
            return .failed(.refused(reply: SafeText.escape(error)))
        }
        switch state {
        case .features:
            guard let range = text.firstRange(of: "</stream:features>") ?? text.firstRange(of: "<stream:features/>") else { return .needMore }
            let block = String(text[..<range.upperBound])
            buffer.removeFirst(block.utf8.count)
            features = Self.childNames(ofFeatures: block)
            log.server("<stream:features> " + features.joined(separator: ", "))
            if mode == .afterTLS {
                state = .finished
                return .done
            }
            guard block.contains(Self.tlsNamespace) else { return .failed(.notOffered(offered: features)) }
            state = .proceed
            return .send(Array("<starttls xmlns='\(Self.tlsNamespace)'/>".utf8), shown: "<starttls xmlns='\(Self.tlsNamespace)'/>")
        case .proceed:
            if let range = text.firstRange(of: "/>") ?? text.firstRange(of: "</proceed>") ?? text.firstRange(of: "</failure>") {
                let element = String(text[..<range.upperBound])
                buffer.removeFirst(element.utf8.count)
                log.server(SafeText.escape(element.trimmingSpaces))
                if element.contains("<proceed") {
                    state = .finished
                    return .done
                }
                return .failed(.refused(reply: SafeText.escape(element.trimmingSpaces)))
            }
            return .needMore
        default:
            return .done
        }
    }

    /// The text of `<name …>…</name>` or `<name …/>` when it is complete in `text`.
    static func element(_ name: String, in text: String) -> String? {
        guard let start = text.firstRange(of: "<" + name) else { return nil }
        let rest = text[start.lowerBound...]
        if let end = rest.firstRange(of: "</" + name + ">") { return String(rest[..<end.upperBound]) }
        return nil
    }

    /// "starttls", "mechanisms: PLAIN SCRAM-SHA-1", "register": the features' child elements.
    static func childNames(ofFeatures block: String) -> [String] {
        guard let open = block.firstRange(of: "<stream:features") else { return [] }
        var names: [String] = []
        var rest = block[open.upperBound...]
        guard let firstClose = rest.firstIndex(of: ">") else { return [] }
        rest = rest[rest.index(after: firstClose)...]
        var depth = 0
        while let tag = rest.firstIndex(of: "<") {
            rest = rest[rest.index(after: tag)...]
            guard let close = rest.firstIndex(of: ">") else { break }
            let inside = rest[..<close]
            rest = rest[rest.index(after: close)...]
            if inside.hasPrefix("/") { depth -= 1; continue }
            let name = String(inside.prefix { $0 != " " && $0 != "/" })
            if depth == 0 && name != "" {
                if name == "mechanisms" {
                    var scan = rest.firstRange(of: "</mechanisms>").map { rest[..<$0.lowerBound] } ?? rest
                    var list: [String] = []
                    while let open = scan.firstRange(of: "<mechanism>") {
                        scan = scan[open.upperBound...]
                        list.append(String(scan.prefix { $0 != "<" }))
                    }
                    names.append("mechanisms: " + list.joined(separator: " "))
                } else {
                    names.append(name)
                }
            }
            if !inside.hasSuffix("/") { depth += 1 }
        }
        return names.map(SafeText.escape)
    }
}
