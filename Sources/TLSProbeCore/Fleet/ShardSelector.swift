/// `--shard K/N`: picks a stable subset of the targets so N copies of tlsprobe (a CI matrix, a
/// Kubernetes Indexed Job, GNU parallel over SSH) together probe every target exactly once.
///
/// A target belongs to shard `FNV-1a-64(UTF-8 of the target text) % N + 1`. The target text is
/// the target as written (the first word of a targets-file line), so the choice is the same on
/// every machine and every run, and per-line overrides (`--connect-to`, `--sni`) do not move a
/// target to another shard. FNV-1a is used because it is tiny, fully specified and has no seed.
public struct ShardSelector: Sendable, Equatable {
    /// 1-based, as users count: `--shard 1/4` … `--shard 4/4`.
    public let index: Int
    public let count: Int

    public init(index: Int, count: Int) throws(ProbeSetupError) {
        guard count >= 1, (1...count).contains(index) else {
            throw .usage("--shard \(index)/\(count): expected K/N with 1 ≤ K ≤ N, e.g. 1/4")
        }
        self.index = index
        self.count = count
    }

    /// Parses "K/N".
    public static func parse(_ text: String) throws(ProbeSetupError) -> ShardSelector {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else {
            throw .usage("--shard takes K/N (1-based), e.g. 2/8; got '\(SafeText.escape(text))'")
        }
        return try ShardSelector(index: index, count: count)
    }

    public func contains(_ targetText: String) -> Bool {
        Int(Self.fnv1a64(targetText) % UInt64(count)) + 1 == index
    }

    /// FNV-1a, 64-bit: offset basis 0xcbf29ce484222325, prime 0x100000001b3.
    public static func fnv1a64(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }
}
