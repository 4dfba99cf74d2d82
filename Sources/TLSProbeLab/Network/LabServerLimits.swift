import FoundationEssentials

/// Bounds on how long a lab server waits, so a stuck client can never wedge a server thread.
public struct LabServerLimits: Sendable {
    /// Every single blocking read or write gives up after this long (SO_RCVTIMEO / SO_SNDTIMEO).
    public var ioTimeout: TimeInterval
    /// Behaviours that stall on purpose ("never respond", "stall after accept") end after this long
    /// even if nobody calls `stop()`.
    public var holdLimit: TimeInterval

    public init(ioTimeout: TimeInterval = 10, holdLimit: TimeInterval = 120) {
        self.ioTimeout = ioTimeout
        self.holdLimit = holdLimit
    }
}
