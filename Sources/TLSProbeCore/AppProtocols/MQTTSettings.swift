/// What the MQTT application stage sends in its CONNECT.
public struct MQTTSettings: Sendable {
    public var version: MQTTVersion = .v311
    /// nil: "tlsprobe-" and random hex, so two probes never take over each other's session.
    public var clientID: String?
    /// --mqtt-user; the target URL's user is used when this is nil.
    public var user: String?
    public var password: String?

    public init() {}
}
