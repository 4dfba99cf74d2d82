/// tlsprobe's documented exit codes. The numbers are a contract with users' scripts: never renumber.
public enum ExitStatus: Int32, Codable, Sendable, CaseIterable {
    case success = 0
    case warningsUnderStrict = 1
    case dnsFailed = 10
    case tcpRefused = 11
    case tcpTimeout = 12
    case tcpUnreachable = 13
    case handshakeAlert = 20
    case noCommonParameters = 21
    case handshakeTimeout = 22
    case notTLS = 23
    case peerClosed = 24
    case startTLSNotAvailable = 25
    case startTLSFailed = 26
    case untrustedChain = 30
    case hostnameMismatch = 31
    case certificateExpired = 32
    case incompleteChain = 33
    case otherCertificateProblem = 34
    case httpFailed = 40
    case proxyFailed = 41
    case applicationFailed = 42
    case usage = 64
    case inputFile = 66
    case internalError = 70

    /// One line per code, used by --help, the man page, README and `explain exit:N`.
    public var meaning: String {
        switch self {
        case .success: "every stage passed (warnings do not change this unless --strict)"
        case .warningsUnderStrict: "--strict: the probe passed but produced warnings"
        case .dnsFailed: "DNS failed: no such name, no address of the requested family, resolver failure"
        case .tcpRefused: "TCP connection refused"
        case .tcpTimeout: "TCP connect timed out (no answer to SYN)"
        case .tcpUnreachable: "network unreachable / no route to host"
        case .handshakeAlert: "the server rejected the handshake with an alert"
        case .noCommonParameters: "no common protocol version, cipher suite or group, or the server only offers what policy forbids"
        case .handshakeTimeout: "the handshake timed out"
        case .notTLS: "the peer does not speak TLS"
        case .peerClosed: "the peer closed or reset the connection during the handshake"
        case .startTLSNotAvailable: "STARTTLS is not offered or was refused (454, NO, -ERR, PostgreSQL 'N')"
        case .startTLSFailed: "the plaintext dialogue before TLS failed: no greeting, another protocol, a reply too large, data after the go-ahead"
        case .untrustedChain: "the chain does not lead to a trusted root (unknown CA, self-signed)"
        case .hostnameMismatch: "the hostname does not match the certificate"
        case .certificateExpired: "a certificate in the chain is expired or not yet valid (or expires within --fail-days)"
        case .incompleteChain: "incomplete chain (missing intermediate)"
        case .otherCertificateProblem: "any other certificate problem (weak key, weak signature, wrong purpose, too large, malformed)"
        case .httpFailed: "the HTTP stage failed (5xx, no response, timeout, not HTTP, unexpected status)"
        case .proxyFailed: "the HTTP CONNECT proxy refused or failed the tunnel"
        case .applicationFailed: "the application stage after TLS failed (MQTT CONNACK refusal, WebSocket upgrade not 101, no or a wrong reply)"
        case .usage: "usage error (bad option, bad target)"
        case .inputFile: "an input file (CA file, key, certificate, targets file) cannot be read or parsed"
        case .internalError: "internal error: a bug in tlsprobe; please report it with the command line"
        }
    }
}
