import Foundation
import Synchronization
import Testing
import TLSProbeCore
import TLSProbeLab

/// The worker pool and its reorder window, with real probes against lab servers.
@Suite struct FleetRunnerTests {
    final class Log: Sendable {
        let emitted = Mutex([Int]())
        let doneAtFirstEmit = Mutex(-1)
        let done = Mutex(0)
    }

    /// Target 0 stalls until its deadline; the others are instant. In order, nothing is printed
    /// before target 0, and no more than `window` targets may be started meanwhile.
    @Test func orderedOutputWithABoundedWindow() throws {
        let stall = try LabRawServer(.stallAfterAccept)
        let closed = try LabClosedPort()
        defer { stall.stop(); closed.stop() }
        let targets = [try ProbeTarget.parse("127.0.0.1:\(stall.port)")] + (try (1..<40).map { _ in try ProbeTarget.parse("127.0.0.1:\(closed.port)") })
        let engine = try ProbeEngine(options: LabFixture.options { $0.timeout = 1 })
        let source = try FleetSource(arguments: targets, filePath: nil, shard: nil)
        let log = Log()
        let outcome = FleetRunner(engine: engine, source: source, configuration: FleetConfiguration(jobs: 4, window: 6))
            .run(progress: { done, _ in log.done.withLock { $0 = done } }, emit: { result in
                if result.index == 0 { log.doneAtFirstEmit.withLock { $0 = log.done.withLock { $0 } } }
                log.emitted.withLock { $0.append(result.index) }
            })
        #expect(log.emitted.withLock { $0 } == Array(0..<40))
        #expect((1...6).contains(log.doneAtFirstEmit.withLock { $0 }), "done before the first emit: \(log.doneAtFirstEmit.withLock { $0 })")
        #expect(outcome.emitted == 40 && outcome.failures == 40)
        #expect(outcome.exitCode == ExitStatus.handshakeTimeout.rawValue)
    }

    @Test func failFastDiscardsWhatFollows() throws {
        let closed = try LabClosedPort()
        defer { closed.stop() }
        let targets = try (0..<30).map { _ in try ProbeTarget.parse("127.0.0.1:\(closed.port)") }
        let engine = try ProbeEngine(options: LabFixture.options())
        let source = try FleetSource(arguments: targets, filePath: nil, shard: nil)
        let log = Log()
        let outcome = FleetRunner(engine: engine, source: source, configuration: FleetConfiguration(jobs: 4, failFast: true))
            .run { result in log.emitted.withLock { $0.append(result.index) } }
        #expect(log.emitted.withLock { $0 } == [0])
        #expect(outcome.stoppedEarly && outcome.exitCode == ExitStatus.tcpRefused.rawValue)
    }
}

@Suite struct TargetLineTests {
    @Test func linesWithOverrides() throws {
        let target = try #require(try TargetLine.parse("  api.lab.test:8443 --connect-to [::1] --sni=other.test # prod", lineNumber: 4))
        #expect(target.host == "api.lab.test" && target.port == 8443)
        #expect(target.connectTo == "::1" && target.sni == "other.test")
        #expect(try TargetLine.parse("https://x.test/#frag", lineNumber: 1)?.path == "/")
        #expect(try TargetLine.parse("   # only a comment", lineNumber: 2) == nil)
        #expect(try TargetLine.parse("\t\r", lineNumber: 3) == nil)
    }

    @Test(arguments: ["host --connect-to", "host extra", "http://host", "host:0", "host --sni --connect-to x"])
    func badLinesNameTheirNumber(_ line: String) {
        #expect(throws: TargetLine.Invalid.self) { try TargetLine.parse(line, lineNumber: 7) }
        #expect((try? TargetLine.parse(line, lineNumber: 7)) == nil)
    }
}

@Suite struct ShardSelectorTests {
    /// Published FNV-1a 64-bit test vectors (Fowler/Noll/Vo reference code).
    @Test func fnvVectors() {
        #expect(ShardSelector.fnv1a64("") == 0xcbf2_9ce4_8422_2325)
        #expect(ShardSelector.fnv1a64("a") == 0xaf63_dc4c_8601_ec8c)
        #expect(ShardSelector.fnv1a64("foobar") == 0x8594_4171_f739_67e8)
    }

    @Test(arguments: [1, 2, 5, 16])
    func shardsPartition(count: Int) throws {
        let targets = (0..<1000).map { "site\($0).example:443" }
        let shards = try (1...count).map { try ShardSelector(index: $0, count: count) }
        for target in targets { #expect(shards.filter { $0.contains(target) }.count == 1) }
        let sizes = shards.map { shard in targets.filter(shard.contains).count }
        #expect(sizes.allSatisfy { $0 > 1000 / count / 2 }, "unbalanced: \(sizes)")
    }

    @Test(arguments: ["0/3", "4/3", "1/0", "a/b", "1", "1/2/3"])
    func badShards(_ text: String) {
        #expect(throws: ProbeSetupError.self) { try ShardSelector.parse(text) }
    }
}
