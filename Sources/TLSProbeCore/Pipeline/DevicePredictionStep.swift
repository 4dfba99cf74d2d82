import FoundationEssentials

/// After the probe, for an Mbed TLS `--client` profile: hands what this probe saw on the wire to
/// `MbedTLSDeviceModel` (Classify/) and returns what the device itself gets.
enum DevicePredictionStep {
    /// `assumedVersion`: the version to judge as negotiated when no handshake ran (`tlsprobe check`).
    static func predict(_ behaviour: MbedTLSBehaviour, _ judge: EmbeddedJudge, _ context: ProbeContext, assumedVersion: String? = nil) -> DevicePrediction {
        let options = context.options
        let report = context.report
        let recorder = context.connection?.recorder
        let caFile: String? = switch options.trust {
        case .file(let path), .fileAndDirectory(let path, _): path
        default: nil
        }
        // What the firmware embeds as cert_pem (every certificate in the file, as mbedtls_x509_crt_parse reads them).
        let trusted = caFile.map { ParsedCertificate.allInFile($0).enumerated().map { index, parsed in
            MbedTLSChainVerifier.Member(summary: parsed.summary(depth: index), parsed: parsed)
        } } ?? []
        let model = MbedTLSDeviceModel(
            profile: judge.profile, behaviour: behaviour, chip: options.chip, bufferBytes: judge.bufferBytes ?? 16384,
            trusted: trusted, now: context.startDate.timeIntervalSince1970)
        let usesBundle = judge.trust == .bundle
        let observation = MbedTLSDeviceModel.Observation(
            failedStage: report.failedStage, diagnosisIDs: Set(report.diagnoses.map(\.id)),
            negotiatedVersion: report.tls.version ?? assumedVersion,
            receivedAlert: recorder?.receivedAlert.flatMap { $0.level == 2 ? $0.description : nil },
            certificateRequested: recorder?.hasReceived(HandshakeType.certificateRequest) ?? false,
            certificateMessageBytes: report.stage(.certificate)?.details.certificate?.certificateMessageBytes,
            sent: report.certificates, host: context.target.host, usedBundle: usesBundle, verifies: judge.trust != .insecure,
            bundleRejects: usesBundle && judge.bundleFinding(sent: report.certificates, anchor: report.verification.anchor) != nil)
        let (prediction, verification) = model.predict(observation)
        if let finding = chainFinding(prediction, verification, judge, context) { context.report.diagnoses.insert(finding, at: 0) }
        return prediction
    }

    /// OpenSSL accepted the chain and the name, the device does not: say why in the device's
    /// terms (its own diagnosis, ahead of the rest, so the exit code follows the device).
    private static func chainFinding(_ prediction: DevicePrediction, _ verification: MbedTLSChainVerifier.Result?,
                                     _ judge: EmbeddedJudge, _ context: ProbeContext) -> Diagnosis? {
        let report = context.report
        guard let verification, verification.returnCode != 0, prediction.outcome == .failed,
              report.verification.trusted == true else { return nil }
        // Already said by the embedded size/key/algorithm findings or the generic certificate ones.
        let alreadyErrors = report.diagnoses.contains { $0.severity == .error && ($0.stage == .certificate || $0.stage == .keyExchange) }
        var facts = ["flags": prediction.verifyFlags, "logged": prediction.loggedFlags, "code": prediction.returnCode ?? "?"]
        if let subject = verification.outOfOrderSubject {
            facts["subject"] = quoted(subject)
            return context.diagnosis(DiagnosisID.embeddedChainOutOfOrder, judge.facts(facts), stage: .certificate)
        }
        if let host = verification.ignoredIPSAN, let version = judge.profile.mbedTLS?.version {
            facts["host"] = host
            facts["version"] = version
            return context.diagnosis(DiagnosisID.embeddedIPSANUnsupported, judge.facts(facts), stage: .certificate)
        }
        guard !alreadyErrors, report.verification.hostnameMatched == true else { return nil }
        facts["reason"] = verification.why.joined(separator: "; ")
        return context.diagnosis(DiagnosisID.embeddedDeviceRejectsChain, judge.facts(facts), stage: .certificate)
    }

    private static func quoted(_ text: String) -> String { "\"" + text + "\"" }
}
