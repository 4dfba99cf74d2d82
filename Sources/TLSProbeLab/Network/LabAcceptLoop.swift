import Dispatch
import Glibc
import TLSProbeCore

/// The accept loop shared by every lab server: a listening socket, a thread that accepts, and one
/// thread per connection running `handler`. `stop()` returns promptly even while handlers are
/// stalled, because it shuts down every open connection, which wakes their blocking calls.
///
/// `@unchecked Sendable`: all mutable state (`stopping`, `openConnections`, `acceptedCount`) is
/// only touched with `lock` held; the descriptors are plain integers.
final class LabAcceptLoop: @unchecked Sendable {
    let port: UInt16
    private let listenerFD: Int32
    private let limits: LabServerLimits
    private let handler: @Sendable (LabConnectionSocket) -> Void
    private let lock = ConditionLock()
    private let running = DispatchGroup()
    private var stopping = false
    private var openConnections: Set<Int32> = []
    private var acceptedCount = 0

    init(
        host: String, port: UInt16, limits: LabServerLimits,
        handler: @escaping @Sendable (LabConnectionSocket) -> Void
    ) throws {
        let listener = try LabListeningSocket(host: host, port: port, backlog: 64)
        self.listenerFD = listener.fd
        self.port = listener.port
        self.limits = limits
        self.handler = handler
        running.enter()
        startDetachedThread(name: "lab-accept-\(self.port)") { [self] in
            acceptUntilStopped()
            running.leave()
        }
    }

    /// Connections accepted so far.
    var connectionCount: Int { lock.withLock { acceptedCount } }

    var isStopping: Bool { lock.withLock { stopping } }

    /// Closes the listener, cuts every open connection and waits (up to 5 s) for all threads.
    func stop() {
        let alreadyStopping = lock.withLock {
            defer { stopping = true }
            for fd in openConnections { shutdown(fd, Int32(SHUT_RDWR)) }
            return stopping
        }
        guard !alreadyStopping else { return }
        _ = running.wait(timeout: .now() + 5)
    }

    private func acceptUntilStopped() {
        // Poll with a short timeout instead of blocking in accept(): closing a descriptor another
        // thread is blocked on is not a reliable wake-up on Linux.
        var descriptor = pollfd(fd: listenerFD, events: Int16(POLLIN), revents: 0)
        while !isStopping {
            guard poll(&descriptor, 1, 100) > 0 else { continue }
            let fd = accept(listenerFD, nil, nil)
            guard fd >= 0 else { continue }
            // Child processes (tests spawn openssl and curl) must not inherit the connection, or
            // our close() would not reach the client.
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
            startConnection(fd)
        }
        close(listenerFD)
    }

    private func startConnection(_ fd: Int32) {
        setTimeout(fd, SO_RCVTIMEO)
        setTimeout(fd, SO_SNDTIMEO)
        let accepted = lock.withLock {
            guard !stopping else { return false }
            openConnections.insert(fd)
            acceptedCount += 1
            return true
        }
        guard accepted else {
            close(fd)
            return
        }
        running.enter()
        startDetachedThread(name: "lab-connection-\(port)") { [self] in
            handler(LabConnectionSocket(fd: fd, limits: limits, isStopping: { [self] in isStopping }))
            // Remove before closing, under the lock, so stop() never shuts down a reused number.
            lock.withLock {
                openConnections.remove(fd)
                close(fd)
            }
            running.leave()
        }
    }

    private func setTimeout(_ fd: Int32, _ option: Int32) {
        let seconds = limits.ioTimeout
        var value = timeval(tv_sec: Int(seconds), tv_usec: Int((seconds - seconds.rounded(.down)) * 1_000_000))
        setsockopt(fd, SOL_SOCKET, option, &value, socklen_t(MemoryLayout<timeval>.size))
    }
}
