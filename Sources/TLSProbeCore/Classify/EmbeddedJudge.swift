/// What a `--client` profile's device would reject in a chain that OpenSSL accepted: message
/// size against its input buffer, keys and algorithms its X.509 profile or hardware lacks, and
/// whether its certificate bundle holds the issuer of the last certificate on the wire.
/// Works on the report's model only; the probe's follow-up connections live in
/// `ClientProfileJudgement`.
struct EmbeddedJudge {
    let profile: ClientProfile
    let bufferBytes: Int?
    let trust: ClientTrust
    /// RSA keys above this fail on the device's chip (nil: any size).
    var rsaLimitBits: Int?
    /// The `--chip` those limits come from, for the wording.
    var chipName: String = ESPChip.defaultChip.name
    let diagnose: (String, [String: String], Int?) -> Diagnosis

    var bundle: ESPCertificateBundle? { profile.defaultBundle.flatMap(ESPCertificateBundle.named) }

    func facts(_ extra: [String: String]) -> [String: String] {
        var all = ["client": profile.name, "profile": profile.basis]
        all.merge(extra) { _, new in new }
        return all
    }

    /// Every finding about a chain that was received: errors first, then the clock note.
    func judgeChain(sent: [CertificateSummary], anchor: CertificateSummary?, certificateMessageBytes: Int?) -> [Diagnosis] {
        guard !sent.isEmpty else { return [] }
        var found: [Diagnosis] = []
        if let message = bufferFinding(certificateMessageBytes) { found.append(message) }
        found += keyFindings(sent + (anchor.map { [$0] } ?? []).filter { root in !sent.contains { $0.sha256 == root.sha256 } })
        if trust == .bundle, let bundleFinding = bundleFinding(sent: sent, anchor: anchor) { found.append(bundleFinding) }
        if !profile.checksDates, let earliest = sent.min(by: { $0.notAfterEpoch < $1.notAfterEpoch }) {
            found.append(diagnose(DiagnosisID.embeddedClockUnchecked, facts(["not_after": earliest.notAfter]), earliest.depth))
        }
        return found
    }

    /// The Certificate message against the device's input buffer, with the rule of the
    /// profile's Mbed TLS release (reassembly from 3.6.3, the 2.x/3.x/4.x code).
    func bufferFinding(_ bytes: Int?) -> Diagnosis? {
        guard let bytes, let limit = bufferBytes else { return nil }
        guard let behaviour = profile.mbedTLS else {
            guard bytes > limit else { return nil }
            return diagnose(DiagnosisID.embeddedCertificateTooLarge, facts(["bytes": String(bytes), "limit": String(limit), "code": "-0x7100", "effect": "the message does not fit"]), nil)
        }
        guard let (code, why) = MbedTLSDeviceModel.messageRule(bytes: bytes, bufferBytes: limit, behaviour: behaviour) else { return nil }
        return diagnose(DiagnosisID.embeddedCertificateTooLarge, facts(["bytes": String(bytes), "limit": String(limit), "code": MbedTLSDeviceModel.hex(code), "effect": why]), nil)
    }

    /// RSA above the hardware limit, then what the device's X.509 profile refuses.
    func keyFindings(_ chain: [CertificateSummary]) -> [Diagnosis] {
        var found: [Diagnosis] = []
        for certificate in chain {
            let name = quoted(certificate.commonName ?? certificate.subject)
            var base = ["subject": name, "depth": String(certificate.depth)]
            let isRSA = certificate.keyType == "RSA" || certificate.keyType == "RSA-PSS"
            if isRSA, let limit = rsaLimitBits, certificate.keyBits > limit {
                base["bits"] = String(certificate.keyBits)
                base["max_bits"] = String(limit)
                base["chip"] = chipName
                base["effect"] = certificate.depth == 0
                    ? "checking the server's key-exchange signature fails: \"mbedtls_ssl_handshake returned -0x428E\" (RSA public operation failed + MPI not acceptable)"
                    : "checking the signature it made fails: \"mbedtls_ssl_handshake returned -0x2700\", flags 0x08 BADCERT_NOT_TRUSTED"
                found.append(diagnose(DiagnosisID.embeddedRSAKeyTooLarge, facts(base), certificate.depth))
            }
            if let (what, flags) = unsupportedAlgorithm(certificate) {
                base["what"] = what
                base["flags"] = flags
                found.append(diagnose(DiagnosisID.embeddedCertAlgorithmUnsupported, facts(base), certificate.depth))
            }
        }
        return found
    }

    /// The first thing about one certificate the device's X.509 profile refuses, with the flags.
    func unsupportedAlgorithm(_ certificate: CertificateSummary) -> (String, String)? {
        if ["Ed25519", "Ed448"].contains(certificate.keyType) && !profile.supportsEdDSA {
            return ("an \(certificate.keyType) key", "0x8000 BADCERT_BAD_PK")
        }
        if (certificate.keyType == "RSA" || certificate.keyType == "RSA-PSS") && certificate.keyBits < profile.minRSABits {
            return ("a \(certificate.keyBits)-bit RSA key (minimum \(profile.minRSABits))", "0x10000 BADCERT_BAD_KEY")
        }
        if certificate.keyType == "EC", let curve = certificate.curve, !profile.certificateCurves.contains(curve) {
            return ("the curve \(curve)", "0x10000 BADCERT_BAD_KEY")
        }
        // A trust anchor's signature on itself is never checked.
        guard !certificate.selfSigned else { return nil }
        let algorithm = certificate.signatureAlgorithm.lowercased()
        if algorithm.contains("ed25519") || algorithm.contains("ed448") {
            return profile.supportsEdDSA ? nil : ("an \(certificate.signatureAlgorithm) signature", "0x08 BADCERT_NOT_TRUSTED")
        }
        let hashes = ["sha512", "sha384", "sha256", "sha224", "sha1", "md5"]
        if let hash = hashes.first(where: algorithm.contains), !profile.certificateHashes.contains(hash) {
            return ("a \(certificate.signatureAlgorithm) signature", "0x4000 BADCERT_BAD_MD")
        }
        return nil
    }

    /// The bundle looks up the issuer of the topmost certificate sent (itself when self-signed).
    func bundleFinding(sent: [CertificateSummary], anchor: CertificateSummary?) -> Diagnosis? {
        guard let bundle, let top = sent.last else { return nil }
        let lookedUp = top.selfSigned ? top.subjectHash : top.issuerHash
        guard let hash = UInt32(lookedUp, radix: 16), bundle.root(subjectHash: hash) == nil else { return nil }
        var base = ["subject": quoted(top.commonName ?? top.subject), "issuer": quoted(commonName(top.issuer)),
                    "bundle": bundle.name, "snapshot": bundle.snapshot]
        // A cross-sign: the top certificate is a CA that also exists as a self-signed root,
        // either where the laptop's verifier ended or in the bundle itself.
        let standsForAnchor = anchor.map { $0.selfSigned && $0.subjectHash == top.subjectHash && $0.sha256 != top.sha256 } ?? false
        let standsForBundleRoot = UInt32(top.subjectHash, radix: 16).flatMap(bundle.root(subjectHash:))
        if top.isCA && !top.selfSigned && (standsForAnchor || standsForBundleRoot != nil) {
            let inBundle = standsForBundleRoot != nil ? "in the bundle" : "not in the bundle either"
            base["root"] = "the self-signed \(quoted(top.commonName ?? top.subject)) (\(inBundle))"
            return diagnose(DiagnosisID.embeddedCrossSignedChain, facts(base), top.depth)
        }
        return diagnose(DiagnosisID.embeddedRootNotInBundle, facts(base), top.depth)
    }

    private func commonName(_ subject: String) -> String {
        for part in subject.split(separator: ",") where part.hasPrefix("CN=") { return String(part.dropFirst(3)) }
        return subject
    }
}
