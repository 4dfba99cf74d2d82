import FoundationEssentials
import Glibc
import TLSProbeCore

/// A loopback address:port whose TCP connect never completes, so a client's connect times out.
///
/// How: a socket listens with a backlog of 0 and never accepts. Linux keeps at most backlog + 1
/// established connections in the accept queue; the blackhole fills it with its own connections,
/// after which the kernel drops every further SYN, and the client sits in SYN_SENT retrying.
public final class LabBlackhole: LabServer {
    public let host: String
    public let port: UInt16
    private let listenerFD: Int32
    // Only written in init and deinit: safe to share, as the protocol requires Sendable.
    private let fillerFDs: [Int32]

    public init(host: String = "127.0.0.1", port: UInt16 = 0) throws {
        let listener = try LabListeningSocket(host: host, port: port, backlog: 0)
        // The fillers must reach the listener: a wildcard address is reached through loopback.
        let fillHost = host == "0.0.0.0" ? "127.0.0.1" : (host == "::" ? "::1" : host)
        var fillers: [Int32] = []
        do {
            // Two fill the queue (backlog 0 → one slot, plus the one Linux allows over it); a third
            // makes sure even if the kernel's arithmetic differs by one.
            for _ in 0..<3 { fillers.append(try Self.startConnect(host: fillHost, port: listener.port)) }
            try Self.waitUntilFull(host: fillHost, port: listener.port)
        } catch {
            fillers.forEach { close($0) }
            close(listener.fd)
            throw error
        }
        self.host = host
        self.port = listener.port
        self.listenerFD = listener.fd
        self.fillerFDs = fillers
    }

    deinit {
        fillerFDs.forEach { close($0) }
        close(listenerFD)
    }

    public var connectionCount: Int { 0 }

    /// Nothing to stop: the queue is released when the object goes away.
    public func stop() {}

    /// Starts a nonblocking connect and returns its descriptor.
    static func startConnect(host: String, port: UInt16) throws -> Int32 {
        let address = try SocketAddress.lab(host, port)
        let fd = socket(address.family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw LabError.posix("socket") }
        let result = address.withSockaddr { connect(fd, $0, $1) }
        if result != 0 && errno != EINPROGRESS {
            let code = errno
            close(fd)
            throw LabError.posix("connect to the blackhole", errno: code)
        }
        return fd
    }

    /// true when a connect to host:port completed within `timeout`.
    static func connectCompletes(host: String, port: UInt16, within timeout: TimeInterval) throws -> Bool {
        let fd = try startConnect(host: host, port: port)
        defer { close(fd) }
        var descriptor = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
        return poll(&descriptor, 1, Int32(timeout * 1000)) > 0
    }

    /// The queue fills asynchronously (the handshakes finish in the kernel): probe until a fresh
    /// connect stops completing quickly.
    private static func waitUntilFull(host: String, port: UInt16) throws {
        for _ in 0..<20 {
            if try !connectCompletes(host: host, port: port, within: 0.2) { return }
        }
        throw LabError("the blackhole on \(host):\(port) still accepts connections: the accept queue did not fill")
    }
}
