import Glibc
import TLSProbeCore

public enum LabPorts {
    /// A loopback port with nothing listening (bound to port 0, then closed), for "connection
    /// refused". Another process could grab it in between; on a test machine that is rare enough.
    public static func closedPort(host: String = "127.0.0.1") throws -> UInt16 {
        let listener = try LabListeningSocket(host: host, port: 0, backlog: 1)
        close(listener.fd)
        return listener.port
    }
}

/// A port nothing listens on, as a `LabServer` (for the "connection refused" scenario).
public final class LabClosedPort: LabServer, @unchecked Sendable {
    public let host: String
    public let port: UInt16
    /// With `port` 0: the socket that holds the port until `stop()`, bound and never listening.
    /// A port released at once could be handed to the next server started in parallel (a
    /// "refused" scenario then connected to another test's TLS server and exited 0).
    private let reservation: Int32?
    private let lock = ConditionLock()
    private var stopped = false  // under `lock`

    /// `port` 0 picks a free one and keeps it; any other port is checked to be free (binding it
    /// must work) and released, as `lab serve` names fixed ports.
    public init(host: String = "127.0.0.1", port: UInt16 = 0) throws {
        self.host = host
        if port == 0 {
            let socket = try LabListeningSocket(host: host, port: 0, backlog: nil)
            self.port = socket.port
            reservation = socket.fd
        } else {
            close(try LabListeningSocket(host: host, port: port, backlog: 1).fd)
            self.port = port
            reservation = nil
        }
    }

    deinit { stop() }

    public var connectionCount: Int { 0 }

    public func stop() {
        let first = lock.withLock {
            defer { stopped = true }
            return !stopped
        }
        if first, let reservation { close(reservation) }
    }
}
