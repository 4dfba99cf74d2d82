import Glibc

/// A bound, listening TCP socket on a literal IPv4 or IPv6 address (no name resolution: the lab
/// must listen exactly where it is told, loopback by default).
struct LabListeningSocket {
    let fd: Int32
    let port: UInt16

    init(host: String, port: UInt16, backlog: Int32) throws {
        ignoreSIGPIPEProcessWide()
        var address = try LabSocketAddress(host: host, port: port)
        let fd = socket(address.family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw LabError.posix("socket(\(host))") }
        do {
            var one: Int32 = 1
            guard setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size)) == 0 else {
                throw LabError.posix("setsockopt(SO_REUSEADDR)")
            }
            guard address.withSockaddr({ bind(fd, $0, $1) }) == 0 else {
                throw LabError.posix("bind(\(host) port \(port))")
            }
            guard listen(fd, backlog) == 0 else { throw LabError.posix("listen") }
            self.port = try LabSocketAddress.localPort(of: fd)
            self.fd = fd
        } catch {
            close(fd)
            throw error
        }
    }
}

/// A sockaddr_in or sockaddr_in6 built from a numeric address.
struct LabSocketAddress {
    private var storage = sockaddr_storage()
    private(set) var length: socklen_t = 0
    let family: Int32

    init(host: String, port: UInt16) throws {
        if host.contains(":") {
            family = AF_INET6
            var address = sockaddr_in6()
            address.sin6_family = sa_family_t(AF_INET6)
            address.sin6_port = port.bigEndian
            guard inet_pton(AF_INET6, host, &address.sin6_addr) == 1 else {
                throw LabError("not a numeric IPv6 address: \(host)")
            }
            withUnsafeBytes(of: address) { bytes in
                withUnsafeMutableBytes(of: &storage) { $0.copyMemory(from: bytes) }
            }
            length = socklen_t(MemoryLayout<sockaddr_in6>.size)
        } else {
            family = AF_INET
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = port.bigEndian
            guard inet_pton(AF_INET, host, &address.sin_addr) == 1 else {
                throw LabError("not a numeric IPv4 address: \(host)")
            }
            withUnsafeBytes(of: address) { bytes in
                withUnsafeMutableBytes(of: &storage) { $0.copyMemory(from: bytes) }
            }
            length = socklen_t(MemoryLayout<sockaddr_in>.size)
        }
    }

    mutating func withSockaddr<Result>(_ body: (UnsafePointer<sockaddr>, socklen_t) -> Result) -> Result {
        let length = self.length
        return withUnsafePointer(to: &storage) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { body($0, length) }
        }
    }

    /// The port the kernel picked for a socket bound to port 0.
    static func localPort(of fd: Int32) throws -> UInt16 {
        var bound = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let result = withUnsafeMutablePointer(to: &bound) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard result == 0 else { throw LabError.posix("getsockname") }
        // sin_port and sin6_port sit at the same offset, right after the family.
        return withUnsafeBytes(of: bound) { bytes in
            UInt16(bigEndian: bytes.load(fromByteOffset: 2, as: UInt16.self))
        }
    }
}
