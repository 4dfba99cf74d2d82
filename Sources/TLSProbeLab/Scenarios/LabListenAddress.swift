import Glibc

/// Where a lab server listens: a numeric IPv4 or IPv6 address and a port (0 = the kernel picks).
public struct LabListenAddress: Sendable, Hashable {
    public var host: String
    public var port: UInt16

    public init(host: String = "127.0.0.1", port: UInt16 = 0) {
        self.host = host
        self.port = port
    }

    /// 127.0.0.1, a port the kernel picks: what tests and `tlsprobe demo` use.
    public static let loopback = LabListenAddress()

    /// true for 127.0.0.0/8 and ::1: only this machine can connect.
    public var isLoopback: Bool {
        host == "::1" || host.hasPrefix("127.")
    }

    /// 0.0.0.0 or :: (every interface).
    public var isWildcard: Bool {
        host == "0.0.0.0" || host == "::"
    }
}

extension LabListenAddress {
    /// Checks that `host` is a numeric address the lab can bind (brackets around IPv6 allowed):
    /// the lab never resolves names, so it listens exactly where it is told.
    public init(numeric host: String, port: UInt16) throws {
        let bare = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        var scratch = [UInt8](repeating: 0, count: 16)
        let family = bare.contains(":") ? AF_INET6 : AF_INET
        guard inet_pton(family, bare, &scratch) == 1 else {
            throw LabError("'\(host)' is not a numeric IPv4 or IPv6 address (e.g. 127.0.0.1, 0.0.0.0, ::1, 192.168.1.10)")
        }
        self.init(host: bare, port: port)
    }

    /// How a URL spells the host: IPv6 in brackets.
    public var urlHost: String { host.contains(":") ? "[\(host)]" : host }
}
