import Glibc
import TLSProbeCore

/// A blocking TCP connection from the lab to a lab server on loopback (a proxy's upstream;
/// connect() is immediate). The caller closes it.
struct LabOutboundSocket {
    let fd: Int32

    init(host: String, port: UInt16) throws {
        let address = try SocketAddress.lab(host, port)
        let fd = socket(address.family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw LabError.posix("socket") }
        guard address.withSockaddr({ connect(fd, $0, $1) }) == 0 else {
            Glibc.close(fd)
            throw LabError.posix("connect(\(host) port \(port))")
        }
        self.fd = fd
    }

    func close() { Glibc.close(fd) }
}
