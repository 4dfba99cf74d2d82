import Glibc

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
public final class LabClosedPort: LabServer {
    public let host: String
    public let port: UInt16

    /// `port` 0 picks a free one; any other port is checked to be free (binding it must work).
    public init(host: String = "127.0.0.1", port: UInt16 = 0) throws {
        self.host = host
        if port == 0 {
            self.port = try LabPorts.closedPort(host: host)
        } else {
            close(try LabListeningSocket(host: host, port: port, backlog: 1).fd)
            self.port = port
        }
    }

    public var connectionCount: Int { 0 }
    public func stop() {}
}
