import FoundationEssentials
import Glibc
import TLSProbeCore

/// Foreign servers shared by the tests of one process: each configuration starts once (the
/// first test that asks), and all are stopped, with their key directories removed, at exit.
/// Suites run in parallel, so the pool is locked.
public enum ForeignServerPool {
    private static let lock = ConditionLock()
    nonisolated(unsafe) private static var servers: [String: Result<ForeignTLSServer, LabError>] = [:]
    nonisolated(unsafe) private static var registeredExit = false

    /// The server started for `key` (by `make` on first use). A start failure is remembered, so
    /// a missing tool fails each test quickly with the same message instead of retrying.
    public static func server(_ key: String, _ make: () throws -> ForeignTLSServer) throws -> ForeignTLSServer {
        lock.lock()
        defer { lock.unlock() }
        if !registeredExit {
            registeredExit = true
            atexit { ForeignServerPool.stopAll() }
        }
        if let existing = servers[key] { return try existing.get() }
        let result: Result<ForeignTLSServer, LabError>
        do { result = .success(try make()) } catch { result = .failure(error as? LabError ?? LabError("\(error)")) }
        servers[key] = result
        return try result.get()
    }

    public static func stopAll() {
        lock.lock()
        let all = servers.values.compactMap { try? $0.get() }
        servers = [:]
        lock.unlock()
        all.forEach { $0.stop() }
    }
}
