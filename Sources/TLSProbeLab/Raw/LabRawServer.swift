/// A plain TCP server (on loopback by default) that misbehaves in one chosen way (see `LabRawBehaviour`).
public final class LabRawServer: LabServer {
    public let host: String
    public let behaviour: LabRawBehaviour
    private let loop: LabAcceptLoop

    public init(
        _ behaviour: LabRawBehaviour, host: String = "127.0.0.1", port: UInt16 = 0,
        limits: LabServerLimits = LabServerLimits(), observer: LabConnectionObserver? = nil
    ) throws {
        self.host = host
        self.behaviour = behaviour
        let log = LabConnectionLog()
        loop = try LabAcceptLoop(host: host, port: port, limits: limits) { connection in
            let index = log.begin()
            log.update(index) { $0.peer = connection.peerDescription }
            observer?(log.record(index))
            Self.serve(connection, behaviour)
        }
    }

    deinit { loop.stop() }

    public var port: UInt16 { loop.port }
    public var connectionCount: Int { loop.connectionCount }
    public func stop() { loop.stop() }

    private static func serve(_ connection: LabConnectionSocket, _ behaviour: LabRawBehaviour) {
        switch behaviour {
        case .stallAfterAccept:
            connection.hold()
        case .closeAfterAccept:
            break
        case .resetAfterAccept:
            connection.resetOnClose()
        case .closeAfterClientHello:
            connection.readFirstTLSRecord()
        case .resetAfterClientHello:
            connection.readFirstTLSRecord()
            connection.resetOnClose()
        case .stallAfterClientHello:
            connection.readFirstTLSRecord()
            connection.hold()
        case .banner(let text):
            connection.write(Array(text.utf8))
            connection.hold()
        case .plainHTTP:
            connection.read()
            connection.write(LabRawBehaviour.badRequestResponse)
        case .garbage(let bytes):
            connection.readFirstTLSRecord()
            connection.write(bytes)
        case .trickle(let bytes, let interval):
            connection.readFirstTLSRecord()
            connection.trickle(bytes, interval: interval)
        case .alertAfterClientHello(let level, let description):
            connection.readFirstTLSRecord()
            connection.write([0x15, 0x03, 0x03, 0x00, 0x02, level, description])
        case .httpFile(let body, let contentType):
            var request: [UInt8] = []
            while request.count < 16_384, !request.containsHeadEnd, let chunk = connection.read() { request += chunk }
            let head = "HTTP/1.1 200 OK\r\nContent-Type: \(contentType)\r\nContent-Length: \(body.count)\r\nConnection: close\r\n\r\n"
            connection.write(Array(head.utf8) + body)
        case .sslv2ServerHello(let certificate, let kinds):
            // A two-byte SSL 2.0 header has its high bit set; a TLS record starts with 20…23.
            guard let header = connection.read(exactly: 2), header[0] & 0x80 != 0,
                  let body = connection.read(exactly: Int(header[0] & 0x7F) << 8 | Int(header[1])),
                  let offered = LabSSLv2.clientCipherKinds(body) else { return }
            connection.write(LabSSLv2.serverHello(certificate: certificate, cipherKinds: kinds.filter(offered.contains)))
        case .script(let handler):
            handler(connection.fd)
        }
    }
}

private extension [UInt8] {
    /// Whether an HTTP request head is complete (a blank line).
    var containsHeadEnd: Bool {
        count >= 4 && indices.dropLast(3).contains { self[$0] == 13 && self[$0 + 1] == 10 && self[$0 + 2] == 13 && self[$0 + 3] == 10 }
    }
}
