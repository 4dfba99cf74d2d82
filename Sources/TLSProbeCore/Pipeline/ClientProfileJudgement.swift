/// `--client` profiles other than the default: after the probe, say what that device would
/// hit. A handshake the server refused is explained by changing one thing in the profile's
/// offer at a time; a chain that arrived is judged by `EmbeddedJudge`.
enum ClientProfileJudgement {
    static func run(_ context: ProbeContext) {
        let options = context.options
        let profile = options.clientProfile
        if context.report.tls.version != nil { context.report.diagnoses.insert(contentsOf: strictFailures(profile, context), at: 0) }
        guard !profile.isOpenSSLDefault else { return }
        let judge = makeJudge(context)
        var found: [Diagnosis] = []
        if context.report.tls.version == nil {
            found += explainRefusedOffer(judge, context)
        } else {
            let messageBytes = context.report.stage(.certificate)?.details.certificate?.certificateMessageBytes
            found += judge.judgeChain(sent: context.report.certificates, anchor: context.report.verification.anchor, certificateMessageBytes: messageBytes)
            if let sni = sniRequirement(judge, context) { found.append(sni) }
        }
        // Ahead of the generic findings of the same stage: for this client they are the cause.
        context.report.diagnoses.insert(contentsOf: found, at: 0)
        if let behaviour = profile.mbedTLS { context.report.device = DevicePredictionStep.predict(behaviour, judge, context) }
    }

    /// A strict finding this client enforces is its failure: the warning becomes an error that
    /// names the client (and leaves the report's warnings).
    private static func strictFailures(_ profile: ClientProfile, _ context: ProbeContext) -> [Diagnosis] {
        let enforced = context.learned.strictFindings.filter { profile.strictRules.contains($0.rule) }
        guard !enforced.isEmpty else { return [] }
        let warnings = Set(enforced.map(\.summary))
        context.report.diagnoses.removeAll { $0.id == DiagnosisID.chainStrict && warnings.contains($0.summary) }
        return enforced.map { $0.failure(for: profile, facts: context.facts) }
    }

    /// `tlsprobe check`: the chain from files, judged as this client would judge it if a
    /// server sent it over `assumedVersion` ("TLSv1.2"); no connection is made.
    static func judgeFiles(_ context: ProbeContext, assumedVersion: String) {
        let profile = context.options.clientProfile
        context.report.diagnoses.insert(contentsOf: strictFailures(profile, context), at: 0)
        guard !profile.isOpenSSLDefault else { return }
        let judge = makeJudge(context)
        let messageBytes = context.report.stage(.certificate)?.details.certificate?.certificateMessageBytes
        let found = judge.judgeChain(sent: context.report.certificates, anchor: context.report.verification.anchor, certificateMessageBytes: messageBytes)
        context.report.diagnoses.insert(contentsOf: found, at: 0)
        if let behaviour = profile.mbedTLS {
            context.report.device = DevicePredictionStep.predict(behaviour, judge, context, assumedVersion: assumedVersion)
        }
    }

    private static func makeJudge(_ context: ProbeContext) -> EmbeddedJudge {
        let options = context.options
        let profile = options.clientProfile
        return EmbeddedJudge(
            profile: profile, bufferBytes: options.clientBufferBytes ?? profile.inputBufferBytes,
            trust: ClientTrust.implied(by: options),
            rsaLimitBits: profile.usesChip ? options.chip.rsaLimitBits : profile.maxRSABits,
            chipName: profile.usesChip ? options.chip.name : "this device",
            diagnose: { [unowned context] id, facts, depth in context.diagnosis(id, facts, depth: depth) })
    }

    /// The server refused the profile's ClientHello. Which single change would it accept?
    private static func explainRefusedOffer(_ judge: EmbeddedJudge, _ context: ProbeContext) -> [Diagnosis] {
        func variant(_ purpose: String, _ offer: TLSOffer) -> FollowUpConnection.Result? {
            FollowUpConnection.attempt(purpose: "\(judge.profile.name): \(purpose)", offer: offer, sni: context.serverName, context: context)
        }
        if context.report.diagnoses.contains(where: { $0.id == DiagnosisID.handshakeSNIRequired }) {
            let error = Diagnosis(id: DiagnosisID.embeddedSNIRequired, facts: context.facts(judge.facts(["sni": context.target.host])),
                                  severityOverride: .error, exitOverride: .handshakeAlert, stageOverride: .serverHello)
            return [error]
        }
        guard !(context.connection?.recorder.hasReceived(HandshakeType.serverHello) ?? false) else { return [] }
        let offer = context.engine.context.offer
        let profile = judge.profile
        let pss = ["rsa_pss_rsae_sha256", "rsa_pss_rsae_sha384", "rsa_pss_rsae_sha512", "rsa_pss_pss_sha256"]
        if let result = variant("does the server need RSA-PSS signatures", offer.adding(sigalgs: pss)), result.accepted {
            return [context.diagnosis(DiagnosisID.embeddedRSAPSSRequired, judge.facts(["sigalg": "rsa_pss_rsae_*"]), stage: .serverHello)]
        }
        if !profile.supportsEdDSA, let result = variant("does the server have only an EdDSA certificate", offer.adding(sigalgs: ["ed25519", "ed448"])), result.accepted {
            return [context.diagnosis(DiagnosisID.embeddedEd25519Certificate, judge.facts(["sigalg": "ed25519"]), stage: .serverHello)]
        }
        if let option = profile.tls13Option, offer.maxVersion < .tls13 {
            var tls13 = offer.adding(sigalgs: option.extraSignatureAlgorithms)
            tls13.maxVersion = .tls13
            tls13.cipherSuites = option.cipherSuites.joined(separator: ":")
            if let result = variant("would TLS 1.3 (\(option.setting)) help", tls13), result.accepted, result.version == TLSVersion.tls13.label {
                return [context.diagnosis(DiagnosisID.embeddedTLS13Required, judge.facts(["server_versions": "TLS 1.3", "offered": context.offeredVersionsLabel]), stage: .serverHello)]
            }
        }
        var broad = offer
        broad.cipherList = "ALL:COMPLEMENTOFALL:@SECLEVEL=0"
        broad.groups = nil
        if let result = variant("does the server accept other suites or groups", broad), result.accepted {
            return [context.diagnosis(DiagnosisID.embeddedNoSharedCipher, judge.facts(["cipher": result.cipher ?? "?", "offered": "\(profile.opensslCipherNames.count) suites"]), stage: .serverHello)]
        }
        return []
    }

    /// The device sends SNI by default; does the server depend on it? (A warning: only builds
    /// that drop SNI are hurt.)
    private static func sniRequirement(_ judge: EmbeddedJudge, _ context: ProbeContext) -> Diagnosis? {
        guard let name = context.serverName, judge.profile.sendsSNI else { return nil }
        // Only a refusal counts: a timeout (a busy single-threaded server) proves nothing.
        guard let result = FollowUpConnection.attempt(purpose: "\(judge.profile.name): does the server need SNI", offer: context.engine.context.offer, sni: nil, context: context),
              !result.accepted, ["alert", "closed", "reset"].contains(where: result.detail.contains) else { return nil }
        return context.diagnosis(DiagnosisID.embeddedSNIRequired, judge.facts(["sni": name]), stage: .serverHello)
    }
}
