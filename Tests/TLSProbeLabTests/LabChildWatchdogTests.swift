import Foundation
import Testing
@testable import TLSProbeLab
import TLSProbeTestSupport

/// Foreign servers run under a watchdog: when the process that started them dies without
/// stopping them (a SIGKILLed test run), the watchdog kills the server and removes its key
/// directory. The parent here is a shell that is SIGKILLed, as a test runner would be.
@Suite struct LabChildWatchdogTests {
    static func alive(_ pid: Int32) -> Bool { kill(pid, 0) == 0 }

    @Test func aSIGKILLedParentTakesTheChildAndItsKeyDirectoryWithIt() throws {
        let directory = try TestDirectory.make("tlsprobe-watchdog")
        try "not a real key\n".write(to: directory.appending(path: "key.pem"), atomically: true, encoding: .utf8)
        // The parent (a shell, run by another shell that reaps it as a test runner's parent
        // would) starts the watchdog exactly as LabChildProcess does and prints the pids.
        let parentScript = "sh -c \"$WATCHDOG\" tlsprobe-lab-watchdog $$ \"$OWNED\" sleep 301 >/dev/null 2>&1 & sleep 0.3; "
            + "echo child=$(pgrep -P $! -f 'sleep 301'); exec sleep 300"
        // A test thread's children inherit its blocked signals; LabChildProcess spawns with an
        // empty mask, and so does this (through Python, which can set it before exec).
        let unblocked = "import os, signal; signal.pthread_sigmask(signal.SIG_SETMASK, []); os.execv('/bin/sh', ['sh', '-c', os.environ['RUNNER']])"
        let runner = try RunningProcess(URL(fileURLWithPath: "/usr/bin/python3"), ["-c", unblocked], environment: ["WATCHDOG": LabChildProcess.watchdog, "OWNED": directory.path, "PARENT": parentScript,
                                                                                         "RUNNER": "sh -c \"$PARENT\" & echo parent=$!; wait", "PATH": "/usr/bin:/bin"])
        defer { runner.kill() }
        #expect(runner.wait(until: { out, _ in out.contains("child=") && out.hasSuffix("\n") }, within: 10))
        func pid(_ key: String) -> Int32? {
            runner.stdout.split(separator: "\n").first { $0.hasPrefix(key + "=") }.flatMap { Int32($0.dropFirst(key.count + 1)) }
        }
        let child = try #require(pid("child"), "\(runner.stdout)")
        let parent = try #require(pid("parent"), "\(runner.stdout)")
        #expect(Self.alive(child))
        kill(parent, SIGKILL)
        // Within a few seconds: the child is gone and so is the directory holding the key.
        let limit = Date().addingTimeInterval(6)
        while (Self.alive(child) || FileManager.default.fileExists(atPath: directory.path)) && Date() < limit { usleep(100_000) }
        #expect(!Self.alive(child), "the child outlived its SIGKILLed parent")
        #expect(!FileManager.default.fileExists(atPath: directory.path), "the key directory was left behind")
    }

    @Test func aForeignServerRunsUnderTheWatchdogAndStopsWithIt() throws {
        let server = try ForeignTLSServer.start(.openssl, ForeignServerSpec(chain: sharedPKI.chain))
        let found = try TestProcess.tool("pgrep", ["-f", "tlsprobe-lab-watchdog \(getpid()) .*:\(server.port) "])
        let watchdogs = found.stdout.split(separator: "\n").compactMap { Int32($0) }
        #expect(watchdogs.count == 1, "the server does not run under the watchdog: \(found.stdout)")
        // The server holds none of this process's descriptors beyond 0–2 (a pipe or a socket some
        // thread had open when it was spawned would keep that thread's reader waiting).
        let ours = Set((try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? [])
        for watchdog in watchdogs {
            let inherited = ((try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(watchdog)/fd")) ?? []).filter { Int($0).map { $0 > 2 } ?? false }
            let links = inherited.compactMap { try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(watchdog)/fd/\($0)") }
            #expect(links.filter { $0.hasPrefix("pipe:") || $0.hasPrefix("socket:") }.isEmpty, "the watchdog holds \(links) (this process has \(ours.count) open)")
        }
        server.stop()
        #expect(!watchdogs.contains(where: Self.alive))
        #expect((try? LabOutboundSocket(host: "127.0.0.1", port: server.port)) == nil, "something still listens on the server's port")
    }
}
