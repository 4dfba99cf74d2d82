internal import COpenSSL

/// The WebSocket opening handshake (RFC 6455 §4): an HTTP/1.1 GET with Upgrade, answered by
/// `101 Switching Protocols` and a Sec-WebSocket-Accept derived from our key.
struct WebSocketDialogue: Dialogue {
    let host: String
    let path: String
    let subprotocol: String?
    let userAgent: String
    let key: String
    private var sent = false
    private(set) var head: HTTPResponseHead?
    private(set) var acceptMatches = false

    init(host: String, path: String, subprotocol: String?, userAgent: String, key: String = WebSocketDialogue.randomKey()) {
        self.host = host
        self.path = path
        self.subprotocol = subprotocol
        self.userAgent = userAgent
        self.key = key
    }

    var waitingFor: String { "the reply to the WebSocket upgrade" }

    var request: String {
        var text = "GET \(path) HTTP/1.1\r\nHost: \(host)\r\nUser-Agent: \(userAgent)\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        text += "Sec-WebSocket-Key: \(key)\r\nSec-WebSocket-Version: 13\r\n"
        if let subprotocol { text += "Sec-WebSocket-Protocol: \(subprotocol)\r\n" }
        return text + "\r\n"
    }

    mutating func step(_ buffer: inout [UInt8], log: inout DialogueLog) -> DialogueStep {
        if !sent {
            sent = true
            return .send(Array(request.utf8), shown: "GET \(path) HTTP/1.1, Upgrade: websocket\(subprotocol.map { ", Sec-WebSocket-Protocol: \($0)" } ?? "")")
        }
        switch HTTPResponseParser.parse(buffer) {
        case .incomplete:
            return .needMore
        case .notHTTP:
            let (name, preview) = DialogueText.identify(buffer)
            return .failed(.otherProtocol(detected: name, preview: preview))
        case .complete(let head, let headBytes):
            buffer.removeSubrange(0..<min(headBytes, buffer.count))
            self.head = head
            log.server(head.statusLine)
            for name in ["upgrade", "connection", "sec-websocket-accept", "sec-websocket-protocol", "server"] {
                if let value = head.value(name) { log.server("\(name): \(value)") }
            }
            acceptMatches = head.value("sec-websocket-accept")?.trimmingSpaces == Self.expectedAccept(for: key)
            return .done
        }
    }

    /// base64(SHA-1(key + the RFC 6455 GUID)).
    static func expectedAccept(for key: String) -> String {
        let input = Array((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").utf8)
        var digest = [UInt8](repeating: 0, count: 20)
        var length: UInt32 = 0
        _ = input.withUnsafeBytes { bytes in
            EVP_Digest(bytes.baseAddress, bytes.count, &digest, &length, EVP_sha1(), nil)
        }
        return base64(digest)
    }

    static func randomKey() -> String {
        base64((0..<16).map { _ in UInt8.random(in: 0...255) })
    }

    static func base64(_ bytes: [UInt8]) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
        var output = ""
        var index = 0
        while index < bytes.count {
            let chunk = bytes[index..<min(index + 3, bytes.count)]
            let value = chunk.enumerated().reduce(0) { $0 | Int($1.element) << (16 - 8 * $1.offset) }
            for position in 0..<4 {
                output.append(position <= chunk.count ? alphabet[(value >> (18 - 6 * position)) & 0x3F] : "=")
            }
            index += 3
        }
        return output
    }
}
