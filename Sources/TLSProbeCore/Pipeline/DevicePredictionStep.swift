import FoundationEssentials

/// After the probe, for an Mbed TLS `--client` profile: hands what this probe saw on the wire to
/// `MbedTLSDeviceModel` (Classify/) and returns what the device itself gets.
enum DevicePredictionStep {
    static func predict(_ behaviour: MbedTLSBehaviour, _ judge: EmbeddedJudge, _ context: ProbeContext) -> DevicePrediction {
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
            negotiatedVersion: report.tls.version,
            receivedAlert: recorder?.receivedAlert.flatMap { $0.level == 2 ? $0.description : nil },
            certificateRequested: recorder?.hasReceived(HandshakeType.certificateRequest) ?? false,
            certificateMessageBytes: report.stage(.certificate)?.details.certificate?.certificateMessageBytes,
            sent: report.certificates, host: context.target.host, usedBundle: usesBundle,
            bundleRejects: usesBundle && judge.bundleFinding(sent: report.certificates, anchor: report.verification.anchor) != nil)
        return model.predict(observation)
    }
}
