/// Anything the lab can start for a client to connect to.
public protocol LabServer: AnyObject, Sendable {
    /// The address it listens on, e.g. "127.0.0.1" or "::1".
    var host: String { get }
    var port: UInt16 { get }
    /// TCP connections accepted so far (0 for servers that never accept).
    var connectionCount: Int { get }
    /// Stops listening, cuts open connections and returns within a few seconds at most.
    /// Safe to call more than once.
    func stop()
}
