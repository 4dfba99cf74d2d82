import FoundationEssentials
import Glibc

/// Where a `LabCuttingProxy` stops passing the server's bytes on unchanged.
public enum LabStreamCut: Sendable {
    /// After this many bytes of the server's stream (0: before the first byte).
    case afterBytes(Int)
    /// `offset` bytes into TLS record number `record` (0-based) of the server's stream, e.g.
    /// `.intoRecord(1, offset: 20)` is 20 bytes into the record after the ServerHello.
    case intoRecord(Int, offset: Int)
}

/// What a `LabCuttingProxy` does once the cut point is reached.
public enum LabCutAction: Sendable {
    /// Forward nothing more, keep the connection open (until the client leaves, stop() or the hold limit).
    case stall
    /// Close towards the client (FIN).
    case close
    /// Reset towards the client (RST).
    case reset
    /// Send these bytes instead of the rest of the stream, then close (FIN).
    case inject([UInt8])
    /// Forward the rest of the server's stream one byte at a time, `interval` apart.
    case trickle(interval: TimeInterval)
}

/// A loopback TCP proxy in front of a real lab server that passes the server's bytes on
/// unchanged up to a cut point, then stalls, closes, resets, injects or trickles. The client's
/// bytes always go through. This turns any real handshake into "the server died right here",
/// with byte-exact real flights instead of hand-made ones.
public final class LabCuttingProxy: LabServer {
    public let host: String
    private let loop: LabAcceptLoop

    public init(
        upstreamHost: String = "127.0.0.1", upstreamPort: UInt16, cut: LabStreamCut, action: LabCutAction,
        host: String = "127.0.0.1", limits: LabServerLimits = LabServerLimits()
    ) throws {
        self.host = host
        loop = try LabAcceptLoop(host: host, port: 0, limits: limits) { connection in
            guard let upstream = try? LabOutboundSocket(host: upstreamHost, port: upstreamPort) else { return }
            defer { upstream.close() }
            LabProxyRelay(client: connection, upstream: upstream.fd, cut: cut, action: action, holdLimit: limits.holdLimit).run()
        }
    }

    deinit { loop.stop() }

    public var port: UInt16 { loop.port }
    public var connectionCount: Int { loop.connectionCount }
    public func stop() { loop.stop() }
}

/// One proxied connection, relayed on a single thread with poll(): no second thread to join,
/// so a reset or stop can never race a blocked reader.
private struct LabProxyRelay {
    let client: LabConnectionSocket
    let upstream: Int32
    let cut: LabStreamCut
    let action: LabCutAction
    let holdLimit: TimeInterval

    func run() {
        let giveUpAt = Date().addingTimeInterval(holdLimit)
        var seen: [UInt8] = []  // the server's bytes read so far (bounded: the cut is early)
        var forwarded = 0
        var cutReached = false
        var trickleQueue: [UInt8] = []
        var nextTrickle = Date()
        var upstreamOpen = true
        while Date() < giveUpAt, !client.isStopping {
            // Past the cut only a trickle still reads the server.
            let readUpstream = upstreamOpen && (!cutReached || isTrickle)
            var fds = [pollfd(fd: client.fd, events: Int16(POLLIN), revents: 0),
                       pollfd(fd: readUpstream ? upstream : -1, events: Int16(POLLIN), revents: 0)]
            let wait = isTrickle && !trickleQueue.isEmpty ? max(0, min(50, Int32(nextTrickle.timeIntervalSinceNow * 1000))) : 50
            let ready = poll(&fds, 2, wait)
            if ready < 0 && errno != EINTR { return }
            if fds[0].revents != 0 {
                guard let bytes = client.read(), send(upstream, bytes, bytes.count, Int32(MSG_NOSIGNAL)) == bytes.count || !upstreamOpen
                else { return }  // the client left (or the server did while we had data for it)
            }
            if fds[1].revents != 0 {
                var buffer = [UInt8](repeating: 0, count: 16_384)
                let count = recv(upstream, &buffer, buffer.count, 0)
                if count <= 0 {
                    upstreamOpen = false
                    if !cutReached { return }  // the server ended before the cut: pass its FIN on
                } else if cutReached {
                    trickleQueue += buffer.prefix(count)
                } else {
                    seen += buffer.prefix(count)
                }
            }
            if !cutReached {
                let (limit, reached) = Self.forwardLimit(seen, cut)
                if limit > forwarded {
                    guard client.write(Array(seen[forwarded..<limit])) else { return }
                    forwarded = limit
                }
                if reached {
                    cutReached = true
                    trickleQueue = Array(seen[forwarded...])
                    seen = []
                    switch action {
                    case .stall, .trickle: break
                    case .close: return
                    case .reset:
                        client.resetOnClose()
                        return
                    case .inject(let bytes):
                        client.write(bytes)
                        return
                    }
                }
            }
            if cutReached, case .trickle(let interval) = action, !trickleQueue.isEmpty, Date() >= nextTrickle {
                guard client.write([trickleQueue.removeFirst()]) else { return }
                nextTrickle = Date().addingTimeInterval(interval)
            }
            if cutReached, isTrickle, trickleQueue.isEmpty, !upstreamOpen { return }
        }
    }

    private var isTrickle: Bool {
        if case .trickle = action { return true }
        return false
    }

    /// How many of the `seen` bytes lie before the cut, and whether the cut point is reached.
    static func forwardLimit(_ seen: [UInt8], _ cut: LabStreamCut) -> (Int, Bool) {
        switch cut {
        case .afterBytes(let count):
            return (min(seen.count, count), seen.count >= count)
        case .intoRecord(let record, let offset):
            var start = 0
            for _ in 0..<record {
                // Until this header is complete every byte seen belongs to an earlier record.
                guard start + 5 <= seen.count else { return (seen.count, false) }
                start += 5 + (Int(seen[start + 3]) << 8 | Int(seen[start + 4]))
            }
            let cutAt = start + offset
            return (min(seen.count, cutAt), seen.count >= cutAt)
        }
    }
}
