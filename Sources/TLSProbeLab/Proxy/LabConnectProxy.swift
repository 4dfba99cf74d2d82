import FoundationEssentials
import TLSProbeCore
import Glibc

/// How the lab CONNECT proxy answers.
public enum LabProxyMode: Sendable {
    /// 200, then relay bytes to the upstream port on the proxy's own loopback address.
    case tunnel(upstreamPort: UInt16)
    /// 407 Proxy Authentication Required, unless the request carries `Proxy-Authorization: Basic
    /// base64(credentials)`, in which case it tunnels like `.tunnel`.
    case authRequired(credentials: String?, upstreamPort: UInt16)
    /// 403 Forbidden.
    case denied
    /// 502 Bad Gateway.
    case badGateway
    /// Reads the request and closes without a word.
    case close
    /// Answers with something that is not HTTP.
    case notHTTP
}

/// A minimal HTTP CONNECT proxy on loopback. Whatever authority the client asks for, a tunnel
/// only ever goes to `host:upstreamPort`, so nothing leaves the machine. Records each request head.
public final class LabConnectProxy: LabServer {
    public let host: String
    public let mode: LabProxyMode
    private let loop: LabAcceptLoop
    private let log = LabProxyLog()

    public init(_ mode: LabProxyMode, host: String = "127.0.0.1", limits: LabServerLimits = LabServerLimits()) throws {
        self.host = host
        self.mode = mode
        let log = self.log
        loop = try LabAcceptLoop(host: host, port: 0, limits: limits) { connection in
            Self.serve(connection, mode: mode, host: host, log: log)
        }
    }

    deinit { loop.stop() }

    public var port: UInt16 { loop.port }
    public var connectionCount: Int { loop.connectionCount }
    /// The request heads received, e.g. "CONNECT example.test:443 HTTP/1.1\r\nHost: …".
    public var requests: [String] { log.snapshot }
    public var url: String { host.contains(":") ? "http://[\(host)]:\(port)" : "http://\(host):\(port)" }
    public func stop() { loop.stop() }

    private static func serve(_ connection: LabConnectionSocket, mode: LabProxyMode, host: String, log: LabProxyLog) {
        guard let head = readHead(connection) else { return }
        log.append(head)
        switch mode {
        case .tunnel(let upstream):
            tunnel(connection, host: host, upstreamPort: upstream)
        case .authRequired(let credentials, let upstream):
            let expected = credentials.map { "proxy-authorization: basic " + Data($0.utf8).base64EncodedString().lowercased() }
            if let expected, head.lowercased().contains(expected) {
                tunnel(connection, host: host, upstreamPort: upstream)
            } else {
                connection.write(Array("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"lab\"\r\nContent-Length: 0\r\n\r\n".utf8))
            }
        case .denied:
            connection.write(Array("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n".utf8))
        case .badGateway:
            connection.write(Array("HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n".utf8))
        case .close:
            break
        case .notHTTP:
            connection.write(Array("SSH-2.0-OpenSSH_9.2\r\n".utf8))
        }
    }

    /// The request head up to the blank line (at most 16 KB).
    private static func readHead(_ connection: LabConnectionSocket) -> String? {
        var bytes: [UInt8] = []
        while bytes.count < 16_384 {
            guard let chunk = connection.read(maximum: 1) else { return nil }
            bytes += chunk
            if bytes.count >= 4 && bytes.suffix(4) == [13, 10, 13, 10] { return String(decoding: bytes, as: UTF8.self) }
        }
        return nil
    }

    private static func tunnel(_ connection: LabConnectionSocket, host: String, upstreamPort: UInt16) {
        guard let upstream = try? LabOutboundSocket(host: host, port: upstreamPort) else {
            connection.write(Array("HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n".utf8))
            return
        }
        defer { upstream.close() }
        guard connection.write(Array("HTTP/1.1 200 Connection established\r\n\r\n".utf8)) else { return }
        relay(connection.fd, upstream.fd, until: { connection.isStopping })
    }

    /// Copies bytes both ways until either side closes (or the proxy stops).
    private static func relay(_ a: Int32, _ b: Int32, until stopping: () -> Bool) {
        var fds = [pollfd(fd: a, events: Int16(POLLIN), revents: 0), pollfd(fd: b, events: Int16(POLLIN), revents: 0)]
        var buffer = [UInt8](repeating: 0, count: 16_384)
        while !stopping() {
            let ready = poll(&fds, 2, 200)
            if ready < 0 && errno != EINTR { return }
            for index in 0..<2 where fds[index].revents != 0 {
                let from = fds[index].fd, to = fds[1 - index].fd
                let count = recv(from, &buffer, buffer.count, 0)
                guard count > 0 else { return }
                var sent = 0
                while sent < count {
                    let written = buffer[sent..<count].withUnsafeBytes { send(to, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                    guard written > 0 else { return }
                    sent += written
                }
            }
        }
    }
}

/// Request heads seen by a lab proxy, readable from the test thread.
final class LabProxyLog: @unchecked Sendable {
    private let lock = ConditionLock()
    private var heads: [String] = []
    func append(_ head: String) { lock.withLock { heads.append(head) } }
    var snapshot: [String] { lock.withLock { heads } }
}
