import Glibc
import TLSProbeCore

/// A bound, listening TCP socket on a literal IPv4 or IPv6 address (no name resolution: the lab
/// must listen exactly where it is told, loopback by default).
struct LabListeningSocket {
    let fd: Int32
    let port: UInt16

    /// `backlog` nil: bound but never listening, without SO_REUSEADDR — the port stays this
    /// socket's (no other socket can bind it) and every connection to it is refused.
    init(host: String, port: UInt16, backlog: Int32?) throws {
        ProcessSignals.ignoreSIGPIPE()
        let address = try SocketAddress.lab(host, port)
        let fd = socket(address.family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw LabError.posix("socket(\(host))") }
        do {
            var one: Int32 = 1
            guard backlog == nil || setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size)) == 0 else {
                throw LabError.posix("setsockopt(SO_REUSEADDR)")
            }
            guard address.withSockaddr({ bind(fd, $0, $1) }) == 0 else {
                throw LabError.posix("bind(\(host) port \(port))")
            }
            if let backlog, listen(fd, backlog) != 0 { throw LabError.posix("listen") }
            self.port = try SocketAddress.localPort(of: fd)
            self.fd = fd
        } catch {
            close(fd)
            throw error
        }
    }
}

extension SocketAddress {
    /// A numeric lab address (the lab never resolves names: it listens and connects exactly
    /// where it is told); the probe's own address type.
    static func lab(_ host: String, _ port: UInt16) throws -> SocketAddress {
        guard let address = SocketAddress(numericHost: host, port: Int(port)) else { throw LabError("not a numeric IP address: \(host)") }
        return address
    }

    /// The port the kernel picked for a socket bound to port 0.
    static func localPort(of fd: Int32) throws -> UInt16 {
        guard let address = local(of: fd) else { throw LabError.posix("getsockname") }
        return UInt16(address.port)
    }
}
