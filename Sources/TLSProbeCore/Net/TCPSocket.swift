#if canImport(Glibc)
import Glibc
#endif

/// What a bounded read from the peer produced.
enum ReceiveResult {
    case data([UInt8])
    /// The peer closed its side (FIN).
    case closed
    /// The peer reset the connection (RST).
    case reset
    case timedOut
    case failed(errno: Int32)
}

enum SendFailure: Error {
    case reset
    case closed
    case timedOut
    case failed(errno: Int32)
}

enum ConnectFailure: Error {
    case refused
    case timedOut
    case unreachable(errno: Int32)
    case failed(errno: Int32)
}

/// A non-blocking TCP socket; every wait goes through poll(2) against a deadline.
final class TCPSocket {
    let descriptor: Int32
    private(set) var isOpen = true

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit { close() }

    func close() {
        guard isOpen else { return }
        isOpen = false
        Glibc.close(descriptor)
    }

    static func connect(to address: SocketAddress, deadline: Deadline) -> Result<TCPSocket, ConnectFailure> {
        let fd = socket(address.isIPv6 ? AF_INET6 : AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { return .failure(.failed(errno: errno)) }
        let sock = TCPSocket(descriptor: fd)
        var one: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        var storage = address.storage
        let status = withUnsafePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, address.length) }
        }
        if status != 0 && errno != EINPROGRESS { return .failure(classify(errno)) }
        if status != 0 {
            guard sock.wait(for: Int16(POLLOUT), until: deadline) else { return .failure(.timedOut) }
            var error: Int32 = 0
            var length = socklen_t(MemoryLayout<Int32>.size)
            getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length)
            if error != 0 { return .failure(classify(error)) }
        }
        return .success(sock)
    }

    /// connect(2)'s errno as the failure users know (refused / timed out / unreachable).
    static func classify(_ code: Int32) -> ConnectFailure {
        switch code {
        case ECONNREFUSED: .refused
        case ETIMEDOUT: .timedOut
        case ENETUNREACH, EHOSTUNREACH, EADDRNOTAVAIL, ENETDOWN, EHOSTDOWN, EAFNOSUPPORT: .unreachable(errno: code)
        default: .failed(errno: code)
        }
    }

    /// Waits until the socket is ready for `events` or the deadline passes.
    func wait(for events: Int16, until deadline: Deadline) -> Bool {
        var entry = pollfd(fd: descriptor, events: events, revents: 0)
        while true {
            let timeout = deadline.remainingMilliseconds
            let ready = poll(&entry, 1, timeout)
            if ready > 0 { return true }
            if ready == 0 { return false }
            if errno != EINTR { return true }  // let the following read/write report the error
        }
    }

    func sendAll(_ bytes: [UInt8], deadline: Deadline) -> Result<Void, SendFailure> {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if sent > 0 {
                offset += sent
                continue
            }
            let code = errno
            if sent < 0 && (code == EAGAIN || code == EWOULDBLOCK || code == EINTR) {
                if !wait(for: Int16(POLLOUT), until: deadline) { return .failure(.timedOut) }
                continue
            }
            switch code {
            case ECONNRESET: return .failure(.reset)
            case EPIPE: return .failure(.closed)
            default: return .failure(.failed(errno: code))
            }
        }
        return .success(())
    }

    /// Reads what is available (at most `limit` bytes), waiting until the deadline for something.
    func receive(limit: Int = 16 * 1024, deadline: Deadline) -> ReceiveResult {
        var buffer = [UInt8](repeating: 0, count: limit)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, limit, 0) }
            if count > 0 { return .data(Array(buffer[0..<count])) }
            if count == 0 { return .closed }
            let code = errno
            if code == EAGAIN || code == EWOULDBLOCK || code == EINTR {
                if !wait(for: Int16(POLLIN), until: deadline) { return .timedOut }
                continue
            }
            return code == ECONNRESET ? .reset : .failed(errno: code)
        }
    }

    var localAddress: String? { addressText(getsockname) }
    var remoteAddress: String? { addressText(getpeername) }

    private func addressText(_ query: (Int32, UnsafeMutablePointer<sockaddr>, UnsafeMutablePointer<socklen_t>) -> Int32) -> String? {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let status = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { query(descriptor, $0, &length) }
        }
        return status == 0 ? SocketAddress(storage: storage, length: length).description : nil
    }
}

func systemErrorText(_ code: Int32) -> String { String(cString: strerror(code)) }
