/// `--client` profiles other than the default: after the probe, say what that device would
/// hit. A handshake the server refused is explained by changing one thing in the profile's
/// offer at a time; a chain that arrived is judged by `EmbeddedJudge`.
extension ProbeSession {
    func judgeAsClientProfile() {
        let profile = options.clientProfile
        guard !profile.isOpenSSLDefault else { return }
        let judge = EmbeddedJudge(
            profile: profile, bufferBytes: options.clientBufferBytes ?? profile.inputBufferBytes,
            trust: ClientTrust.implied(by: options),
            diagnose: { [unowned self] id, facts, depth in self.diagnosis(id, facts, depth: depth) })
        var found: [Diagnosis] = []
        if report.tls.version == nil {
            found += explainRefusedOffer(judge)
        } else {
            let messageBytes = report.stage(.certificate)?.details.certificateMessageBytes
            found += judge.judgeChain(sent: report.certificates, anchor: report.verification.anchor, certificateMessageBytes: messageBytes)
            if let sni = sniRequirement(judge) { found.append(sni) }
        }
        // Ahead of the generic findings of the same stage: for this client they are the cause.
        report.diagnoses.insert(contentsOf: found, at: 0)
    }

    /// The server refused the profile's ClientHello. Which single change would it accept?
    private func explainRefusedOffer(_ judge: EmbeddedJudge) -> [Diagnosis] {
        if report.diagnoses.contains(where: { $0.id == DiagnosisID.handshakeSNIRequired }) {
            let error = Diagnosis(id: DiagnosisID.embeddedSNIRequired, facts: facts(judge.facts(["sni": target.host])),
                                  severityOverride: .error, exitOverride: .handshakeAlert, stageOverride: .serverHello)
            return [error]
        }
        guard !hasReceivedServerHello else { return [] }
        let offer = engine.context.offer
        let profile = judge.profile
        let pss = ["rsa_pss_rsae_sha256", "rsa_pss_rsae_sha384", "rsa_pss_rsae_sha512", "rsa_pss_pss_sha256"]
        if let result = variant("does the server need RSA-PSS signatures", offer.adding(sigalgs: pss)), result.accepted {
            return [diagnosis(DiagnosisID.embeddedRSAPSSRequired, judge.facts(["sigalg": "rsa_pss_rsae_*"]), stage: .serverHello)]
        }
        if !profile.supportsEdDSA, let result = variant("does the server have only an EdDSA certificate", offer.adding(sigalgs: ["ed25519", "ed448"])), result.accepted {
            return [diagnosis(DiagnosisID.embeddedEd25519Certificate, judge.facts(["sigalg": "ed25519"]), stage: .serverHello)]
        }
        if let option = profile.tls13Option, offer.maxVersion < .tls13 {
            var tls13 = offer.adding(sigalgs: option.extraSignatureAlgorithms)
            tls13.maxVersion = .tls13
            tls13.cipherSuites = option.cipherSuites.joined(separator: ":")
            if let result = variant("would TLS 1.3 (\(option.setting)) help", tls13), result.accepted, result.version == TLSVersion.tls13.label {
                return [diagnosis(DiagnosisID.embeddedTLS13Required, judge.facts(["server_versions": "TLS 1.3", "offered": offeredVersionsLabel]), stage: .serverHello)]
            }
        }
        var broad = offer
        broad.cipherList = "ALL:COMPLEMENTOFALL:@SECLEVEL=0"
        broad.groups = nil
        if let result = variant("does the server accept other suites or groups", broad), result.accepted {
            return [diagnosis(DiagnosisID.embeddedNoSharedCipher, judge.facts(["cipher": result.cipher ?? "?", "offered": "\(profile.opensslCipherNames.count) suites"]), stage: .serverHello)]
        }
        return []
    }

    private var hasReceivedServerHello: Bool {
        connection?.recorder.hasReceived(HandshakeType.serverHello) ?? false
    }

    private func variant(_ purpose: String, _ offer: TLSOffer) -> FollowUpResult? {
        followUp(purpose: "\(options.clientProfile.name): \(purpose)", offer: offer, sni: serverName)
    }

    /// The device sends SNI by default; does the server depend on it? (A warning: only builds
    /// that drop SNI are hurt.)
    private func sniRequirement(_ judge: EmbeddedJudge) -> Diagnosis? {
        guard let name = serverName, judge.profile.sendsSNI else { return nil }
        // Only a refusal counts: a timeout (a busy single-threaded server) proves nothing.
        guard let result = followUp(purpose: "\(judge.profile.name): does the server need SNI", offer: engine.context.offer, sni: nil),
              !result.accepted, ["alert", "closed", "reset"].contains(where: result.detail.contains) else { return nil }
        return diagnosis(DiagnosisID.embeddedSNIRequired, judge.facts(["sni": name]), stage: .serverHello)
    }
}
