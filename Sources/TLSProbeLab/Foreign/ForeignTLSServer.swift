import FoundationEssentials
import Glibc
import TLSProbeCore

/// A TLS server from another implementation (GnuTLS, Botan, Go crypto/tls, lighttpd on wolfSSL
/// or Mbed TLS, OpenSSL's s_server) run as a child process on loopback, so a diagnosis can be
/// checked against a stack none of us wrote. Start one per suite: each launch costs a process
/// start (and, for Go, a build on first use). `stop()` (or deinit) kills it and removes its
/// temporary directory, which holds its private key.
public final class ForeignTLSServer: LabServer, @unchecked Sendable {
    public let host: String
    public let port: UInt16
    public let stack: ForeignStack
    /// The command line, for failure messages and notes.
    public let commandLine: String
    /// The server's own output (stdout and stderr), for failure messages.
    public var log: String { (try? String(contentsOf: directory.appending(path: "server.log"), encoding: .utf8)) ?? "" }

    private let process: LabChildProcess
    private let directory: URL
    private let lock = ConditionLock()
    private var stopped = false

    init(stack: ForeignStack, host: String, port: UInt16, executable: String, arguments: [String], directory: URL, readyTimeout: Double = 15) throws {
        self.stack = stack
        self.host = host
        self.port = port
        self.directory = directory
        commandLine = ([executable] + arguments).joined(separator: " ")
        // A file, not a pipe: a chatty server can never block on a full pipe nobody reads.
        process = try LabChildProcess(executable: executable, arguments: arguments,
                                      logPath: directory.appending(path: "server.log").path, ownedDirectory: directory.path)
        do {
            try waitUntilListening(timeout: readyTimeout)
        } catch {
            let log = self.log
            stop()
            throw LabError("\(stack.name) did not start (\(commandLine)): \(error)\n\(log.suffix(2000))")
        }
    }

    deinit { stop() }

    /// Process-based: connections are not counted (0); use a `LabCuttingProxy` in front to count.
    public var connectionCount: Int { 0 }

    public func stop() {
        let first = lock.withLock {
            defer { stopped = true }
            return !stopped
        }
        guard first else { return }
        process.terminate()
        try? FileManager.default.removeItem(at: directory)
    }

    /// Polls with TCP connects until the server accepts (bounded), or it exits.
    private func waitUntilListening(timeout: Double) throws {
        let limit = Deadline.after(seconds: timeout)
        while !limit.hasPassed {
            guard process.isRunning else { throw LabError("exited with status \(process.terminationStatus)") }
            if let socket = try? LabOutboundSocket(host: host, port: port) {
                socket.close()
                return
            }
            usleep(30_000)
        }
        throw LabError("not listening on \(host):\(port) after \(Int(timeout)) s")
    }
}

/// A port the OS just handed out (bound to port 0 and released), for servers that cannot be
/// told to pick one themselves. Another process could take it in between; launchers retry once.
func freeLoopbackPort(host: String) throws -> UInt16 { try LabPorts.closedPort(host: host) }
