/// The verdict policy: what a modern default client (OpenSSL security level 2, TLS ≥ 1.2)
/// accepts. The probe itself runs at level 0 so it can see what it then judges here.
enum PolicyJudge {
    static let minimumRSABits = 2048
    static let minimumECBits = 224
    static let minimumDHBits = 2048

    /// Weak keys and signatures anywhere in the chain as sent. A trust anchor's signature on
    /// itself is never checked by clients, so a self-signed root's hash does not count.
    static func certificates(_ chain: [CertificateSummary], diagnose: (String, [String: String], Int?) -> Diagnosis) -> [Finding] {
        var findings: [Finding] = []
        for certificate in chain {
            let subject = CertificateName.shown(certificate.subject, depth: certificate.depth)
            let facts = ["subject": subject, "depth": String(certificate.depth), "bits": String(certificate.keyBits),
                         "curve": certificate.curve ?? certificate.keyType, "algorithm": certificate.signatureAlgorithm]
            let which = certificate.depth == 0 ? "leaf" : quoted(CertificateName.shown(certificate.commonName ?? certificate.subject, depth: certificate.depth))
            let finiteField = ["RSA", "RSA-PSS", "DSA"].contains(certificate.keyType)
            if finiteField && certificate.keyBits < minimumRSABits {
                findings.append(Finding(diagnosis: diagnose(DiagnosisID.keyWeakRSA, facts, certificate.depth), short: "\(which) has a \(certificate.keyBits)-bit \(certificate.keyType) key"))
            } else if certificate.keyType == "EC" && certificate.keyBits < minimumECBits {
                findings.append(Finding(diagnosis: diagnose(DiagnosisID.keyWeakEC, facts, certificate.depth), short: "\(which) uses the weak curve \(certificate.curve ?? certificate.keyType)"))
            }
            guard !certificate.selfSigned else { continue }
            let algorithm = certificate.signatureAlgorithm.lowercased()
            if algorithm.contains("md5") {
                findings.append(Finding(diagnosis: diagnose(DiagnosisID.sigMD5, facts, certificate.depth), short: "\(which) signed with MD5"))
            } else if algorithm.contains("sha1") {
                findings.append(Finding(diagnosis: diagnose(DiagnosisID.sigSHA1, facts, certificate.depth), short: "\(which) signed with SHA-1"))
            }
        }
        return findings
    }

    /// Keys and signatures of the certificates the trust store added to the path (a root, or an
    /// intermediate the server did not send). OpenSSL's default client refuses a weak CA key
    /// wherever it comes from ("CA certificate key too weak", X509_V_ERR_CA_KEY_TOO_SMALL), so a
    /// chain that only verifies through a weak root must not pass. Depths are the built path's.
    static func trustStoreCertificates(
        built: [CertificateSummary], sent: [CertificateSummary], diagnose: (String, [String: String], Int?) -> Diagnosis
    ) -> [Finding] {
        let sentFingerprints = Set(sent.map(\.sha256))
        let added = built.filter { !sentFingerprints.contains($0.sha256) }
        return certificates(added, diagnose: diagnose).map { finding in
            var finding = finding
            finding.diagnosis.summary += " It comes from this client's trust store, not from the server: every client that builds its path through it at OpenSSL's default security level refuses the chain."
            finding.short = "trust-store " + finding.short
            return finding
        }
    }

    /// Finite-field DH below 2048 bits, and a handshake signed with SHA-1.
    static func keyExchange(_ session: NegotiatedSession, context probe: ProbeContext) -> [Diagnosis] {
        var diagnoses: [Diagnosis] = []
        if let bits = session.dhBits, bits < minimumDHBits {
            diagnoses.append(probe.diagnosis(DiagnosisID.keyWeakDH, ["bits": String(bits), "group": session.group ?? "DHE"]))
        }
        if let cipher = session.cipher, isTripleDES(cipher) {
            diagnoses.append(probe.diagnosis(DiagnosisID.cipher3DES, ["cipher": cipher]))
        }
        // Before TLS 1.2 the signature hash is fixed (MD5+SHA-1); the version finding covers it.
        if let signature = session.signatureAlgorithm, signature.hasSuffix("sha1"), session.version == "TLSv1.2" {
            diagnoses.append(probe.diagnosis(DiagnosisID.sigHandshakeSHA1, ["algorithm": signature]))
        }
        return diagnoses
    }

    /// 64-bit-block 3DES (Sweet32): still allowed at security level 2, so a warning, not an error.
    static func isTripleDES(_ cipherName: String) -> Bool {
        let upper = cipherName.uppercased()
        return upper.contains("DES-CBC3") || upper.contains("3DES")
    }
}
