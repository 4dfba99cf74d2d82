/// "Does this server speak SSL 2.0?": an SSL 2.0 CLIENT-HELLO in SSL 2.0's own record format
/// (RFC 6176 prohibits the protocol; sslscan and testssl.sh ask the same way), and the first
/// answer. An SSL 2.0 server answers SERVER-HELLO with the cipher specs it shares; anything else
/// (a TLS alert, a close) does not speak it. Nothing past the SERVER-HELLO is sent. Reads are
/// bounded by the largest SSL 2.0 record and every wait by the deadline.
public enum SSLv2Hello {
    /// The seven SSL 2.0 cipher kinds (SSL 2.0 draft, appendix C), all offered.
    public static let cipherKinds: [(code: UInt32, name: String)] = [
        (0x010080, "SSL_CK_RC4_128_WITH_MD5"),
        (0x020080, "SSL_CK_RC4_128_EXPORT40_WITH_MD5"),
        (0x030080, "SSL_CK_RC2_128_CBC_WITH_MD5"),
        (0x040080, "SSL_CK_RC2_128_CBC_EXPORT40_WITH_MD5"),
        (0x050080, "SSL_CK_IDEA_128_CBC_WITH_MD5"),
        (0x060040, "SSL_CK_DES_64_CBC_WITH_MD5"),
        (0x0700C0, "SSL_CK_DES_192_EDE3_CBC_WITH_MD5"),
    ]

    public static func name(_ code: UInt32) -> String {
        cipherKinds.first { $0.code == code }?.name ?? "unknown cipher kind \(codeText(code))"
    }

    /// "0x010080".
    public static func codeText(_ code: UInt32) -> String { "0x" + SafeText.hex([UInt8(code >> 16), UInt8(code >> 8 & 0xFF), UInt8(code & 0xFF)], separator: "").uppercased() }

    /// SSL 2.0 record types in the first byte after the header.
    static let clientHelloType: UInt8 = 1
    static let serverHelloType: UInt8 = 4
    static let errorType: UInt8 = 0
    /// A two-byte header holds at most 32,767 bytes.
    static let maxRecord = 0x7FFF

    public enum Answer: Sendable, Equatable {
        /// SERVER-HELLO: the cipher specs it chose from ours, and the size of the certificate it sent.
        case serverHello(version: UInt16, cipherSpecs: [UInt32], certificateBytes: Int)
        /// An SSL 2.0 ERROR message (1 no cipher, 2 no certificate, 4 bad certificate, 6 unsupported certificate type).
        case error(UInt16)
        /// A TLS record (a modern server's alert, or a TLS ServerHello): not SSL 2.0.
        case tls(RawHelloOutcome)
        case closed
        case reset
        case timedOut
        case connectFailed(String)
        case malformed(String)

        public var speaksSSLv2: Bool {
            if case .serverHello = self { return true }
            return false
        }

        public var label: String {
            switch self {
            case .serverHello(let version, let specs, let certificate):
                "SSL 2.0 SERVER-HELLO (version \(hex(version))), \(specs.count) cipher spec\(specs.count == 1 ? "" : "s"), a \(certificate)-byte certificate"
            case .error(let code): "an SSL 2.0 ERROR message (\(code))"
            case .tls(let outcome): "a TLS answer: \(outcome.label)"
            case .closed: "connection closed"
            case .reset: "connection reset"
            case .timedOut: "no answer before the deadline"
            case .connectFailed(let text): "connect failed: \(text)"
            case .malformed(let text): "malformed answer: \(text)"
            }
        }
    }

    /// CLIENT-HELLO, version 0x0002, every cipher kind, no session id, a 16-byte challenge.
    public static func clientHello(challenge: [UInt8] = (0..<16).map { _ in UInt8.random(in: 0...255) }) -> [UInt8] {
        var specs: [UInt8] = []
        for kind in cipherKinds { specs += [UInt8(kind.code >> 16), UInt8(kind.code >> 8 & 0xFF), UInt8(kind.code & 0xFF)] }
        var body: [UInt8] = [clientHelloType, 0x00, 0x02]
        body += [UInt8(specs.count >> 8), UInt8(specs.count & 0xFF), 0, 0, UInt8(challenge.count >> 8), UInt8(challenge.count & 0xFF)]
        body += specs + challenge
        return [0x80 | UInt8(body.count >> 8), UInt8(body.count & 0xFF)] + body
    }

    public static func offer(to address: SocketAddress, deadline: Deadline) -> Answer {
        switch TCPSocket.connect(to: address, deadline: deadline) {
        case .failure(let failure): return .connectFailed(failure.label)
        case .success(let socket):
            defer { socket.close() }
            return exchange(over: socket, deadline: deadline)
        }
    }

    /// The CLIENT-HELLO over an open socket (after a STARTTLS upgrade, say); the caller closes it.
    static func exchange(over socket: TCPSocket, deadline: Deadline) -> Answer {
        switch socket.sendAll(clientHello(), deadline: deadline) {
        case .success, .failure(.reset), .failure(.closed): break
        case .failure(.timedOut): return .timedOut
        case .failure(.failed(let code)): return .malformed("send failed: \(systemErrorText(code))")
        }
        var reader = Reader()
        while true {
            switch socket.receive(limit: 16 * 1024, deadline: deadline) {
            case .data(let bytes): if let answer = reader.feed(bytes) { return answer }
            case .closed: return reader.end(.closed)
            case .reset: return reader.end(.reset)
            case .timedOut: return reader.end(.timedOut)
            case .failed(let code): return .malformed("read failed: \(systemErrorText(code))")
            }
        }
    }

    /// Collects one SSL 2.0 record (or hands TLS bytes to `ServerAnswerReader`).
    struct Reader {
        private var bytes: [UInt8] = []
        private var tls: ServerAnswerReader?

        mutating func feed(_ chunk: [UInt8]) -> Answer? {
            if tls != nil {
                if case .done(let outcome) = tls!.feed(chunk) { return .tls(outcome) }
                return nil
            }
            bytes += chunk
            guard let first = bytes.first else { return nil }
            // A TLS record type (alert, handshake …) with a 3.x version: a TLS server's answer.
            if (20...24).contains(first) {
                var reader = ServerAnswerReader()
                let state = reader.feed(bytes)
                tls = reader
                bytes = []
                if case .done(let outcome) = state { return .tls(outcome) }
                return nil
            }
            guard bytes.count >= 3 else { return nil }
            // Two-byte header (high bit set) or three-byte header (with padding).
            let header = first & 0x80 != 0 ? 2 : 3
            let length = header == 2 ? Int(first & 0x7F) << 8 | Int(bytes[1]) : Int(first & 0x3F) << 8 | Int(bytes[1])
            guard length > 0 else { return .malformed("an empty SSL 2.0 record") }
            guard bytes.count >= header + length else { return nil }
            return Self.parse(Array(bytes[header..<header + length]))
        }

        mutating func end(_ how: Answer) -> Answer {
            if var reader = tls {
                switch how {
                case .timedOut: return .tls(reader.timedOut())
                default: return .tls(reader.endOfStream(reset: how == .reset))
                }
            }
            if bytes.isEmpty { return how }
            return .malformed("\(how.label) inside an SSL 2.0 record (\(bytes.count) bytes: \(SafeText.hex(bytes.prefix(8))))")
        }

        /// SERVER-HELLO: type, session-id-hit, certificate type, version, certificate length,
        /// cipher specs length, connection id length, then the three fields.
        static func parse(_ record: [UInt8]) -> Answer {
            var reader = ByteReader(record)
            switch reader.u8() {
            case SSLv2Hello.serverHelloType?:
                guard reader.u8() != nil, reader.u8() != nil, let version = reader.u16(), let certificate = reader.u16(),
                      let specsLength = reader.u16(), let connectionID = reader.u16(), specsLength % 3 == 0,
                      reader.take(Int(certificate)) != nil, let specs = reader.take(Int(specsLength)), reader.take(Int(connectionID)) != nil
                else { return .malformed("an SSL 2.0 SERVER-HELLO that does not parse (\(record.count) bytes)") }
                let codes = stride(from: 0, to: specs.count, by: 3).map { index -> UInt32 in
                    let high = UInt32(specs[index]) << 16
                    let middle = UInt32(specs[index + 1]) << 8
                    return high | middle | UInt32(specs[index + 2])
                }
                return .serverHello(version: version, cipherSpecs: codes, certificateBytes: Int(certificate))
            case SSLv2Hello.errorType?:
                return .error(reader.u16() ?? 0)
            case let type?:
                return .malformed("an SSL 2.0 record of type \(type) where SERVER-HELLO belongs")
            case nil:
                return .malformed("an empty SSL 2.0 record")
            }
        }
    }
}
