/// The targets of a run in input order: command-line arguments first, then the targets file,
/// streamed. `--shard` is applied here, so indices count only this shard's targets.
///
/// Not thread-safe: `FleetRunner` calls it under its lock, one target at a time.
public final class FleetSource: @unchecked Sendable {
    private var arguments: ArraySlice<ProbeTarget>
    private let filePath: String?
    private var reader: LineReader?
    private let shard: ShardSelector?

    public init(arguments: [ProbeTarget], filePath: String?, shard: ShardSelector?) throws(ProbeSetupError) {
        self.arguments = arguments[...]
        self.filePath = filePath
        self.shard = shard
        reader = try filePath.map { path throws(ProbeSetupError) in try LineReader(path: path) }
    }

    /// True when the targets come from standard input, which can be read only once.
    public var readsStandardInput: Bool { filePath == "-" }

    /// Reads a targets file once ahead of the run: bad lines are usage errors before any traffic,
    /// and the count feeds the progress bar. Nil for standard input (not rewindable).
    public func countTargets() throws(ProbeSetupError) -> Int? {
        let selected = arguments.filter(isSelected).count
        guard let filePath else { return selected }
        if readsStandardInput { return nil }
        let scan = try LineReader(path: filePath)
        var count = selected
        while let target = try Self.target(from: scan) {
            if isSelected(target) { count += 1 }
        }
        return count
    }

    /// The next target of this shard, or nil when there are no more.
    public func next() throws(ProbeSetupError) -> ProbeTarget? {
        while let target = arguments.popFirst() {
            if isSelected(target) { return target }
        }
        guard let reader else { return nil }
        while let target = try Self.target(from: reader) {
            if isSelected(target) { return target }
        }
        self.reader = nil  // closes the file as soon as it is used up
        return nil
    }

    private func isSelected(_ target: ProbeTarget) -> Bool {
        shard?.contains(target.input) ?? true
    }

    private static func target(from reader: LineReader) throws(ProbeSetupError) -> ProbeTarget? {
        while let line = try reader.next() {
            do {
                if let target = try TargetLine.parse(line, lineNumber: reader.lineNumber) { return target }
            } catch {
                throw .usage(error.description)
            }
        }
        return nil
    }
}
