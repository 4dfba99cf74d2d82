/// Predicts what an Mbed TLS device (`--client esp-idf…`) gets from the server, from what the
/// probe saw on the wire with the device's own ClientHello: the outcome of
/// `mbedtls_ssl_handshake`, its return code, the verify flags Mbed TLS knows and the ones esp-tls
/// logs, and the device's log lines. Follows Mbed TLS's order of work: records, ServerHello,
/// Certificate (size, then chain), ServerKeyExchange. Every version difference comes from the
/// profile's `MbedTLSBehaviour`; this type holds none.
struct MbedTLSDeviceModel {
    /// What the probe observed, reduced to what the model needs.
    struct Observation {
        var failedStage: StageName?
        var diagnosisIDs: Set<String>
        /// The handshake completed (OpenSSL, with the device's offer).
        var negotiatedVersion: String?
        var receivedAlert: UInt8?
        /// The server asked for a client certificate before it failed.
        var certificateRequested: Bool
        var certificateMessageBytes: Int?
        var sent: [CertificateSummary]
        /// The server's key-exchange key is the leaf's; for the RSA size rule.
        var host: String?
        var usedBundle: Bool
        /// false for VERIFY_NONE (setInsecure): no chain, name or usage checks at all.
        var verifies: Bool = true
        var bundleRejects: Bool
    }

    let profile: ClientProfile
    let behaviour: MbedTLSBehaviour
    let chip: ESPChip
    /// CONFIG_MBEDTLS_SSL_IN_CONTENT_LEN (--client-buffer or the profile's).
    let bufferBytes: Int
    /// The CA file the device embeds (cert_pem), parsed.
    let trusted: [MbedTLSChainVerifier.Member]
    let now: Double

    /// Largest TLS record plaintext: a bigger handshake message is necessarily fragmented.
    static let maxRecordPlaintext = 16384

    var rsaLimitBits: Int? { profile.usesChip ? chip.rsaLimitBits : profile.maxRSABits }

    /// The prediction, and the chain verification behind it when the chain was judged.
    func predict(_ seen: Observation) -> (DevicePrediction, MbedTLSChainVerifier.Result?) {
        var verification: MbedTLSChainVerifier.Result?
        let (outcome, code, flags, reason) = decide(seen, &verification)
        var prediction = DevicePrediction(
            client: profile.name, chip: profile.usesChip ? chip.name : "-", mbedTLSVersion: behaviour.version,
            outcome: outcome, returnCode: code.map(Self.hex), verifyFlags: Self.flagsText(flags),
            loggedFlags: Self.flagsText(loggedFlags(outcome: outcome, flags: flags)), reason: reason, logLines: [])
        if outcome == .failed, seen.certificateRequested, seen.receivedAlert != nil {
            // The server's alert races the device's next write of its own flight.
            prediction.alternativeCodes = [Self.hex(-0x0050)]
            prediction.reason += "; if the device is still writing its flight when the server closes, it sees the reset first (-0x0050)"
        }
        if prediction.loggedFlags != prediction.verifyFlags {
            prediction.flagsHint = "esp-tls stores no verify flags after a failed handshake (mbedtls_ssl_get_peer_cert() is NULL until the handshake completes); read them in the application with mbedtls_ssl_get_verify_result(esp_tls_get_ssl_context(tls)) before esp_tls_conn_destroy()"
        }
        prediction.logLines = DeviceLogLines(behaviour: behaviour, framework: profile.framework).lines(prediction, alert: seen.receivedAlert, refused: seen.diagnosisIDs.contains(DiagnosisID.tcpRefused))
        return (prediction, verification)
    }

    private func loggedFlags(outcome: DevicePrediction.Outcome, flags: UInt32) -> UInt32 {
        switch behaviour.flagsAfterFailure {
        case .always: flags
        case .onlyWithPeerCertificate: outcome == .failed ? 0 : flags
        }
    }

    private func decide(_ seen: Observation, _ verification: inout MbedTLSChainVerifier.Result?) -> (DevicePrediction.Outcome, Int32?, UInt32, String) {
        if seen.diagnosisIDs.contains(where: { $0.hasPrefix("dns.") || $0.hasPrefix("tcp.") || $0.hasPrefix("proxy.") }) {
            return (.tcpFailed, nil, 0, "esp-tls's own connect fails before any TLS: \(seen.diagnosisIDs.sorted().joined(separator: ", "))")
        }
        guard let version = seen.negotiatedVersion else { return handshakeFailure(seen) }
        // TLS 1.3: the server judges the client's (empty) certificate after the client's
        // Finished, so mbedtls_ssl_handshake returns 0 and the alert ends the first read.
        if version.hasSuffix("1.3"), seen.diagnosisIDs.contains(DiagnosisID.alertClientCertRequired) {
            return (.failed, -0x7780, 0, "the server requires a client certificate: under TLS 1.3 its alert (certificate_required, 116) arrives after the handshake, so the first esp_tls_conn_read/write returns -0x7780")
        }
        if let bytes = seen.certificateMessageBytes, let (code, why) = Self.messageRule(bytes: bytes, bufferBytes: bufferBytes, behaviour: behaviour) {
            return (.failed, code, 0, why)
        }
        if !seen.verifies {
            // MBEDTLS_SSL_VERIFY_NONE: ssl_parse_certificate_verify is skipped entirely.
        } else if seen.usedBundle {
            if seen.bundleRejects {
                return (.failed, -0x3000, 0xFFFF_FFFF, "the certificate bundle has no root for the last certificate sent: its callback fails verification (MBEDTLS_ERR_X509_FATAL_ERROR) and marks every flag")
            }
        } else {
            let verifier = MbedTLSChainVerifier(profile: profile, behaviour: behaviour, rsaLimitBits: rsaLimitBits, now: now)
            let members = seen.sent.map { MbedTLSChainVerifier.Member(summary: $0, parsed: ParsedCertificate.fromPEM($0.pem)) }
            let result = verifier.verify(sent: members, trusted: trusted, host: profile.sendsSNI ? seen.host : nil)
            verification = result
            if result.returnCode != 0 {
                let what = result.returnCode == -0x2700 ? "X.509 verification fails" : "the certificate is refused after verification"
                return (.failed, result.returnCode, result.flags, "\(what): " + result.why.joined(separator: "; "))
            }
        }
        if let leaf = seen.sent.first, leaf.keyType.hasPrefix("RSA"), let limit = rsaLimitBits, leaf.keyBits > limit {
            let code: Int32? = behaviour.codes == .v4 ? nil : -0x428E
            return (.failed, code, 0, "checking the server's key-exchange signature with its RSA-\(leaf.keyBits) key fails: \(chip.name)'s RSA hardware stops at \(limit) bits and has no software fallback by default (\(chip.source))" + (code == nil ? "; the exact PSA code on Mbed TLS 4 is not modelled" : " (RSA_PUBLIC_FAILED + MPI_NOT_ACCEPTABLE)"))
        }
        return (.connected, nil, 0, "the handshake completes (\(seen.negotiatedVersion ?? "?"))")
    }

    /// The server did not finish the handshake with the device's offer.
    private func handshakeFailure(_ seen: Observation) -> (DevicePrediction.Outcome, Int32?, UInt32, String) {
        let ids = seen.diagnosisIDs
        if ids.contains(DiagnosisID.handshakeTimeout) {
            return (.timeout, nil, 0, "the server never answers; esp-tls gives up after its timeout (ESP_ERR_ESP_TLS_CONNECTION_TIMEOUT 0x8006; Mbed TLS itself would return MBEDTLS_ERR_SSL_TIMEOUT with a read timeout set)")
        }
        if let alert = seen.receivedAlert {
            return (.failed, -0x7780, 0, "the server answers with fatal alert \(TLSAlert.label(for: alert))")
        }
        // The server chose a version the device does not offer: Mbed TLS refuses the ServerHello.
        if [DiagnosisID.protoTLS10Only, DiagnosisID.protoTLS11Only, DiagnosisID.protoNoCommonVersion].contains(where: ids.contains) {
            return (.failed, -0x6E80, 0, "the server answers with a protocol version below the device's minimum (\(profile.minVersion.label)); Mbed TLS rejects the ServerHello (MBEDTLS_ERR_SSL_BAD_PROTOCOL_VERSION) and sends alert protocol_version")
        }
        if ids.contains(DiagnosisID.handshakeReset) { return (.failed, -0x0050, 0, "the server resets the connection (MBEDTLS_ERR_NET_CONN_RESET)") }
        if ids.contains(DiagnosisID.handshakeAbruptClose) { return (.failed, -0x7280, 0, "the server closes the connection without an alert (MBEDTLS_ERR_SSL_CONN_EOF)") }
        if ids.contains(where: { $0.hasPrefix("not_tls.") }) {
            return (.failed, -0x7200, 0, "the server does not speak TLS: its first bytes are not a TLS record (MBEDTLS_ERR_SSL_INVALID_RECORD)")
        }
        return (.failed, nil, 0, "the handshake failed in a way this model does not cover (\(ids.sorted().joined(separator: ", ")))")
    }

    /// The Certificate message against the input buffer, per version: the code and why, or nil
    /// when the device takes it. Shared with EmbeddedJudge's size finding.
    static func messageRule(bytes: Int, bufferBytes: Int, behaviour: MbedTLSBehaviour) -> (Int32, String)? {
        let tooLarge: Int32 = behaviour.codes == .v4 ? -0x0087 : -0x7100
        if bufferBytes < maxRecordPlaintext, bytes > bufferBytes + behaviour.inputBufferOverhead {
            return (tooLarge, "the \(bytes)-byte Certificate message does not fit the \(bufferBytes)-byte input buffer (\"requesting more data than fits\")")
        }
        if bytes > maxRecordPlaintext && !behaviour.reassemblesHandshakeMessages {
            return (-0x7080, "the \(bytes)-byte Certificate message spans several records and Mbed TLS \(behaviour.version) cannot reassemble it (\"TLS handshake fragmentation not supported\", MBEDTLS_ERR_SSL_FEATURE_UNAVAILABLE)")
        }
        if bytes > bufferBytes + behaviour.inputBufferOverhead {
            return (tooLarge, "the \(bytes)-byte Certificate message is reassembled but exceeds the input buffer (\(bufferBytes) + \(behaviour.inputBufferOverhead) bytes): \"requesting more data than fits\"")
        }
        return nil
    }

    static func hex(_ code: Int32) -> String {
        let magnitude = String(-code, radix: 16, uppercase: true)
        return "-0x" + String(repeating: "0", count: max(0, 4 - magnitude.count)) + magnitude
    }

    static func flagsText(_ flags: UInt32) -> String {
        let digits = String(flags, radix: 16, uppercase: true)
        return "0x" + String(repeating: "0", count: max(0, 8 - digits.count)) + digits
    }
}
