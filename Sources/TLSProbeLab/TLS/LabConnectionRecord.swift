import FoundationEssentials
import TLSProbeCore

/// What a client offered in its ClientHello, as the server saw it.
public struct LabClientHello: Sendable {
    public var serverName: String?
    public var alpn: [String]
    /// From supported_versions when present, else the legacy version field (0x0301 = TLS 1.0…).
    public var offeredVersions: [UInt16]
    public var cipherSuiteCount: Int
    /// supported_groups code points (23 = P-256, 29 = x25519…).
    public var groups: [UInt16]
    public var extensionTypes: [Int]
}

/// One accepted TLS connection and how far it got.
public struct LabConnectionRecord: Sendable {
    /// 0 for the first connection the server accepted.
    public let index: Int
    /// The client's address and port, e.g. "192.168.1.23:51234" or "[::1]:40000".
    public var peer: String?
    public var clientHello: LabClientHello?
    public var handshakeCompleted = false
    /// "TLSv1.3", "TLSv1.2"… as OpenSSL names it.
    public var negotiatedVersion: String?
    public var negotiatedCipher: String?
    public var handshakeError: String?
    public var clientCertificateSubject: String?
    /// The HTTP request head, nil when no request arrived.
    public var requestHead: String?

    init(index: Int) {
        self.index = index
    }
}

/// Told about each client connection as it happens, on the connection's thread: a TLS server
/// calls it once the handshake has succeeded or failed, a raw server once it has accepted.
public typealias LabConnectionObserver = @Sendable (LabConnectionRecord) -> Void

/// Thread-safe list of connection records, shared by the connection threads of one server.
///
/// `@unchecked Sendable`: `records` is only read or written with `lock` held.
final class LabConnectionLog: @unchecked Sendable {
    private let lock = ConditionLock()
    private var records: [LabConnectionRecord] = []

    /// Adds a record for a new connection and returns its index.
    func begin() -> Int {
        lock.withLock {
            records.append(LabConnectionRecord(index: records.count))
            return records.count - 1
        }
    }

    func update(_ index: Int, _ change: (inout LabConnectionRecord) -> Void) {
        lock.withLock { change(&records[index]) }
    }

    var snapshot: [LabConnectionRecord] { lock.withLock { records } }

    func record(_ index: Int) -> LabConnectionRecord { lock.withLock { records[index] } }
}
