import Glibc

/// A blocking TCP connection from a lab server to another lab server on loopback (the proxy's
/// upstream). The caller closes `fd`.
struct LabOutgoingSocket {
    let fd: Int32

    init(host: String, port: UInt16) throws {
        var address = try LabSocketAddress(host: host, port: port)
        let fd = socket(address.family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw LabError.posix("socket") }
        guard address.withSockaddr({ connect(fd, $0, $1) }) == 0 else {
            close(fd)
            throw LabError.posix("connect")
        }
        self.fd = fd
    }
}
