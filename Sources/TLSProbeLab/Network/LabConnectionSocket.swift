import FoundationEssentials
import Glibc

/// One accepted TCP connection, as a handler sees it. The accept loop owns the descriptor and
/// closes it after the handler returns; handlers only read, write, wait and choose FIN or RST.
///
/// Every read and write is bounded by SO_RCVTIMEO/SO_SNDTIMEO (set by the accept loop), and
/// `stop()` shuts the descriptor down, which wakes any blocked call at once.
final class LabConnectionSocket {
    let fd: Int32
    private let limits: LabServerLimits
    private let stopRequested: () -> Bool

    init(fd: Int32, limits: LabServerLimits, isStopping: @escaping () -> Bool) {
        self.fd = fd
        self.limits = limits
        self.stopRequested = isStopping
    }

    /// true once the server's stop() has been called: long-running behaviours end early.
    var isStopping: Bool { stopRequested() }

    /// Up to `maximum` bytes; nil on end of stream, error or timeout.
    @discardableResult
    func read(maximum: Int = 16_384) -> [UInt8]? {
        var buffer = [UInt8](repeating: 0, count: maximum)
        let count = recv(fd, &buffer, maximum, 0)
        guard count > 0 else { return nil }
        return Array(buffer.prefix(count))
    }

    /// Exactly `count` bytes, or nil if the stream ends or times out first.
    func read(exactly count: Int) -> [UInt8]? {
        var bytes: [UInt8] = []
        while bytes.count < count {
            guard let chunk = read(maximum: count - bytes.count) else { return nil }
            bytes += chunk
        }
        return bytes
    }

    /// The client's first TLS record (normally the whole ClientHello), read completely so that a
    /// following close or reset is not mistaken for an early one. Non-TLS input: whatever came first.
    @discardableResult
    func readFirstTLSRecord() -> [UInt8]? {
        guard let header = read(exactly: 5) else { return nil }
        let isTLSRecord = (20...23).contains(header[0]) && header[1] == 3
        guard isTLSRecord else { return header + (read() ?? []) }
        let length = Int(header[3]) << 8 | Int(header[4])
        return read(exactly: length).map { header + $0 }
    }

    /// false when the peer is gone (MSG_NOSIGNAL: no SIGPIPE even if the process handler changes).
    @discardableResult
    func write(_ bytes: [UInt8]) -> Bool {
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard count > 0 else { return false }
            sent += count
        }
        return true
    }

    /// Sends `bytes` one at a time, `interval` apart. Returns false if the peer left or stop() came.
    @discardableResult
    func trickle(_ bytes: [UInt8], interval: TimeInterval) -> Bool {
        for byte in bytes {
            guard write([byte]), pause(interval) else { return false }
        }
        return true
    }

    /// Sleeps, waking early (and returning false) when the server is stopping.
    func pause(_ interval: TimeInterval) -> Bool {
        let deadline = Date().addingTimeInterval(interval)
        while Date() < deadline {
            if isStopping { return false }
            usleep(UInt32(min(0.05, max(0, deadline.timeIntervalSinceNow)) * 1_000_000))
        }
        return !isStopping
    }

    /// Keeps the connection open, discarding input, until the peer closes, `stop()` is called or
    /// the hold limit passes: a server that "never answers".
    func hold() {
        let deadline = Date().addingTimeInterval(limits.holdLimit)
        var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        while Date() < deadline, !isStopping {
            let ready = poll(&descriptor, 1, 200)
            if ready < 0 && errno != EINTR { return }
            if ready > 0 {
                var scratch = [UInt8](repeating: 0, count: 4096)
                if recv(fd, &scratch, scratch.count, 0) <= 0 { return }
            }
        }
    }

    /// Makes the coming close() send RST instead of FIN (SO_LINGER with a zero timeout).
    func resetOnClose() {
        var linger = Glibc.linger(l_onoff: 1, l_linger: 0)
        setsockopt(fd, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<Glibc.linger>.size))
    }
}
