import FoundationEssentials

/// The second half of a matrix row for a client that runs on a PC, phone or browser: the
/// chain the server sent for this client's negotiation, judged with the client's rules
/// (`ClientAcceptance`) in the order its library works: the Certificate message's size, the
/// path to one of its roots (OpenSSL's verifier with the client's security level and name
/// flags), the rules its library adds (SHA-1, key sizes, CN fallback), then the key exchange.
struct ClientChainJudge {
    let profile: ClientProfile
    let acceptance: ClientAcceptance
    /// This client's store (its own roots, plus the user's --cacert/--capath).
    let trust: ClientStores.Resolved
    /// The user's roots alone: a chain they anchor ends at a private root.
    let userStore: X509TrustStore?
    let host: String
    let at: Date?
    /// The default probe's certificate-stage diagnoses: where the client's verify error
    /// allows several causes (missing intermediate or unknown root), the probe's chain
    /// analysis has already told them apart on the same chain.
    let probeCertificateIDs: [String]
    /// --no-fetch turns the download off for every client.
    let fetchPolicy: AIAFetchPolicy
    let deadline: Deadline
    /// Set when the prediction relies on the client's AIA fetch.
    var aiaNote: String? = nil

    mutating func judge(_ fetched: FetchedChain, version: TLSVersion?, now: Date) -> (stage: StageName, diagnosis: Diagnosis)? {
        let name = profile.name
        guard let connection = fetched.connection, !fetched.chain.isEmpty else {
            if fetched.certificateRequested, fetched.receivedAlert != nil {
                return (.certificate, Diagnosis.forClient(DiagnosisID.alertClientCertRequired,
                    "The server asks for a client certificate and ends the handshake without one (\(fetched.failure ?? "alert")).", stage: .certificate))
            }
            return (.serverHello, Diagnosis.forClient(DiagnosisID.handshakeFailed,
                "The handshake after the ServerHello failed: \(fetched.failure ?? "no certificate received").", stage: .serverHello))
        }
        if let limit = acceptance.maxCertificateMessageBytes, let bytes = fetched.certificateMessageBytes, bytes > limit {
            return (.certificate, Diagnosis.forClient(DiagnosisID.certTooLarge,
                "The \(bytes)-byte Certificate message exceeds \(acceptance.library)'s limit of \(limit) bytes.", stage: .certificate))
        }
        if !acceptance.matchesIPAddressSANs, SocketAddress.isNumericHost(host) {
            return (.certificate, Diagnosis.forClient(DiagnosisID.certHostnameMismatch,
                "\(acceptance.library) never matches an IP address against iPAddress SANs: connect by a DNS name in the certificate.", stage: .certificate))
        }
        if !acceptance.reordersChain, let (child, parent) = outOfOrder(fetched.chain) {
            return (.certificate, Diagnosis.forClient(DiagnosisID.chainWrongOrder,
                "\(quoted(parent.commonName ?? parent.subject)) (the issuer of \(quoted(child.commonName ?? child.subject))) is not the next certificate sent, and \(acceptance.library) looks for an issuer only after each certificate.", stage: .certificate))
        }
        var judged = fetched.chain
        if let finding = verify(connection, fetched, now: now) {
            // A client that downloads missing issuers (AIA) gets the chain completed the same way.
            guard profile.fetchesMissingIssuers, finding.id == DiagnosisID.chainMissingIntermediate, let completed = completeThroughAIA(fetched, now: now) else {
                return (.certificate, finding)
            }
            judged = completed
        }
        if let finding = libraryRules(judged) ?? strictRules(judged, now: now) { return (.certificate, finding) }
        // OpenSSL ≥ 3.0 at security level 1+: TLS 1.0/1.1 sign the key exchange with MD5+SHA-1,
        // which it refuses ("legacy sigalg disallowed or unsupported"), though it offers them.
        if let level = acceptance.securityLevel, level >= 1, acceptance.sha1Signatures == .refused, let version, version < .tls12,
           fetched.session?.cipherKeyExchangeIsRSA == false {
            return (.keyExchange, Diagnosis.forClient(version == .tls10 ? DiagnosisID.protoTLS10Only : DiagnosisID.protoTLS11Only,
                "The server chose \(version.label); \(acceptance.library) refuses its MD5+SHA-1 key-exchange signature at security level \(level) (\"legacy sigalg disallowed or unsupported\"), although it offers \(version.label).",
                stage: .keyExchange))
        }
        if let minimum = acceptance.minDHBits, let bits = fetched.session?.dhBits, bits < minimum {
            return (.keyExchange, Diagnosis.forClient(DiagnosisID.keyWeakDH,
                "The server's DHE group has \(bits) bits; \(name) (\(acceptance.library)) refuses DH below \(minimum) bits.", stage: .keyExchange))
        }
        if fetched.failure != nil, fetched.certificateRequested {
            return (.finished, Diagnosis.forClient(DiagnosisID.alertClientCertRequired,
                "The server asks for a client certificate and ends the handshake without one.", stage: .finished))
        }
        return nil
    }

    /// OpenSSL's verifier with this client's security level, store and name flags.
    private func verify(_ connection: TLSConnection, _ fetched: FetchedChain, now: Date) -> Diagnosis? {
        let settings = ClientVerifySettings(authLevel: acceptance.securityLevel ?? 0, host: host,
                                            commonNameFallback: acceptance.commonNameFallback,
                                            alternativeChains: acceptance.alternativeChains, at: at)
        let (allErrors, path) = connection.verifyAsClient(trust.store, settings, now: now)
        let errors = allErrors.filter { !handlesCriticalExtensions(of: $0, path) }
        guard let first = errors.first else { return nil }
        let leaf = fetched.chain[0]
        let library = acceptance.library
        switch first.code {
        case 62, 64:
            let dnsNames = leaf.san.filter { $0.hasPrefix("DNS:") }
            if !acceptance.commonNameFallback, dnsNames.isEmpty, leaf.commonName.map({ $0.lowercased() == host.lowercased() }) == true {
                return Diagnosis.forClient(DiagnosisID.certCNOnly,
                    "\"\(host)\" is only in the subject CN and \(library) never falls back to the CN: it needs a DNS subjectAltName.", stage: .certificate)
            }
            let names = leaf.san.isEmpty ? "CN \(leaf.commonName ?? "-")" : leaf.san.joined(separator: ", ")
            return Diagnosis.forClient(DiagnosisID.certHostnameMismatch, "The certificate is valid for \(names), not for \"\(host)\".", stage: .certificate)
        case 66, 67:
            let weak = path.first { $0.depth == first.depth } ?? leaf
            return Diagnosis.forClient(weak.keyType.hasPrefix("RSA") ? DiagnosisID.keyWeakRSA : DiagnosisID.keyWeakEC,
                "\(quoted(weak.commonName ?? weak.subject)) has a \(weak.keyBits)-bit \(weak.keyType) key: below \(library)'s security level \(settings.authLevel).", stage: .certificate)
        case 68:
            let weak = path.first { $0.depth == first.depth } ?? leaf
            let md5 = weak.signatureAlgorithm.lowercased().contains("md5")
            return Diagnosis.forClient(md5 ? DiagnosisID.sigMD5 : DiagnosisID.sigSHA1,
                "\(quoted(weak.commonName ?? weak.subject)) is signed with \(weak.signatureAlgorithm), which \(library) refuses at security level \(settings.authLevel).", stage: .certificate)
        default:
            let candidates = OpenSSLVerifyCodes.byCode[first.code]?.diagnoses ?? [DiagnosisID.certVerifyError]
            // The probe's analysis tells the causes apart only when it verified against the same store.
            let id = (trust.isProbeStore ? candidates.first(where: probeCertificateIDs.contains) : nil) ?? refine(candidates, first, fetched)
            return Diagnosis.forClient(id, "\(first.message) at depth \(first.depth) (\(first.subject)), verifying against \(trust.label).", stage: .certificate)
        }
    }

    /// An unhandled-critical-extension error (34) about extensions this library does handle.
    private func handlesCriticalExtensions(of error: VerificationError, _ path: [CertificateSummary]) -> Bool {
        guard error.code == 34, !acceptance.handledCriticalExtensions.isEmpty, error.depth < path.count,
              let rules = TrustChains.stack([path[error.depth]])?.rules().first else { return false }
        return !rules.unknownCritical.isEmpty && rules.unknownCritical.allSatisfy(acceptance.handledCriticalExtensions.contains)
    }

    /// The first strict rule (`chain.strict`) this client enforces that the path breaks.
    private func strictRules(_ chain: [CertificateSummary], now: Date) -> Diagnosis? {
        guard !profile.strictRules.isEmpty, let stack = TrustChains.stack(chain) else { return nil }
        let underTest = ChainUnderTest.verifying(stack, against: trust.store, host: host, at: at, authLevel: nil, now: now)
        let findings = StrictChainJudge.findings(of: underTest, sent: chain, host: host, at: at, now: at ?? now)
        guard let finding = findings.first(where: { profile.strictRules.contains($0.rule) }) else { return nil }
        var diagnosis = finding.failure(for: profile)
        diagnosis.stage = .certificate
        return diagnosis
    }

    /// The first certificate whose issuer, also sent, does not come right after it.
    private func outOfOrder(_ chain: [CertificateSummary]) -> (CertificateSummary, CertificateSummary)? {
        for (index, child) in chain.enumerated() where !child.selfSigned {
            guard let parentIndex = chain.firstIndex(where: { $0.subjectHash == child.issuerHash && $0.sha256 != child.sha256 }) else { continue }
            if parentIndex != index + 1 { return (child, chain[parentIndex]) }
        }
        return nil
    }

    /// Without the probe's analysis: the sent chain's shape picks among the verify code's causes.
    private func refine(_ candidates: [String], _ error: VerificationError, _ fetched: FetchedChain) -> String {
        if error.code == 10, error.depth > 0, candidates.contains(DiagnosisID.chainIntermediateExpired) { return DiagnosisID.chainIntermediateExpired }
        if [20, 21, 2].contains(error.code), let top = fetched.chain.last {
            // As the probe's analysis: a CA whose issuer nobody has is almost always a root this
            // client's store lacks; a leaf whose issuer was not sent, a missing intermediate.
            return top.selfSigned || top.isCA ? DiagnosisID.certUntrustedRoot : DiagnosisID.chainMissingIntermediate
        }
        return candidates[0]
    }

    /// Downloads the missing issuers as this client would (`AIACompletion`, the probe's own
    /// bounded fetcher) and verifies against the client's store; the completed path, or nil.
    private mutating func completeThroughAIA(_ fetched: FetchedChain, now: Date) -> [CertificateSummary]? {
        let sent = fetched.chain.compactMap { ParsedCertificate.fromPEM($0.pem) }
        let completion = AIACompletion.complete(sent: sent, store: trust.store.pointer, https: nil, host: nil, at: at, now: now,
                                                policy: fetchPolicy, deadline: deadline)
        guard completion.status == .completed, completion.trusted else {
            aiaNote = "\(acceptance.library) downloads missing issuers (AIA), but here that did not complete the chain: \(completion.reason ?? completion.status.rawValue)"
            return nil
        }
        aiaNote = "completed from the CA Issuers URL (AIA) as \(acceptance.library) does: " + completion.fetches.map(\.url).joined(separator: ", ")
        return completion.chain
    }

    /// Whether the user's own roots (--cacert/--capath) anchor `chain`: a private root, which
    /// JSSE's "jdkCA" constraints leave alone.
    private func anchoredAtUserRoot(_ chain: [CertificateSummary]) -> Bool {
        guard let userStore, let stack = TrustChains.stack(chain) else { return false }
        let result = userStore.verify(stack, OfflineVerification(at: at), now: at ?? Date())
        return result.errors.allSatisfy { ![2, 20, 21, 19, 18].contains($0.code) } && result.built != nil
    }

    /// What a library other than OpenSSL adds (or relaxes) on the path it accepted.
    private func libraryRules(_ chain: [CertificateSummary]) -> Diagnosis? {
        let library = acceptance.library
        for certificate in chain where !certificate.selfSigned {
            let algorithm = certificate.signatureAlgorithm.lowercased()
            if algorithm.contains("md5") {
                return Diagnosis.forClient(DiagnosisID.sigMD5, "\(quoted(certificate.commonName ?? certificate.subject)) is signed with MD5; \(library) refuses it.", stage: .certificate)
            }
            if algorithm.contains("sha1") {
                switch acceptance.sha1Signatures {
                case .refused:
                    return Diagnosis.forClient(DiagnosisID.sigSHA1, "\(quoted(certificate.commonName ?? certificate.subject)) is signed with SHA-1; \(library) refuses SHA-1 certificate signatures.", stage: .certificate)
                case .refusedUnderShippedRoots where !anchoredAtUserRoot(chain):
                    return Diagnosis.forClient(DiagnosisID.sigSHA1, "\(quoted(certificate.commonName ?? certificate.subject)) is signed with SHA-1 under a root \(library) ships; it refuses that (a private root would pass).", stage: .certificate)
                default: break
                }
            }
        }
        for certificate in chain where certificate.keyType.hasPrefix("RSA") && certificate.keyBits < acceptance.minRSABits {
            return Diagnosis.forClient(DiagnosisID.keyWeakRSA,
                "\(quoted(certificate.commonName ?? certificate.subject)) has a \(certificate.keyBits)-bit RSA key; \(library) needs at least \(acceptance.minRSABits).", stage: .certificate)
        }
        return nil
    }
}
