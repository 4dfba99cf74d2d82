import Foundation
import TLSProbeLab

/// A loopback HTTP server for CA Issuers URLs, good and hostile: each path answers one way.
/// Built on a raw lab server, so a test sees exactly the bytes and behaviour it asked for.
final class AIAServer: @unchecked Sendable {
    enum Route {
        /// 200 with this body (and a Content-Length).
        case body([UInt8], contentType: String)
        /// A redirect to `location` (absolute or relative).
        case redirect(status: Int, location: String)
        /// Read the request, then say nothing for this long.
        case stall(seconds: Double)
        /// 200 without a length, then bytes until the client hangs up (or 8 MB).
        case endless
        /// 200 declaring a body of this many bytes, sending only a little of it.
        case declaredLength(Int)
        /// 404.
        case notFound
    }

    private let lock = NSLock()
    private var routes: [String: Route] = [:]
    private var hits: [String] = []
    private var server: LabRawServer!

    init() throws {
        server = try LabRawServer(.script { [unowned self] fd in self.serve(fd) })
    }

    var port: UInt16 { server.port }
    func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

    func route(_ path: String, _ route: Route) { lock.withLock { routes[path] = route } }
    /// Paths requested so far, in order.
    var requested: [String] { lock.withLock { hits } }

    private func serve(_ fd: Int32) {
        guard let path = Self.readRequestPath(fd) else { return }
        let route = lock.withLock { () -> Route? in
            hits.append(path)
            return routes[path]
        }
        switch route ?? .notFound {
        case .body(let body, let type):
            send(fd, Array("HTTP/1.1 200 OK\r\nContent-Type: \(type)\r\nContent-Length: \(body.count)\r\nConnection: close\r\n\r\n".utf8) + body)
        case .redirect(let status, let location):
            send(fd, Array("HTTP/1.1 \(status) Moved\r\nLocation: \(location)\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".utf8))
        case .stall(let seconds):
            Thread.sleep(forTimeInterval: seconds)
        case .endless:
            guard send(fd, Array("HTTP/1.0 200 OK\r\nContent-Type: application/pkix-cert\r\n\r\n".utf8)) else { return }
            let chunk = [UInt8](repeating: 0x30, count: 16 * 1024)
            for _ in 0..<512 where send(fd, chunk) {}
        case .declaredLength(let length):
            send(fd, Array("HTTP/1.1 200 OK\r\nContent-Type: application/pkix-cert\r\nContent-Length: \(length)\r\n\r\n".utf8) + [UInt8](repeating: 0x30, count: 1024))
            Thread.sleep(forTimeInterval: 0.5)
        case .notFound:
            send(fd, Array("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".utf8))
        }
    }

    @discardableResult
    private func send(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard sent > 0 else { return false }
            offset += sent
        }
        return true
    }

    /// "GET /path HTTP/1.0" → "/path"; bounded to 8 KB and 3 s.
    private static func readRequestPath(_ fd: Int32) -> String? {
        var buffer: [UInt8] = []
        let limit = Date().addingTimeInterval(3)
        while buffer.count < 8192, Date() < limit {
            var pollfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&pollfd, 1, 200) >= 0 else { return nil }
            if pollfd.revents == 0 { continue }
            var chunk = [UInt8](repeating: 0, count: 2048)
            let count = recv(fd, &chunk, chunk.count, 0)
            guard count > 0 else { return nil }
            buffer += chunk[0..<count]
            let text = String(decoding: buffer, as: UTF8.self)
            if text.contains("\r\n\r\n") {
                let parts = text.split(separator: " ", maxSplits: 2)
                return parts.count >= 2 ? String(parts[1]) : nil
            }
        }
        return nil
    }

    func stop() { server.stop() }
}
