import FoundationEssentials

/// The questions that need a whole handshake, made with OpenSSL: which certificate the server
/// sends per key type, whether it staples OCSP, which ALPN protocols it selects, and whether it
/// resumes sessions by id and by ticket. (The raw hellos stop at the ServerHello; in TLS 1.3
/// everything after it is encrypted.)
enum HandshakeChecks {
    /// Key types and the offer that makes a server choose that kind of certificate: the cipher
    /// list decides for TLS ≤ 1.2, the signature algorithms for TLS 1.3.
    static let keyTypes: [(name: String, ciphers: String, sigalgs: String)] = [
        ("RSA", "aRSA", "rsa_pss_rsae_sha256:rsa_pss_rsae_sha384:rsa_pss_rsae_sha512:rsa_pss_pss_sha256:rsa_pss_pss_sha384:rsa_pss_pss_sha512:RSA+SHA256:RSA+SHA384:RSA+SHA512:RSA+SHA224:RSA+SHA1"),
        ("ECDSA", "aECDSA", "ECDSA+SHA256:ECDSA+SHA384:ECDSA+SHA512:ECDSA+SHA224:ECDSA+SHA1"),
        ("Ed25519", "aECDSA", "ed25519"),
        ("Ed448", "aECDSA", "ed448"),
        ("DSA", "aDSS", "DSA+SHA256:DSA+SHA384:DSA+SHA512:DSA+SHA224:DSA+SHA1"),
    ]

    /// ALPN protocols asked about (testssl.sh's list, plus ACME and MQTT): all offered, the
    /// server's choice removed, until it selects none.
    static let alpnCandidates = ["h2", "http/1.1", "http/1.0", "spdy/3.1", "grpc-exp", "h2-fb", "spdy/3", "spdy/2", "spdy/1",
                                 "stun.turn", "stun.nat-discovery", "webrtc", "c-webrtc", "ftp", "acme-tls/1", "mqtt"]

    struct Handshake: Sendable {
        var completed = false
        var version: String?
        var cipher: String?
        var alpn: String?
        var ocspStapled = false
        var chain: [CertificateSummary] = []
        var resumed = false
        var sessionHasTicket = false
    }

    struct Findings: Sendable {
        var certificates: [ScannedCertificate] = []
        var ocspStapling: Bool?
        var alpn: [String] = []
        var resumptionSessionID: Bool?
        var resumptionTicket: Bool?
        var tls13Tickets: Bool?
        var notes: [String] = []
    }

    static func run(session: ScanSession, maxVersion: TLSVersion?) -> Findings {
        var findings = Findings()
        guard let maxVersion else { return findings }
        enum Job: Sendable { case keyType(Int), alpn, resumeSessionID, resumeTicket }
        let jobs: [Job] = keyTypes.indices.map { .keyType($0) } + [.alpn, .resumeSessionID, .resumeTicket]
        nonisolated(unsafe) var selected: [String] = []
        let results = session.parallelMap(jobs) { job -> Handshake? in
            switch job {
            case .keyType(let index):
                let type = keyTypes[index]
                return handshake(session: session, offer: offer(maxVersion: maxVersion, ciphers: type.ciphers, sigalgs: type.sigalgs), alpn: [])
            case .alpn:
                selected = alpn(session: session, maxVersion: maxVersion)
                return nil
            case .resumeSessionID:
                // Session ids do not exist in TLS 1.3: ask at TLS 1.2 or below.
                var capped = offer(maxVersion: min(maxVersion, .tls12))
                capped.minVersion = .tls10
                return resume(session: session, offer: capped, tickets: false)
            case .resumeTicket:
                return resume(session: session, offer: offer(maxVersion: maxVersion), tickets: true)
            }
        }
        findings.alpn = selected
        var seen: Set<String> = []
        for (job, result) in zip(jobs, results) {
            guard let result else { continue }
            switch job {
            case .keyType(let index):
                guard result.completed, let leaf = result.chain.first else { continue }
                findings.ocspStapling = (findings.ocspStapling ?? false) || result.ocspStapled
                guard seen.insert(leaf.sha256).inserted else { continue }
                findings.certificates.append(ScannedCertificate(requested: keyTypes[index].name, version: result.version ?? "",
                                                                cipher: result.cipher ?? "", chain: result.chain, ocspStapled: result.ocspStapled))
            case .alpn: break
            case .resumeSessionID:
                if result.completed { findings.resumptionSessionID = result.resumed }
            case .resumeTicket:
                if result.completed {
                    findings.resumptionTicket = result.resumed
                    findings.tls13Tickets = result.sessionHasTicket
                }
            }
        }
        return findings
    }

    /// Every candidate offered, the server's choice removed, until it selects none (or refuses:
    /// no_application_protocol). In the server's order when it has one.
    static func alpn(session: ScanSession, maxVersion: TLSVersion) -> [String] {
        var remaining = alpnCandidates
        var selected: [String] = []
        while !remaining.isEmpty, !session.deadline.hasPassed,
              let result = handshake(session: session, offer: offer(maxVersion: maxVersion), alpn: remaining),
              let name = result.alpn, let index = remaining.firstIndex(of: name) {
            selected.append(name)
            remaining.remove(at: index)
        }
        return selected
    }

    static func offer(maxVersion: TLSVersion, ciphers: String = "ALL:COMPLEMENTOFALL", sigalgs: String? = nil) -> TLSOffer {
        TLSOffer(minVersion: .tls10, maxVersion: maxVersion, cipherList: ciphers + ":@SECLEVEL=0", cipherSuites: nil, groups: nil,
                 sigalgs: sigalgs, securityLevel: 0)
    }

    /// One full handshake with `offer`; nil when no connection could be made.
    static func handshake(session: ScanSession, offer: TLSOffer, alpn: [String], resuming: TLSSessionHandle? = nil,
                          refuseTickets: Bool = false, keep: ((TLSConnection, TCPSocket, Deadline) -> Void)? = nil) -> Handshake? {
        guard let context = try? TLSClientContext(offer: offer, options: session.options) else { return nil }
        return session.withSlot { () -> Handshake? in
            let deadline = session.connectionDeadline()
            guard case .success(let socket) = session.connect(deadline: deadline),
                  let connection = try? TLSConnection(context: context, serverName: session.serverName, verifyName: session.verifyName,
                                                      alpn: alpn, start: Deadline.now)
            else { return nil }
            defer { socket.close() }
            if refuseTickets { connection.refuseTickets() }
            if let resuming { connection.offerResumption(of: resuming) }
            var result = Handshake()
            guard case .completed = connection.handshake(over: socket, deadline: deadline) else { return result }
            let negotiated = connection.negotiatedSession()
            result.completed = true
            result.version = negotiated.version
            result.cipher = negotiated.cipherIANA ?? negotiated.cipher
            result.alpn = negotiated.alpn
            result.ocspStapled = negotiated.ocspStapled
            result.resumed = negotiated.resumed
            if resuming == nil { result.chain = connection.peerChain(now: Date()) }
            keep?(connection, socket, deadline)
            return result
        } ?? nil
    }

    /// Two handshakes: the second offers the first one's session. With `tickets` false the
    /// client refuses tickets, so only a session-id cache can resume it.
    static func resume(session: ScanSession, offer: TLSOffer, tickets: Bool) -> Handshake? {
        nonisolated(unsafe) var saved: TLSSessionHandle?
        var hasTicket = false
        let first = handshake(session: session, offer: offer, alpn: [], refuseTickets: !tickets) { connection, socket, deadline in
            // TLS 1.3 tickets come after the handshake: read until one arrived (or a short wait).
            let wait = Deadline.after(seconds: 0.5).earlier(deadline)
            if connection.negotiatedSession().version == "TLSv1.3" {
                _ = connection.read(over: socket, deadline: wait) { connection.currentSession()?.isResumable ?? false }
            }
            saved = connection.currentSession()
            hasTicket = saved?.hasTicket ?? false
            connection.sendCloseNotify(over: socket, deadline: deadline)
        }
        guard let first, first.completed else { return first }
        guard let saved, saved.isResumable else {
            var result = first
            result.resumed = false
            result.sessionHasTicket = hasTicket
            return result
        }
        guard var second = handshake(session: session, offer: offer, alpn: [], resuming: saved, refuseTickets: !tickets) else { return nil }
        second.sessionHasTicket = hasTicket
        return second
    }
}
