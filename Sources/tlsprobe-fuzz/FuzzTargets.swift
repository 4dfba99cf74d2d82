import TLSProbeCore

/// The parsers that read bytes from the network or the user, each wrapped with the property it
/// must keep: never crash, and never let a control character through to what the report shows.
enum FuzzTargets {
    static let all: [String: @Sendable ([UInt8]) -> Void] = [
        "peer-bytes": { bytes in
            switch PeerBytesClassifier.classify(bytes) {
            case .plainHTTP(let line): requireSafe(line)
            case .banner(let name, let line): requireSafe(name); requireSafe(line)
            case .garbage(let hex, let preview): requireSafe(hex); requireSafe(preview)
            case .tls, .nothing: break
            }
        },
        "http-head": { bytes in
            switch HTTPResponseParser.parse(bytes) {
            case .complete(let head, let headBytes):
                precondition(headBytes <= bytes.count)
                requireSafe(head.statusLine)
                for (name, value) in head.headers { requireSafe(name); requireSafe(value) }
            case .notHTTP(let preview): requireSafe(preview)
            case .incomplete: break
            }
        },
        "http-reader": { bytes in
            // The first byte picks the split point and whether an upgrade was asked for; the rest is
            // the stream, in two reads.
            var reader = HTTPResponseReader(upgradeRequested: bytes.first.map { $0 & 1 == 1 } ?? false)
            let stream = Array(bytes.dropFirst())
            let split = min(stream.count, Int(bytes.first ?? 0) / 2)
            for chunk in [Array(stream[..<split]), Array(stream[split...])] {
                switch reader.feed(chunk) {
                case .final(let head, let headBytes):
                    precondition(headBytes <= stream.count && (!(100..<200).contains(head.status) || head.status == 101))
                    requireSafe(head.statusLine)
                case .notHTTP(let preview): requireSafe(preview)
                case .unrequestedSwitch(let head): requireSafe(head.statusLine)
                case .incomplete, .headTooLarge, .tooManyInterim: break
                }
            }
            precondition(reader.interimCount <= HTTPResponseReader.maxInterimResponses + 1)
            requireSafe(reader.interimLabel)
        },
        "target": { bytes in
            let text = String(decoding: bytes, as: UTF8.self)
            do {
                let target = try ProbeTarget.parse(text)
                // Whatever is accepted is an ASCII host (IDNA applied) and a real port.
                precondition(target.host.unicodeScalars.allSatisfy { $0.isASCII && $0.value > 0x20 && $0.value != 0x7F })
                precondition((1...65535).contains(target.port))
            } catch {
                requireSafe(String(describing: error))
            }
        },
        "hello": { bytes in
            for text in HelloParserFuzzing.parse(bytes) { requireSafe(text) }
        },
        "safe-text": { bytes in
            requireSafe(SafeText.escape(bytes: bytes))
            if let text = String(validating: bytes, as: UTF8.self) { requireSafe(SafeText.escape(text)) }
        },
    ]

    /// The property every rendered server string has: no C0 (not even newline), DEL or C1.
    static func requireSafe(_ text: String) {
        for scalar in text.unicodeScalars {
            let value = scalar.value
            precondition(!(value < 0x20 || value == 0x7F || (0x80...0x9F).contains(value)),
                         "unescaped control U+\(String(value, radix: 16)) in \(text.debugDescription)")
        }
    }
}
