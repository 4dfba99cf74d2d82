import Foundation
import TLSProbeTestSupport
import Synchronization
import TLSProbeCore
import TLSProbeLab

/// What every protocol suite shares: one lab PKI written to a private temporary directory (the
/// servers read the chain and key from there), free loopback ports, and the probe itself.
enum ProtocolFixture {
    static var pki: LabPKIBundle { LabPKIFixture.pki }

    /// root.pem, chain.pem (leaf + intermediate), leaf.key, client.pem/.key, client-ca.pem.
    /// Removed at exit: the directory holds private keys.
    static let directory: URL = {
        let url = LabPKIFixture.directory("protocols")
        try? LabCertificate.writeBundle(pki.chain, to: url.appending(path: "chain.pem"))
        _ = ServiceRegistry.installHandler
        return url
    }()

    static func path(_ name: String) -> String { directory.appending(path: name).path }

    /// A scratch directory for one server (data, logs, sockets), inside `directory`.
    static func scratch(_ name: String) throws -> URL {
        let url = directory.appending(path: name)
        try? FileManager.default.removeItem(at: url)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func options(_ adjust: (inout ProbeOptions) -> Void = { _ in }) -> ProbeOptions {
        var options = ProbeOptions()
        options.trust = .file(path("root.pem"))
        options.connectTo = "127.0.0.1"
        options.timeout = 5
        options.connectTimeout = 2
        adjust(&options)
        return options
    }

    /// Probes `url` (its host is "localhost", the lab leaf's name) with the lab root trusted.
    static func probe(_ url: String, _ adjust: (inout ProbeOptions) -> Void = { _ in }) throws -> ProbeReport {
        let engine = try ProbeEngine(options: options(adjust))
        return engine.probe(try ProbeTarget.parse(url))
    }

    /// A port nobody listens on right now (bound to port 0, then released), for servers that
    /// must be told their port in a configuration file.
    static func freePort() -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) } }
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Whether something accepts TCP connections on 127.0.0.1:`port`.
    static func isListening(_ port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        let status = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        return status == 0
    }

    static var isRoot: Bool { getuid() == 0 }

    /// The file next to this one in the test sources (the Python stand-in servers).
    static func source(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appending(path: name).path
    }
}

struct ServiceError: Error, CustomStringConvertible {
    let description: String
}

/// A server process started by a suite: output goes to a log file (never a pipe that could fill
/// up), every wait is bounded, and `stop` ends it (SIGTERM, then SIGKILL).
final class ServiceProcess: @unchecked Sendable {
    let name: String
    let process = Process()
    let logURL: URL

    init(_ name: String, executable: String, arguments: [String], log: URL, environment: [String: String]? = nil) throws {
        self.name = name
        logURL = log
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let environment { process.environment = environment }
        process.standardInput = FileHandle(forReadingAtPath: "/dev/null")
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
    }

    /// Waits until every port accepts connections, or fails with the server's log.
    func waitForPorts(_ ports: [Int], within seconds: Double = 20) throws {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if ports.allSatisfy(ProtocolFixture.isListening) { return }
            if !process.isRunning { break }
            usleep(50_000)
        }
        let log = (try? String(contentsOf: logURL, encoding: .utf8)) ?? ""
        stop()
        throw ServiceError(description: "\(name) did not listen on \(ports) within \(seconds) s; log:\n\(log.suffix(2000))")
    }

    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        let deadline = Date().addingTimeInterval(5)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    deinit { stop() }
}

/// Runs a short command to completion with a hard timeout (initdb, chown); output combined.
enum Command {
    @discardableResult
    static func run(_ executable: String, _ arguments: [String], timeout: Int = 60) throws -> String {
        let result = try TestProcess.run(URL(fileURLWithPath: executable), arguments, timeout: TimeInterval(timeout))
        let output = result.combined
        guard result.status == 0, !result.timedOut else {
            throw ServiceError(description: "\(executable) \(arguments.joined(separator: " ")) exited \(result.status): \(output.suffix(1500))")
        }
        return output
    }

    /// The python3 on PATH: the one scripts/test.sh installed aiosmtpd into (`python3 -m pip`),
    /// which need not be /usr/bin/python3 (pyenv).
    static func python() throws -> String {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return try locate(path.split(separator: ":").map { "\($0)/python3" } + ["/usr/bin/python3"])
    }

    /// The first of `candidates` that exists (Debian puts daemons in /usr/sbin, PostgreSQL's in
    /// /usr/lib/postgresql/N/bin).
    static func locate(_ candidates: [String]) throws -> String {
        for candidate in candidates where FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        throw ServiceError(description: "none of \(candidates) is installed; scripts/test.sh installs them")
    }
}

extension ProbeReport {
    var diagnosisIDs: [String] { diagnoses.map(\.id) }
    func stageStatus(_ name: StageName) -> StageStatus? { stage(name)?.status }
}

/// Servers shared by a whole suite are started once (a `static let`) and stopped when the test
/// process exits, so none outlives the run.
enum ServiceRegistry {
    private static let services = Mutex<[ServiceProcess]>([])
    private static let directories = Mutex<[URL]>([])
    static let installHandler: Void = { atexit { ServiceRegistry.stopAll() } }()

    static func keep(_ service: ServiceProcess) -> ServiceProcess {
        _ = installHandler
        services.withLock { $0.append(service) }
        return service
    }

    /// A scratch directory outside the fixture's (one another user must own), removed at exit
    /// after the servers using it stopped.
    static func removeAtExit(_ directory: URL) {
        _ = installHandler
        directories.withLock { $0.append(directory) }
    }

    static func stopAll() {
        let all = services.withLock { list in defer { list.removeAll() }; return list }
        for service in all { service.stop() }
        for directory in directories.withLock({ $0 }) { try? FileManager.default.removeItem(at: directory) }
        try? FileManager.default.removeItem(at: ProtocolFixture.directory)
    }
}
