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
    }

    let start: Deadline
    private(set) var messages: [Message] = []
    private(set) var verifyErrors: [VerificationError] = []
    private(set) var receivedAlert: (level: UInt8, description: UInt8)?
    private(set) var sentAlert: (level: UInt8, description: UInt8)?
    /// The first bytes the peer sent, raw, to recognise peers that do not speak TLS.
    private(set) var firstReceivedBytes: [UInt8] = []
    private(set) var totalReceivedBytes = 0
    private(set) var totalSentBytes = 0

    /// Full bytes are kept only for the messages we parse; others keep their size.
    private static let keptHandshakeTypes: Set<UInt8> = [
        HandshakeType.clientHello, HandshakeType.serverHello, HandshakeType.certificateRequest,
        HandshakeType.serverKeyExchange, HandshakeType.encryptedExtensions,
    ]

    init(start: Deadline) {
        self.start = start
    }

    func recordMessage(sent: Bool, contentType: Int32, buffer: UnsafeRawBufferPointer) {
        guard contentType == 20 || contentType == 21 || contentType == 22 else { return }
        let kind = buffer.first ?? 0
        let keep = contentType == 21 || (contentType == 22 && Self.keptHandshakeTypes.contains(kind))
        messages.append(Message(
            sent: sent, contentType: contentType, kind: kind, bytes: keep ? Array(buffer) : [],
            size: buffer.count, atMs: Deadline.millisecondsSince(start)))
        if contentType == 21, buffer.count >= 2 {
            if sent { sentAlert = (buffer[0], buffer[1]) } else { receivedAlert = (buffer[0], buffer[1]) }
        }
    }

    func recordVerifyError(_ error: VerificationError) {
        // OpenSSL may report the same error twice (e.g. once per chain-building attempt).
        if !verifyErrors.contains(error) { verifyErrors.append(error) }
    }

    func recordReceived(_ bytes: [UInt8]) {
        totalReceivedBytes += bytes.count
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

    /// "ServerHello", "Certificate", … the last handshake message either side produced, for
    /// "the server closed after X".
    /// The last handshake message as a diagnosis fact: catalogue templates read "after {after}",
    /// so this must not start with "after" itself (it used to, giving "after after our ClientHello").
    var lastMessagePoint: String {
        guard let last = messages.last(where: { $0.contentType == 22 }) else {
            return totalSentBytes > 0 ? "our first bytes" : "connecting"
        }
        let name = HandshakeType.name(last.kind)
        return last.sent ? "our \(name)" : "the server's \(name)"
    }

    var lastMessageDescription: String {
        guard let last = messages.last(where: { $0.contentType == 22 }) else {
            return totalSentBytes > 0 ? "before sending anything (after our ClientHello)" : "before the ClientHello was sent"
        }
        let name = HandshakeType.name(last.kind)
        return last.sent ? "after our \(name)" : "after the server's \(name)"
    }

    func messageLog() -> [HandshakeMessage] {
        messages.enumerated().map { index, message in
            let type: String
            switch message.contentType {
            case 20: type = "ChangeCipherSpec"
            case 21:
                let level = message.bytes.first == 2 ? "fatal" : "warning"
                let code = message.bytes.count > 1 ? message.bytes[1] : 0
                type = "Alert \(level) \(TLSAlert.name(for: code) ?? "unknown") (\(code))"
            default: type = HandshakeType.name(message.kind)
            }
            return HandshakeMessage(direction: message.sent ? "sent" : "received", type: type, bytes: message.size, atMs: StageReport.rounded(message.atMs))
        }
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
