import ArgumentParser
import TLSProbeCore

/// Options for probing many targets in one run.
struct FleetOptions: ParsableArguments {
    @Option(name: .customLong("targets-file"), help: ArgumentHelp("Read targets from this file, one per line: TARGET [--connect-to ADDR] [--sni NAME]; '#' comments; '-' for standard input.", valueName: "file"), completion: .file())
    var targetsFile: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Probe this many targets at once.", valueName: "n"))
    var jobs: Int = Self.defaultJobs
    static let defaultJobs = 16

    @Flag(help: "Print each target's result as soon as it finishes, not in input order.")
    var unordered = false

    @Flag(name: .customLong("fail-fast"), help: "Stop at the first failing target.")
    var failFast = false

    @Option(help: ArgumentHelp("Probe only shard K of N (1-based), chosen by an FNV-1a hash of each target's text, stable across runs and machines.", valueName: "K/N"))
    var shard: String?

    func validate() throws {
        if !(1...1024).contains(jobs) { throw ValidationError(RangeMessage.text("--jobs", "from 1 to 1024", got: jobs)) }
        _ = try shardSelector()
    }

    func shardSelector() throws -> ShardSelector? {
        guard let shard else { return nil }
        do { return try ShardSelector.parse(shard) } catch { throw ValidationError(error.description) }
    }

    var configuration: FleetConfiguration {
        FleetConfiguration(jobs: jobs, ordered: !unordered, failFast: failFast)
    }
}

/// `--format nagios` must answer UNKNOWN (exit 3) even when the arguments do not parse, so the
/// raw arguments are looked at before argument-parser has understood them.
enum NagiosMode {
    static func requested(in arguments: [String]) -> Bool {
        if arguments.contains("--format=nagios") { return true }
        guard let index = arguments.firstIndex(of: "--format"), index + 1 < arguments.count else { return false }
        return arguments[index + 1] == "nagios"
    }
}
