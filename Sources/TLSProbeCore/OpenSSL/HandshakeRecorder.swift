/// Collects what crossed the wire during one handshake, from OpenSSL's message and verify
/// callbacks and from the socket loop. Confined to the probe's thread (callbacks run inside
/// SSL_do_handshake / SSL_read on that same thread).
final class HandshakeRecorder {
    struct Message {
        let sent: Bool
        /// TLS content type (20 ChangeCipherSpec, 21 Alert, 22 Handshake, 23 ApplicationData).
        let contentType: Int32
        /// First byte of the message: handshake type, or alert level.
        let kind: UInt8
        /// Kept only for the messages we parse (and alerts); empty otherwise.
        let bytes: [UInt8]
        let size: Int
        let atMs: Double
        /// Identical messages in a row (same direction, type and size) fold into one entry.
        var count = 1
    }

    let start: Deadline
    /// At most `maxMessageEntries` entries, repeats folded: a flood costs a counter, not memory.
    private(set) var messages: [Message] = []
    /// Messages that arrived after the entries were full, by direction/content type/kind.
    private(set) var unlistedMessages: [UInt32: (count: Int, bytes: Int)] = [:]
    /// Handshake messages the server sent after the handshake completed (tickets, KeyUpdate, HelloRequest).
    private(set) var postHandshakeMessages = 0
    private var handshakeCompleted = false
    /// Type and claimed length of each plaintext handshake header the server sent.
    private var headerScanner = HandshakeHeaderScanner()
    private(set) var verifyErrors: [VerificationError] = []
    private(set) var receivedAlert: (level: UInt8, description: UInt8)?
    private(set) var sentAlert: (level: UInt8, description: UInt8)?
    /// The first bytes the peer sent, raw, to recognise peers that do not speak TLS.
    private(set) var firstReceivedBytes: [UInt8] = []
    private(set) var totalReceivedBytes = 0
    /// Set when the server's certificate list was too long to decode whole (CertificateListCut).
    var certificateListCut: CertificateListCut?
    /// False: every list is decoded whole (the client matrix judges each client on the full list).
    var cutsLongCertificateLists = true
    private(set) var totalSentBytes = 0

    /// Full bytes are kept only for the messages we parse; others keep their size.
    private static let keptHandshakeTypes: Set<UInt8> = [
        HandshakeType.clientHello, HandshakeType.serverHello, HandshakeType.certificateRequest,
        HandshakeType.serverKeyExchange, HandshakeType.encryptedExtensions,
    ]

    /// Distinct entries kept (a real handshake has about 15; folding makes floods one entry each).
    static let maxMessageEntries = 64
    /// Post-handshake handshake messages read before the server counts as flooding: real servers
    /// send one to four (session tickets, a KeyUpdate).
    static let maxPostHandshakeMessages = 100
    /// Bytes kept of one message we parse: a ServerHello or CertificateRequest is far smaller;
    /// the parsers only read what is there.
    static let maxKeptBytes = 64 * 1024

    init(start: Deadline) {
        self.start = start
    }

    /// The handshake finished: handshake messages from now on are post-handshake.
    func markHandshakeCompleted() {
        handshakeCompleted = true
        postHandshakeStartIndex = messages.count
    }
    private var postHandshakeStartIndex = 0

    /// True once the server sent more post-handshake messages than any real server does.
    var postHandshakeFlood: Bool { postHandshakeMessages > Self.maxPostHandshakeMessages }

    /// Claimed headers of the server's plaintext handshake messages, in order (at most 16).
    var plaintextHandshakeHeaders: [HandshakeHeaderScanner.Header] { headerScanner.headers }

    func recordMessage(sent: Bool, contentType: Int32, buffer: UnsafeRawBufferPointer) {
        guard contentType == 20 || contentType == 21 || contentType == 22 else { return }
        let kind = buffer.first ?? 0
        if contentType == 22 && !sent && handshakeCompleted { postHandshakeMessages += 1 }
        if contentType == 21, buffer.count >= 2 {
            if sent { sentAlert = (buffer[0], buffer[1]) } else { receivedAlert = (buffer[0], buffer[1]) }
        }
        let keep = contentType == 21 || (contentType == 22 && Self.keptHandshakeTypes.contains(kind))
        if contentType != 21 && keep == false, let last = messages.last, last.sent == sent, last.contentType == contentType, last.kind == kind, last.size == buffer.count {
            messages[messages.count - 1].count += 1
            return
        }
        guard messages.count < Self.maxMessageEntries else {
            let key = UInt32(sent ? 1 : 0) << 16 | UInt32(contentType) << 8 | UInt32(kind)
            let previous = unlistedMessages[key] ?? (0, 0)
            unlistedMessages[key] = (previous.count + 1, previous.bytes + buffer.count)
            return
        }
        messages.append(Message(
            sent: sent, contentType: contentType, kind: kind, bytes: keep ? Array(buffer.prefix(Self.maxKeptBytes)) : [],
            size: buffer.count, atMs: Deadline.millisecondsSince(start)))
    }

    func recordVerifyError(_ error: VerificationError) {
        // OpenSSL may report the same error twice (e.g. once per chain-building attempt).
        if !verifyErrors.contains(error) { verifyErrors.append(error) }
    }

    func recordReceived(_ bytes: [UInt8]) {
        totalReceivedBytes += bytes.count
        headerScanner.scan(bytes)
        if firstReceivedBytes.count < 512 { firstReceivedBytes += bytes.prefix(512 - firstReceivedBytes.count) }
    }

    func recordSent(count: Int) { totalSentBytes += count }

    // MARK: Queries

    func firstHandshake(_ type: UInt8, sent: Bool) -> (message: Message, index: Int)? {
        for (index, message) in messages.enumerated() where message.contentType == 22 && message.kind == type && message.sent == sent {
            return (message, index)
        }
        return nil
    }

    func hasReceived(_ type: UInt8) -> Bool { firstHandshake(type, sent: false) != nil }

    /// "our ClientHello", "the server's Certificate", …: the last handshake message either side
    /// produced, for sentences like "the server closed the connection after {after}".
    var lastMessageDescription: String {
        guard let last = messages.last(where: { $0.contentType == 22 }) else {
            return totalSentBytes > 0 ? "our first bytes" : "the TCP connection opened"
        }
        let name = HandshakeType.name(last.kind)
        return last.sent ? "our \(name)" : "the server's \(name)"
    }

    /// The messages in order, repeats folded into one entry with a count; what came after the
    /// entries were full is summed per type at the end.
    func messageLog() -> [HandshakeMessage] {
        var log = messages.enumerated().map { index, message in
            var type: String
            switch message.contentType {
            case 20: type = "ChangeCipherSpec"
            case 21:
                let level = message.bytes.first == 2 ? "fatal" : "warning"
                let code = message.bytes.count > 1 ? message.bytes[1] : 0
                type = "Alert \(level) \(TLSAlert.name(for: code) ?? "unknown") (\(code))"
            default: type = HandshakeType.name(message.kind)
            }
            if message.contentType == 22 && !message.sent && message.kind == HandshakeType.helloRequest {
                // OpenSSL answers a HelloRequest with a ClientHello (renegotiation) only when idle;
                // during a handshake it ignores it. The next entry says which happened.
                let next = messages.indices.contains(index + 1) ? messages[index + 1] : nil
                let answered = message.count == 1 && next.map { $0.sent && $0.contentType == 22 && $0.kind == HandshakeType.clientHello } == true
                type += answered ? " (renegotiation)" : " (ignored)"
            }
            return HandshakeMessage(direction: message.sent ? "sent" : "received", type: type, bytes: message.size,
                                    atMs: StageReport.rounded(message.atMs), count: message.count)
        }
        let lastMs = messages.last.map { StageReport.rounded($0.atMs) } ?? 0
        for (key, tally) in unlistedMessages.sorted(by: { $0.key < $1.key }) {
            let contentType = Int32(key >> 8 & 0xFF), kind = UInt8(key & 0xFF)
            let name = contentType == 20 ? "ChangeCipherSpec" : contentType == 21 ? "Alert" : HandshakeType.name(kind)
            log.append(HandshakeMessage(direction: key >> 16 == 1 ? "sent" : "received", type: "\(name) (after the log was full)",
                                        bytes: tally.bytes / max(tally.count, 1), atMs: lastMs, count: tally.count))
        }
        return log
    }

    /// "HelloRequest × 101, NewSessionTicket × 2": what the server sent after the handshake.
    func postHandshakeSummary() -> String {
        var counts: [(name: String, count: Int)] = []
        func add(_ name: String, _ count: Int) {
            if let index = counts.firstIndex(where: { $0.name == name }) { counts[index].count += count } else { counts.append((name, count)) }
        }
        for message in messages.dropFirst(postHandshakeStartIndex) where message.contentType == 22 && !message.sent {
            add(HandshakeType.name(message.kind), message.count)
        }
        for (key, tally) in unlistedMessages where key >> 16 == 0 && key >> 8 & 0xFF == 22 {
            add(HandshakeType.name(UInt8(key & 0xFF)), tally.count)
        }
        return counts.map { "\($0.name) × \($0.count)" }.joined(separator: ", ")
    }
}

enum HandshakeType {
    static let helloRequest: UInt8 = 0
    static let clientHello: UInt8 = 1
    static let serverHello: UInt8 = 2
    static let newSessionTicket: UInt8 = 4
    static let encryptedExtensions: UInt8 = 8
    static let certificate: UInt8 = 11
    static let serverKeyExchange: UInt8 = 12
    static let certificateRequest: UInt8 = 13
    static let serverHelloDone: UInt8 = 14
    static let certificateVerify: UInt8 = 15
    static let clientKeyExchange: UInt8 = 16
    static let finished: UInt8 = 20
    static let certificateStatus: UInt8 = 22
    static let keyUpdate: UInt8 = 24

    static func name(_ type: UInt8) -> String {
        switch type {
        case helloRequest: "HelloRequest"
        case clientHello: "ClientHello"
        case serverHello: "ServerHello"
        case newSessionTicket: "NewSessionTicket"
        case encryptedExtensions: "EncryptedExtensions"
        case certificate: "Certificate"
        case serverKeyExchange: "ServerKeyExchange"
        case certificateRequest: "CertificateRequest"
        case serverHelloDone: "ServerHelloDone"
        case certificateVerify: "CertificateVerify"
        case clientKeyExchange: "ClientKeyExchange"
        case finished: "Finished"
        case certificateStatus: "CertificateStatus"
        case keyUpdate: "KeyUpdate"
        default: "handshake message \(type)"
        }
    }
}
