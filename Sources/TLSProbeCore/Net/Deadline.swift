#if canImport(Glibc)
import Glibc
#endif
// With the full Foundation gone, Clang may attribute timespec to the shim module (its OpenSSL
// headers include <time.h> first); member import visibility then wants it imported here too.
internal import CTLSProbeShims

/// A point on the monotonic clock. Every wait in a probe is bounded by one of these, so no
/// server behaviour (stall, trickle, silence) can keep the tool past its --timeout.
public struct Deadline: Sendable, Comparable {
    public let nanoseconds: UInt64

    public static var now: Deadline {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Deadline(nanoseconds: UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec))
    }

    public static func after(seconds: Double) -> Deadline {
        Deadline(nanoseconds: now.nanoseconds + UInt64(max(0, seconds) * 1_000_000_000))
    }

    public var remainingSeconds: Double {
        let current = Deadline.now.nanoseconds
        return nanoseconds > current ? Double(nanoseconds - current) / 1_000_000_000 : 0
    }

    /// For poll(2): at least 0, at most Int32.max milliseconds, rounded up so we never spin.
    var remainingMilliseconds: Int32 {
        let current = Deadline.now.nanoseconds
        guard nanoseconds > current else { return 0 }
        return Int32(min(Double(Int32.max), (Double(nanoseconds - current) / 1_000_000).rounded(.up)))
    }

    public var hasPassed: Bool { Deadline.now.nanoseconds >= nanoseconds }

    public func earlier(_ other: Deadline) -> Deadline { min(self, other) }

    /// Milliseconds elapsed since `start`.
    public static func millisecondsSince(_ start: Deadline) -> Double {
        Double(now.nanoseconds &- start.nanoseconds) / 1_000_000
    }

    public static func < (lhs: Deadline, rhs: Deadline) -> Bool { lhs.nanoseconds < rhs.nanoseconds }
}
