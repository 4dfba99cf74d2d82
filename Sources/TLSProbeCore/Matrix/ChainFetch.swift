import FoundationEssentials

/// What the server sends a client once it has chosen: one OpenSSL handshake that reproduces a
/// negotiation of the matrix (the same version and suite, the client's groups and signature
/// schemes, its SNI and status_request), so the chain is the one the server picks for that
/// client (an ECDSA chain for one, an RSA chain for another). Verification is left to each
/// client's rules (`ClientChainJudge`); the handshake itself accepts any chain.
struct ChainFetchKey: Hashable, Sendable {
    var version: TLSVersion
    /// OpenSSL cipher list (TLS ≤ 1.2) or TLS 1.3 suite names.
    var suites: String
    var groups: String?
    var sigalgs: String?
    var serverName: String?
    var statusRequest: Bool
    var alpn: [String]
}

/// The result, kept alive while the rows are judged: the connection owns the peer chain.
final class FetchedChain: @unchecked Sendable {
    let connection: TLSConnection?
    let session: NegotiatedSession?
    let chain: [CertificateSummary]
    let certificateMessageBytes: Int?
    /// Why the handshake did not complete (nil when it did).
    let failure: String?
    let receivedAlert: UInt8?
    let certificateRequested: Bool

    init(connection: TLSConnection?, session: NegotiatedSession?, chain: [CertificateSummary], certificateMessageBytes: Int?,
         failure: String?, receivedAlert: UInt8?, certificateRequested: Bool) {
        self.connection = connection
        self.session = session
        self.chain = chain
        self.certificateMessageBytes = certificateMessageBytes
        self.failure = failure
        self.receivedAlert = receivedAlert
        self.certificateRequested = certificateRequested
    }

    static func fetch(_ key: ChainFetchKey, address: SocketAddress, verifyName: String, options: ProbeOptions, deadline: Deadline, now: Date) -> FetchedChain {
        func failed(_ why: String, _ connection: TLSConnection? = nil) -> FetchedChain {
            FetchedChain(connection: connection, session: nil, chain: connection?.sentChainSummaries(now: now) ?? [],
                         certificateMessageBytes: connection?.receivedCertificateMessageBytes, failure: why,
                         receivedAlert: connection?.recorder.receivedAlert?.description,
                         certificateRequested: connection?.recorder.hasReceived(HandshakeType.certificateRequest) ?? false)
        }
        let tls13 = key.version == .tls13
        let offer = TLSOffer(minVersion: key.version, maxVersion: key.version,
                             cipherList: tls13 ? "ALL:@SECLEVEL=0" : key.suites + ":@SECLEVEL=0",
                             cipherSuites: tls13 ? key.suites : nil, groups: key.groups, sigalgs: key.sigalgs, securityLevel: 0)
        var contextOptions = options
        contextOptions.at = nil
        let context: TLSClientContext
        do { context = try TLSClientContext(offer: offer, options: contextOptions) } catch {
            return failed("OpenSSL cannot make this offer: \(error)")
        }
        let socket: TCPSocket
        switch TCPSocket.connect(to: address, deadline: deadline) {
        case .success(let connected): socket = connected
        case .failure(let failure): return failed("connect failed: \(failure.label)")
        }
        defer { socket.close() }
        let connection: TLSConnection
        do {
            connection = try TLSConnection(context: context, serverName: key.serverName, verifyName: verifyName, alpn: key.alpn,
                                           start: .now, requestOCSPStaple: key.statusRequest)
        } catch { return failed("\(error)") }
        connection.recorder.cutsLongCertificateLists = false
        switch connection.handshake(over: socket, deadline: deadline) {
        case .completed:
            return FetchedChain(connection: connection, session: connection.negotiatedSession(), chain: connection.sentChainSummaries(now: now),
                                certificateMessageBytes: connection.receivedCertificateMessageBytes, failure: nil,
                                receivedAlert: nil, certificateRequested: connection.recorder.hasReceived(HandshakeType.certificateRequest))
        case .transport(let event): return failed("the server \(event == .timedOut ? "stopped answering" : "closed the connection") during the handshake", connection)
        case .tlsError(let errors): return failed(errors.last?.reason ?? "handshake failed", connection)
        }
    }
}
