import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

// tlsprobe-fuzz TARGET [arguments]
//
// Built normally: replays every file in the given corpus directories through TARGET, then runs
// `--random N` seeded random inputs (default 0) — a regression and property check.
// Built with `-Xswiftc -sanitize=fuzzer -Xswiftc -DFUZZING` (scripts/fuzz.sh): hands the
// remaining arguments to libFuzzer, which fuzzes TARGET from the corpus.

let arguments = CommandLine.arguments
guard arguments.count >= 2, let target = FuzzTargets.all[arguments[1]] else {
    let usage = Array("usage: tlsprobe-fuzz {\(FuzzTargets.all.keys.sorted().joined(separator: "|"))} [corpus-dir…] [--random N]\n".utf8)
    _ = write(2, usage, usage.count)
    exit(64)
}

#if FUZZING
nonisolated(unsafe) var selectedTarget: (@Sendable ([UInt8]) -> Void)?
selectedTarget = target

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

// libFuzzer sees argv without the target name.
var cArguments: [UnsafeMutablePointer<CChar>?] = ([arguments[0]] + arguments.dropFirst(2)).map { strdup($0) } + [nil]
var argc = Int32(cArguments.count - 1)
let status = cArguments.withUnsafeMutableBufferPointer { buffer -> Int32 in
    var argv = buffer.baseAddress
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in
        selectedTarget?(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
        return 0
    }
}
exit(status)
#else
/// SplitMix64: deterministic, so a violation found by `--random` replays exactly.
struct SplitMix64 {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

var randomCount = 0
var files: [String] = []
var index = 2
while index < arguments.count {
    if arguments[index] == "--random", index + 1 < arguments.count, let count = Int(arguments[index + 1]) {
        randomCount = count
        index += 2
        continue
    }
    let path = arguments[index]
    let names = try? FileManager.default.contentsOfDirectory(atPath: path)
    files += names.map { $0.map { path + "/" + $0 } }?.sorted() ?? [path]
    index += 1
}
var corpus: [[UInt8]] = []
for file in files {
    guard let data = FileManager.default.contents(atPath: file) else { continue }
    corpus.append([UInt8](data))
    target([UInt8](data))
}
// Seeded random inputs: mutations of corpus entries (bit flips, truncation, splices) and pure noise.
var generator = SplitMix64(state: 0x5EED)
@MainActor func next() -> UInt64 { generator.next() }
for _ in 0..<randomCount {
    var input: [UInt8]
    if corpus.isEmpty || next() % 4 == 0 {
        input = (0..<Int(next() % 512)).map { _ in UInt8(truncatingIfNeeded: next()) }
    } else {
        input = corpus[Int(next() % UInt64(corpus.count))]
        for _ in 0..<Int(1 + next() % 8) where !input.isEmpty {
            let position = Int(next() % UInt64(input.count))
            switch next() % 4 {
            case 0: input[position] = UInt8(truncatingIfNeeded: next())
            case 1: input.removeSubrange(position...)
            case 2: input.insert(contentsOf: corpus[Int(next() % UInt64(corpus.count))].prefix(64), at: position)
            default: input[position] ^= UInt8(1 << (next() % 8))
            }
        }
    }
    target(input)
}
print("\(arguments[1]): \(corpus.count) corpus files and \(randomCount) random inputs, no property violated")
#endif
