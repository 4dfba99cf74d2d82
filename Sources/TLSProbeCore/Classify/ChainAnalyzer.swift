import FoundationEssentials

/// A diagnosis with the few words that stand for it on the stage line.
struct Finding {
    var diagnosis: Diagnosis
    var short: String
}

/// Judges the certificate chain from what the verifier reported at every depth, from the chain
/// exactly as the server sent it and from what the certificates themselves show (`evidence`).
/// Which diagnosis a verify code leads to is `OpenSSLVerifyCodes`' row; this type only picks
/// among a row's diagnoses by evidence and supplies the facts.
struct ChainAnalyzer {
    let sent: [CertificateSummary]
    let errors: [VerificationError]
    let host: String
    let warnDays: Int
    let failDays: Int?
    let now: Date
    /// True when `now` is the time given with --at, not this machine's clock.
    let nowIsRequested: Bool
    /// Certificates the server sent after those in `sent` that were never read (CertificateListCut):
    /// the path verified without them, so they are unneeded too.
    var unreadCount = 0
    var evidence = ChainEvidence()
    let makeDiagnosis: (String, [String: String], Int?) -> Diagnosis

    static let hostnameCodes: Set<Int> = [62, 63, 64]

    var trusted: Bool { errors.allSatisfy { Self.hostnameCodes.contains($0.code) } && !sent.isEmpty }
    var hostnameMatched: Bool { !errors.contains { Self.hostnameCodes.contains($0.code) } && !sent.isEmpty }

    init(sent: [CertificateSummary], errors: [VerificationError], host: String, warnDays: Int, failDays: Int?, now: Date,
         nowIsRequested: Bool = false, evidence: ChainEvidence = ChainEvidence(), makeDiagnosis: @escaping (String, [String: String], Int?) -> Diagnosis) {
        self.sent = sent
        self.errors = errors
        self.host = host
        self.warnDays = warnDays
        self.failDays = failDays
        self.now = now
        self.nowIsRequested = nowIsRequested
        self.evidence = evidence
        self.makeDiagnosis = makeDiagnosis
    }

    /// Findings, most decisive first: the exit code follows the first error.
    func findings() -> [Finding] {
        var findings: [Finding] = []
        var seen = Set<String>()
        let misordered = leafNotFirst()
        if let misordered { findings.append(misordered.finding) }
        for error in errors {
            // With the server's certificate sent later, what OpenSSL says about the first one
            // (wrong name, wrong purpose) is the symptom, not the cause.
            if misordered != nil && error.depth == 0 && (Self.hostnameCodes.contains(error.code) || error.code == 26) { continue }
            guard let finding = finding(for: error) else { continue }
            let key = "\(finding.diagnosis.id)@\(finding.diagnosis.depth ?? -1)"
            if seen.insert(key).inserted { findings.append(finding) }
        }
        findings += expiryWarnings()
        findings += notAfterBoundary()
        if misordered == nil { findings += structureFindings() }
        return findings.sorted { rank($0) < rank($1) }
    }

    private func rank(_ finding: Finding) -> Int {
        let severity = finding.diagnosis.severity == .error ? 0 : (finding.diagnosis.severity == .warning ? 100 : 200)
        let order: [Int32] = [33, 30, 32, 31, 34]
        return severity + (order.firstIndex(of: finding.diagnosis.exitCode) ?? order.count)
    }

    // MARK: - Which certificate an error is about

    /// The certificate at a verify depth: the path OpenSSL built when it has one (it holds the
    /// trust store's certificates too), else the sent one with that subject or position.
    private func certificate(for error: VerificationError) -> CertificateSummary? {
        if error.depth < evidence.built.count, evidence.built[error.depth].subject == error.subject || error.subject.isEmpty {
            return evidence.built[error.depth]
        }
        return sent.first { $0.subject == error.subject && !error.subject.isEmpty } ?? (error.depth < sent.count ? sent[error.depth] : nil)
    }

    private func rules(for certificate: CertificateSummary?) -> CertificateRules? {
        guard let certificate else { return nil }
        if let index = evidence.built.firstIndex(where: { $0.sha256 == certificate.sha256 }), index < evidence.builtRules.count {
            return evidence.builtRules[index]
        }
        if let index = sent.firstIndex(where: { $0.sha256 == certificate.sha256 }), index < evidence.sentRules.count {
            return evidence.sentRules[index]
        }
        return nil
    }

    private func sentIndex(of certificate: CertificateSummary?) -> Int? {
        guard let certificate else { return nil }
        return sent.firstIndex { $0.sha256 == certificate.sha256 }
    }

    // MARK: - One verify error

    private func finding(for error: VerificationError) -> Finding? {
        let certificate = certificate(for: error)
        let rules = rules(for: certificate)
        // The certificate at this depth may not be one the server sent (a root from the trust
        // store): then its name and dates come from what the verifier reported.
        let subject = !error.subject.isEmpty && error.subject != "?" ? error.subject
            : (certificate.map(Self.name(of:)) ?? CertificateName.shown("", depth: error.depth))
        let notBefore = certificate?.notBeforeEpoch ?? error.notBeforeEpoch
        let notAfter = certificate?.notAfterEpoch ?? error.notAfterEpoch
        var facts = ["subject": subject, "depth": String(error.depth), "code": String(error.code), "reason": error.message]
        facts["issuer"] = certificate.map(Self.issuerName(of:)) ?? CertificateName.shown(error.issuer ?? "", depth: error.depth + 1)
        if let notBefore { facts["not_before"] = readable(notBefore) }
        if let notAfter { facts["not_after"] = readable(notAfter) }
        let openssl = "\(error.name) (\(error.code)) at depth \(error.depth): \(error.message)"
        func make(_ id: String, _ short: String) -> Finding {
            var diagnosis = makeDiagnosis(id, facts, error.depth)
            diagnosis.openssl = openssl
            return Finding(diagnosis: diagnosis, short: short)
        }
        let row = OpenSSLVerifyCodes.byCode[error.code]
        switch row?.diagnoses.first ?? DiagnosisID.certVerifyError {
        case DiagnosisID.certSelfSigned:
            if let intercepted = interception(certificate, facts: facts, error: error, openssl: openssl) { return intercepted }
            return make(DiagnosisID.certSelfSigned, "self-signed leaf \(quoted(subject))")
        case DiagnosisID.certUntrustedRoot:
            if let intercepted = interception(certificate, facts: facts, error: error, openssl: openssl) { return intercepted }
            facts["root"] = subject
            facts["sent"] = error.code == 19 ? "sent by the server" : (error.code == 28 ? "marked as rejected in the trust store" : "not trusted for TLS servers in the trust store")
            return make(DiagnosisID.certUntrustedRoot, "chain ends in untrusted root \(quoted(subject))")
        case DiagnosisID.chainMissingIntermediate:
            return issuerFinding(error, certificate: certificate, facts: facts, openssl: openssl)
        case DiagnosisID.certExpired:
            let days = WholeDays.phrase(notAfter.map { WholeDays.between(now: now.timeIntervalSince1970, and: $0) } ?? 0)
            let when = notAfter.map { " (\(readable($0).prefix(10)))" } ?? ""
            facts["days"] = days
            facts["not_after"] = facts["not_after"] ?? "an unknown date"
            if error.depth == 0 {
                return make(DiagnosisID.certExpired, "leaf expired \(days) ago\(when)")
            }
            return make(DiagnosisID.chainIntermediateExpired, "\(quoted(subject)) expired \(days) ago")
        case DiagnosisID.certNotYetValid:
            facts["now"] = RFC3339.readable(now)
            facts["clock"] = nowIsRequested ? "the time given with --at is" : "this machine's clock says"
            facts["not_before"] = facts["not_before"] ?? "an unknown date"
            return make(DiagnosisID.certNotYetValid, "\(quoted(subject)) not valid before \(facts["not_before"]!)")
        case DiagnosisID.certHostnameMismatch:
            let names = certificate.map { X509Certificate.dnsNames($0.san) } ?? []
            facts["names"] = names.isEmpty ? "(no DNS names; CN \(certificate?.commonName ?? "none"))" : names.prefix(20).joined(separator: ", ") + (names.count > 20 ? ", … (\(names.count) in all)" : "")
            facts["wildcard_note"] = wildcardNote(names)
            return make(DiagnosisID.certHostnameMismatch, "not valid for \(host)")
        case DiagnosisID.certWrongPurpose:
            let eku = certificate.map { $0.extendedKeyUsage.isEmpty ? "none" : $0.extendedKeyUsage.joined(separator: ", ") } ?? "not readable"
            facts["eku"] = eku
            let ekuAllowsServer = certificate.map { $0.extendedKeyUsage.isEmpty || $0.extendedKeyUsage.contains("serverAuth") || $0.extendedKeyUsage.contains("anyExtendedKeyUsage") } ?? true
            if error.depth > 0 {
                if !ekuAllowsServer { return make(DiagnosisID.chainCAPurpose, "CA \(quoted(subject)) not for TLS servers (EKU \(eku))") }
                if let usage = rules?.keyUsage, !usage.contains("keyCertSign") {
                    facts["detail"] = "its keyUsage is \(Self.list(usage)), without keyCertSign"
                    return make(DiagnosisID.chainCAKeyUsage, "CA \(quoted(subject)) lacks keyCertSign")
                }
                facts["detail"] = notCADetail(rules)
                return make(DiagnosisID.chainIssuerNotCA, "issuer \(quoted(subject)) is not a CA")
            }
            if ekuAllowsServer, let usage = rules?.keyUsage, usage.allSatisfy({ !["digitalSignature", "keyEncipherment", "keyAgreement"].contains($0) }) {
                facts["detail"] = "its keyUsage is \(Self.list(usage)); a TLS server needs digitalSignature (or keyEncipherment for RSA key exchange, keyAgreement for static ECDH)"
                return make(DiagnosisID.certKeyUsage, "keyUsage \(Self.list(usage)) does not allow TLS")
            }
            return make(DiagnosisID.certWrongPurpose, "not for server authentication (EKU \(eku))")
        case DiagnosisID.certKeyUsage:
            facts["detail"] = "its keyUsage is \(Self.list(rules?.keyUsage ?? [])), without digitalSignature"
            return make(DiagnosisID.certKeyUsage, "keyUsage without digitalSignature")
        case DiagnosisID.certBadSignature:
            return make(DiagnosisID.certBadSignature, "bad signature on \(quoted(subject))")
        case DiagnosisID.certRevoked:
            facts["revocation"] = "its issuer's CRL lists it"
            return make(DiagnosisID.certRevoked, "\(quoted(subject)) revoked")
        case DiagnosisID.chainTooDeep:
            return make(DiagnosisID.chainTooDeep, "chain too long")
        case DiagnosisID.certMalformed:
            facts["detail"] = error.message
            return make(DiagnosisID.certMalformed, "malformed \(quoted(subject))")
        case DiagnosisID.keyWeakRSA, DiagnosisID.sigSHA1:
            return nil  // PolicyJudge judges keys and signatures at every depth, with the numbers
        case DiagnosisID.chainNameConstraints:
            let constraining = firstCA(above: error.depth) { $0.nameConstraints != nil }
            facts["ca"] = constraining.map { Self.name(of: $0.certificate) } ?? "a CA above it"
            facts["detail"] = nameConstraintDetail(error.code, certificate: certificate, rules: rules, constraint: constraining?.rules.nameConstraints)
            return make(DiagnosisID.chainNameConstraints, "\(quoted(subject)) outside name constraints")
        case DiagnosisID.chainPathLength:
            facts["ca"] = subject
            facts["pathlen"] = rules?.pathLength.map(String.init) ?? "?"
            facts["below"] = String(max(error.depth - 1, 0))
            return make(DiagnosisID.chainPathLength, "\(quoted(subject)) pathLenConstraint \(facts["pathlen"]!) exceeded")
        case DiagnosisID.chainIssuerNotCA:
            facts["detail"] = notCADetail(rules)
            return make(DiagnosisID.chainIssuerNotCA, "issuer \(quoted(subject)) is not a CA")
        case DiagnosisID.chainCAKeyUsage:
            facts["detail"] = rules?.keyUsage.map { "its keyUsage is \(Self.list($0)), without keyCertSign" } ?? "it has no keyUsage extension (RFC 5280 requires one on CA certificates)"
            return make(DiagnosisID.chainCAKeyUsage, "CA \(quoted(subject)) may not sign certificates")
        case DiagnosisID.chainKeyIdentifier:
            facts["detail"] = keyIdentifierDetail(error.code, certificate: certificate, rules: rules)
            return make(DiagnosisID.chainKeyIdentifier, "key identifiers of \(quoted(subject)) wrong")
        case DiagnosisID.certBasicConstraints:
            facts["detail"] = basicConstraintsDetail(error.code, rules: rules)
            return make(DiagnosisID.certBasicConstraints, "basicConstraints of \(quoted(subject))")
        case DiagnosisID.certCriticalExtension:
            let unknown = rules?.unknownCritical ?? []
            facts["detail"] = unknown.isEmpty ? error.message : Self.list(unknown.map(Self.extensionName))
            return make(DiagnosisID.certCriticalExtension, "unknown critical extension in \(quoted(subject))")
        case DiagnosisID.certInvalidExtension:
            facts["detail"] = invalidExtensionDetail(error.code, rules: rules, message: error.message)
            return make(DiagnosisID.certInvalidExtension, "invalid extension in \(quoted(subject))")
        case DiagnosisID.certUnusableKey:
            let keyOwner = error.code == 94 ? certificate : evidence.built.indices.contains(error.depth + 1) ? evidence.built[error.depth + 1] : nil
            if error.code != 94, let keyOwner { facts["subject"] = Self.name(of: keyOwner) }
            facts["detail"] = error.code == 94 ? "its elliptic-curve key gives the curve by explicit parameters instead of a name" : "\(error.message) (key type \(keyOwner?.keyType ?? "unknown"))"
            return make(DiagnosisID.certUnusableKey, "unusable public key")
        case DiagnosisID.certSignatureAlgorithm:
            facts["detail"] = "\(error.message) (\(certificate?.signatureAlgorithm ?? "unknown algorithm"))"
            return make(DiagnosisID.certSignatureAlgorithm, "signature algorithm of \(quoted(subject))")
        case DiagnosisID.chainPolicy:
            let policy = [rules?.policies.map { "certificatePolicies: \($0)" }, rules?.policyConstraints.map { "policyConstraints: \($0)" }].compactMap { $0 }
            facts["detail"] = error.message + (policy.isEmpty ? "" : " (\(policy.joined(separator: "; ")))")
            return make(DiagnosisID.chainPolicy, "policy check failed")
        case DiagnosisID.certVerifyUnspecified:
            facts["detail"] = unspecifiedDetail(certificate: certificate, rules: rules)
            return make(DiagnosisID.certVerifyUnspecified, "rejected by OpenSSL (unspecified)")
        default:
            return make(DiagnosisID.certVerifyError, error.message)
        }
    }

    // MARK: - Issuer not found: told apart by evidence

    private func issuerFinding(_ error: VerificationError, certificate: CertificateSummary?, facts: [String: String], openssl: String) -> Finding {
        var facts = facts
        func make(_ id: String, _ short: String, append: String? = nil) -> Finding {
            var diagnosis = makeDiagnosis(id, facts, error.depth)
            diagnosis.openssl = openssl
            if let append { diagnosis.summary += " " + append }
            return Finding(diagnosis: diagnosis, short: short)
        }
        guard let certificate else {
            facts["missing_issuer"] = "the issuer of \(facts["subject"] ?? "the certificate")"
            facts["aia_url"] = "no certificate to read more from"
            return make(DiagnosisID.chainMissingIntermediate, "issuer missing")
        }
        let issuer = Self.issuerName(of: certificate)
        let subject = facts["subject"] ?? Self.name(of: certificate)
        // OpenSSL cannot even look for the issuer of a certificate whose extensions it rejects.
        if let childRules = rules(for: certificate), childRules.invalidExtensions {
            facts["detail"] = "OpenSSL could not decode or accept one of its extensions, so it cannot look for its issuer (\(error.message))"
            return make(DiagnosisID.certInvalidExtension, "invalid extension in \(quoted(subject))")
        }
        let candidates = sentIndex(of: certificate).map(evidence.issuerCandidates) ?? []
        // The candidate's key did sign it: the issuer is there, one rule between them fails.
        if let signer = candidates.first(where: { $0.signatureVerifies && $0.checkIssued != 0 }) {
            facts["issuer"] = issuer
            switch signer.checkIssued {
            case 30, 31:
                facts["detail"] = "its authorityKeyIdentifier \(rules(for: certificate)?.authorityKeyID ?? "(none)") does not match the subjectKeyIdentifier \(signer.rules.subjectKeyID ?? "(none)") of \(quoted(ChainAnalyzer.name(of: signer.summary))), whose key did sign it\(signer.source == .trustStore ? " (in the trust store)" : "")"
                return make(DiagnosisID.chainKeyIdentifier, "key identifiers of \(quoted(subject)) wrong")
            case 32:
                facts["subject"] = Self.name(of: signer.summary)
                facts["depth"] = String(error.depth + 1)
                facts["detail"] = "its keyUsage is \(Self.list(signer.rules.keyUsage ?? [])), without keyCertSign, so it cannot be the issuer of \(quoted(subject)) although its key signed it"
                var diagnosis = makeDiagnosis(DiagnosisID.chainCAKeyUsage, facts, error.depth + 1)
                diagnosis.openssl = openssl
                return Finding(diagnosis: diagnosis, short: "CA \(quoted(issuer)) may not sign certificates")
            default: break
            }
        }

        // Its issuer is there, but its public key does not decode: nothing can check the signature.
        if let undecodable = candidates.first(where: { $0.undecodableKeyAlgorithm != nil }), let algorithm = undecodable.undecodableKeyAlgorithm {
            facts["subject"] = Self.name(of: undecodable.summary)
            facts["depth"] = String(error.depth + 1)
            facts["detail"] = "its subjectPublicKeyInfo (algorithm \(algorithm)) does not decode into a key, so the signature of \(quoted(subject)) cannot be checked with it"
                + (undecodable.source == .trustStore ? " (the certificate is in the trust store)" : "")
            var diagnosis = makeDiagnosis(DiagnosisID.certUnusableKey, facts, error.depth + 1)
            diagnosis.openssl = openssl
            return Finding(diagnosis: diagnosis, short: "public key of \(quoted(Self.name(of: undecodable.summary))) does not decode")
        }
        // In the trust store, but not usable as this certificate's issuer.
        if let stored = candidates.first(where: { $0.source == .trustStore }) {
            facts["issuer"] = issuer
            facts["detail"] = unusableDetail(stored, child: certificate)
            return make(DiagnosisID.chainAnchorUnusable, "trusted \(quoted(issuer)) unusable as issuer")
        }
        // Sent, but it did not sign this certificate.
        if let sentCandidate = candidates.first(where: { if case .sent = $0.source { true } else { false } }) {
            facts["issuer"] = issuer
            facts["detail"] = unusableDetail(sentCandidate, child: certificate)
            return make(DiagnosisID.chainWrongIssuerSent, "sent \(quoted(issuer)) did not sign \(quoted(subject))")
        }
        if let intercepted = interception(certificate, facts: facts, error: error, openssl: openssl) { return intercepted }
        if certificate.isCA {
            // A CA whose issuer nobody has: almost always a root this client lacks.
            facts["root"] = issuer
            facts["sent"] = "not sent by the server"
            return make(DiagnosisID.certUntrustedRoot, "issuer \(quoted(issuer)) of \(quoted(subject)) is not trusted")
        }
        facts["missing_issuer"] = issuer
        let possibilities: String
        if let url = certificate.caIssuersURL {
            facts["aia_url"] = "the leaf's AIA extension says it can be fetched from \(url)"
            possibilities = "Most likely the server leaves out that intermediate (public CAs always give this URL, as here); less likely, \(quoted(issuer)) is a root this client's store lacks."
        } else {
            facts["aia_url"] = "the leaf names no URL to fetch it from (no AIA CA Issuers entry)"
            possibilities = "The evidence cannot decide between: the server leaves out the intermediate \(quoted(issuer)); or \(quoted(issuer)) is a private or internal CA (or a TLS-inspecting proxy) whose root this client lacks — public CAs always include an AIA URL, and this leaf has none, which makes a private CA likelier than for a public certificate. Sending the intermediate fixes the first; trusting the private root (--cacert) the second."
        }
        return make(DiagnosisID.chainMissingIntermediate, "issuer \(quoted(issuer)) missing", append: possibilities)
    }

    /// Why a same-name certificate could not be the issuer, from X509_check_issued and the signature.
    private func unusableDetail(_ candidate: IssuerCandidate, child: CertificateSummary) -> String {
        var reasons: [String] = []
        let childRules = rules(for: child)
        switch candidate.checkIssued {
        case 0: break
        case 30:
            reasons.append("its subject key identifier \(candidate.rules.subjectKeyID ?? "(none)") differs from the authority key identifier \(childRules?.authorityKeyID ?? "(none)") of \(quoted(Self.name(of: child)))")
        case 31: reasons.append("the authority key identifier of \(quoted(Self.name(of: child))) names another issuer serial number")
        case 32: reasons.append("its keyUsage (\(Self.list(candidate.rules.keyUsage ?? []))) lacks keyCertSign")
        case 29: reasons.append("its subject does not match the issuer name")
        default: reasons.append(OpenSSLErrorText.verifyText(candidate.checkIssued) ?? "X509_check_issued code \(candidate.checkIssued)")
        }
        if !candidate.signatureVerifies { reasons.append("its key does not verify the signature of \(quoted(Self.name(of: child)))") }
        if !candidate.summary.isCA { reasons.append(notCADetail(candidate.rules)) }
        if reasons.isEmpty {
            reasons.append("it fits by name, key identifier and signature, yet OpenSSL did not use it (\(candidate.summary.notAfterEpoch < now.timeIntervalSince1970 ? "it has expired" : "check its validity dates and purpose"))")
        }
        return reasons.joined(separator: "; and ")
    }

    private func interception(_ certificate: CertificateSummary?, facts: [String: String], error: VerificationError, openssl: String) -> Finding? {
        let names = [certificate.map { $0.issuer }, certificate.map { $0.subject }].compactMap { $0 } + sent.flatMap { [$0.issuer, $0.subject] }
        guard let (product, name) = InterceptionRoots.match(names) else { return nil }
        var facts = facts
        facts["product"] = product.product
        facts["kind"] = product.kind + (product.keyPublished ? ", whose CA private key is public" : "")
        facts["root"] = name
        var diagnosis = makeDiagnosis(DiagnosisID.chainInterception, facts, error.depth)
        diagnosis.openssl = openssl
        return Finding(diagnosis: diagnosis, short: "intercepted by \(product.product)")
    }

    // MARK: - Leaf not first

    /// The first certificate is a CA or is not valid for the name, while a later one is valid for
    /// it and verifies in first place (proved by verifying the chain again with it first).
    private func leafNotFirst() -> (finding: Finding, index: Int)? {
        guard sent.count > 1, let first = sent.first else { return nil }
        let firstNameFails = errors.contains { $0.depth == 0 && Self.hostnameCodes.contains($0.code) }
        let firstPurposeFails = errors.contains { $0.depth == 0 && $0.code == 26 }
        guard first.isCA || firstNameFails || firstPurposeFails else { return nil }
        for index in 1..<sent.count where !sent[index].isCA {
            let errorsWithIt = evidence.verificationWithLeaf(index)
            // Valid for the name, for TLS servers, and its issuer is sent or trusted: nothing at depth 0.
            guard !errorsWithIt.contains(where: { $0.depth == 0 }) else { continue }
            let what = first.isCA ? "a CA certificate (basicConstraints CA:TRUE), not a server certificate"
                : "a certificate that is not valid for \(host) (it is for \(Self.list(X509Certificate.dnsNames(first.san).prefix(5).map { $0 })))"
            var facts = ["subject": Self.name(of: first), "leaf": Self.name(of: sent[index]), "position": String(index + 1), "detail": what, "depth": "0"]
            facts["verifies"] = errorsWithIt.isEmpty ? "yes" : "no"
            var diagnosis = makeDiagnosis(DiagnosisID.chainLeafNotFirst, facts, 0)
            diagnosis.summary += errorsWithIt.isEmpty
                ? " With it first, the chain verifies."
                : " With it first, its own checks pass; the chain still has: \(Self.list(errorsWithIt.map(\.message).uniqued()))."
            return (Finding(diagnosis: diagnosis, short: "server certificate sent #\(index + 1), not first"), index)
        }
        return nil
    }

    // MARK: - Words for the rules

    private func firstCA(above depth: Int, where predicate: (CertificateRules) -> Bool) -> (certificate: CertificateSummary, rules: CertificateRules)? {
        for index in (depth + 1)..<max(evidence.built.count, depth + 1) where index < evidence.builtRules.count {
            if predicate(evidence.builtRules[index]) { return (evidence.built[index], evidence.builtRules[index]) }
        }
        return nil
    }

    private func nameConstraintDetail(_ code: Int, certificate: CertificateSummary?, rules: CertificateRules?, constraint: String?) -> String {
        let names = certificate?.san.prefix(8).joined(separator: ", ") ?? ""
        let shown = names.isEmpty ? "its subject CN \(certificate?.commonName ?? "(none)") (no subjectAltName, so OpenSSL checks the CN as a DNS name)" : "its names \(names)"
        let constraintText = constraint.map { " (the constraint: \($0))" } ?? ""
        switch code {
        case 47: return "\(shown) are not inside the permitted subtrees\(constraintText)"
        case 48: return "\(shown) fall inside an excluded subtree\(constraintText)"
        case 49: return "the constraint sets a minimum or maximum, which RFC 5280 forbids\(constraintText)"
        case 51: return "the constraint uses a name type OpenSSL cannot check\(constraintText); a verifier must reject what it cannot check"
        case 52: return "the constraint's syntax is not supported\(constraintText)"
        default: return "a name of the certificate has a syntax the constraint cannot be checked against (\(names.isEmpty ? "no subjectAltName" : names))\(constraintText)"
        }
    }

    private func notCADetail(_ rules: CertificateRules?) -> String {
        guard let rules else { return "it is not marked as a CA" }
        if rules.version < 3 { return "it is a version \(rules.version) certificate, which cannot say it is a CA unless it is a self-signed root" }
        if !rules.hasBasicConstraints { return "it has no basicConstraints extension" }
        if !rules.caFlag { return "its basicConstraints says CA:FALSE" }
        return "it is not accepted as a CA"
    }

    private func keyIdentifierDetail(_ code: Int, certificate: CertificateSummary?, rules: CertificateRules?) -> String {
        switch code {
        case 30, 31:
            let parent = evidence.builtRules.indices.first { index in index < evidence.built.count && evidence.built[index].subject == certificate?.issuer && evidence.built[index].sha256 != certificate?.sha256 }
            let parentSKI = parent.flatMap { evidence.builtRules[$0].subjectKeyID } ?? "(unknown)"
            return "its authorityKeyIdentifier \(rules?.authorityKeyID ?? "(none)") does not match the issuer's subjectKeyIdentifier \(parentSKI)"
        case 85: return "it has no authorityKeyIdentifier (RFC 5280 §4.2.1.1 requires one on every certificate not self-signed)"
        case 86: return "it has no subjectKeyIdentifier (RFC 5280 §4.2.1.2 requires one on CA certificates)"
        case 90: return "its authorityKeyIdentifier is marked critical, which RFC 5280 forbids"
        default: return "its subjectKeyIdentifier is marked critical, which RFC 5280 forbids"
        }
    }

    private func basicConstraintsDetail(_ code: Int, rules: CertificateRules?) -> String {
        switch code {
        case 37: return "it is used as a leaf but is marked as a CA inconsistently (basicConstraints \(rules?.caFlag == true ? "CA:TRUE" : "absent") with CA-only key usage)"
        case 80: return "it has a pathLenConstraint but is not a CA"
        case 82: return "its keyUsage asserts keyCertSign but basicConstraints does not say CA:TRUE"
        default: return "it is a CA whose basicConstraints is not marked critical"
        }
    }

    private func invalidExtensionDetail(_ code: Int, rules: CertificateRules?, message: String) -> String {
        switch code {
        case 87: return "its subjectAltName extension is empty"
        case 88: return "its subject is empty and its subjectAltName is not marked critical"
        case 93: return "it is a version \(rules?.version ?? 1) certificate that carries extensions"
        case 83: return "its issuer name is empty"
        case 84: return "its subject name is empty and it has no subjectAltName"
        default:
            if let rules, rules.invalidExtensions { return "\(message): OpenSSL could not decode or accept one of its extensions" }
            return message
        }
    }

    private func unspecifiedDetail(certificate: CertificateSummary?, rules: CertificateRules?) -> String {
        guard let rules else { return "the certificate concerned was not available to inspect" }
        var found: [String] = []
        if rules.invalidExtensions { found.append("one of its extensions is malformed or contradictory (OpenSSL marks it invalid)") }
        if !rules.unknownCritical.isEmpty { found.append("it has unknown critical extensions \(Self.list(rules.unknownCritical.map(Self.extensionName)))") }
        if rules.invalidPolicy { found.append("its policy extensions are invalid") }
        if certificate?.keyType == "unknown" { found.append("its public key type is not supported") }
        if rules.version < 3 && (rules.hasBasicConstraints || rules.keyUsage != nil) { found.append("it is v\(rules.version) yet carries extensions") }
        if found.isEmpty { return "nothing in the certificate itself explains it; `openssl verify -x509_strict` on the saved chain (--save-chain) may name the rule" }
        return "the certificate shows why: " + found.joined(separator: "; ")
    }

    private func wildcardNote(_ names: [String]) -> String {
        let wildcards = names.filter { $0.hasPrefix("*.") }
        guard let wildcard = wildcards.first else { return "" }
        let base = wildcard.dropFirst(2)
        if host == base { return " A wildcard (\(wildcard)) does not cover the bare domain \(base)." }
        if host.hasSuffix("." + base) && host.dropLast(base.count + 1).contains(".") {
            return " A wildcard (\(wildcard)) covers exactly one label: it matches x.\(base) but not \(host)."
        }
        return ""
    }

    // MARK: - Expiry and structure

    private func expiryWarnings() -> [Finding] {
        sent.compactMap { certificate in
            guard certificate.notAfterEpoch > now.timeIntervalSince1970 else { return nil }
            let days = certificate.daysLeft
            let failing = failDays.map { days < $0 } ?? false
            guard days < warnDays || failing else { return nil }
            let facts = ["subject": CertificateName.shown(certificate.subject, depth: certificate.depth), "depth": String(certificate.depth),
                         "days": WholeDays.phrase(days), "not_after": readable(certificate.notAfterEpoch),
                         "threshold": WholeDays.phrase(failing ? failDays! : warnDays)]
            var diagnosis = makeDiagnosis(DiagnosisID.certExpiresSoon, facts, certificate.depth)
            if failing {
                diagnosis.severity = .error
                diagnosis.exitCode = ExitStatus.certificateExpired.rawValue
            }
            return Finding(diagnosis: diagnosis, short: "\(certificate.depth == 0 ? "leaf" : quoted(CertificateName.shown(certificate.subject, depth: certificate.depth))) expires in \(WholeDays.phrase(days))")
        }
    }

    /// Checked at exactly a notAfter second: RFC 5280 says valid, OpenSSL says expired. Say so,
    /// since that difference is what decides.
    private func notAfterBoundary() -> [Finding] {
        let second = now.timeIntervalSince1970.rounded(.down)
        return errors.filter { $0.code == 10 }.compactMap { error in
            guard let certificate = certificate(for: error), certificate.notAfterEpoch == second else { return nil }
            let facts = ["subject": Self.name(of: certificate), "depth": String(error.depth), "not_after": readable(certificate.notAfterEpoch)]
            return Finding(diagnosis: makeDiagnosis(DiagnosisID.certNotAfterBoundary, facts, error.depth), short: "checked at notAfter exactly")
        }
    }

    /// How the server assembled the chain: order, strays, an included root, a CN-only leaf.
    private func structureFindings() -> [Finding] {
        guard let leaf = sent.first else { return [] }
        var findings: [Finding] = []
        if !leaf.san.contains(where: { $0.hasPrefix("DNS:") || $0.hasPrefix("IP:") }), let cn = leaf.commonName, hostnameMatched {
            findings.append(Finding(diagnosis: makeDiagnosis(DiagnosisID.certCNOnly, ["cn": cn, "subject": leaf.subject], 0), short: "name only in CN"))
        }
        // Walk the path the server should have sent: each certificate followed by its issuer.
        var path = [0]
        var current = leaf
        while let next = sent.firstIndex(where: { $0.subject == current.issuer && !path.contains($0.depth) && !current.selfSigned }) {
            path.append(next)
            current = sent[next]
        }
        let extras = sent.indices.filter { !path.contains($0) }
        if path != Array(0..<path.count) {
            let order = sent.map { quoted($0.commonName ?? Self.name(of: $0)) }.joined(separator: " → ")
            findings.append(Finding(diagnosis: makeDiagnosis(DiagnosisID.chainWrongOrder, ["order": order], nil), short: "sent out of order"))
        }
        // Advise removing only what the path OpenSSL built does not use: then removing it
        // provably leaves a chain that verifies as it does now.
        let builtFingerprints = Set(evidence.built.map(\.sha256))
        let removable = extras.filter { !builtFingerprints.contains(sent[$0].sha256) }
        if !removable.isEmpty || unreadCount > 0 {
            var list = removable.map { "#\($0) \(quoted(Self.name(of: sent[$0])))" }.joined(separator: ", ")
            if unreadCount > 0 { list += (list.isEmpty ? "" : ", and ") + "the \(unreadCount) after #\(sent.count - 1) (not read; the path verifies without them)" }
            let count = removable.count + unreadCount
            findings.append(Finding(diagnosis: makeDiagnosis(DiagnosisID.chainExtraCerts, ["extra": list], nil), short: "\(count) unneeded certificate\(count > 1 ? "s" : "")"))
        }
        // "Drop the root" only when the chain verifies: then the client has the root already.
        if trusted, let last = path.last, last != 0, sent[last].selfSigned {
            findings.append(Finding(diagnosis: makeDiagnosis(DiagnosisID.chainRootIncluded, ["root": Self.name(of: sent[last])], last), short: "root included"))
        }
        return findings
    }

    private func readable(_ epoch: Double) -> String { RFC3339.readable(Date(timeIntervalSince1970: epoch)) }

    // MARK: - Names that are never empty

    /// The subject, or — when it is empty — the serial and fingerprint, so no diagnosis shows "" or "?".
    static func name(of certificate: CertificateSummary) -> String {
        if !certificate.subject.isEmpty { return certificate.subject }
        return "(empty subject; serial \(certificate.serial.isEmpty ? "none" : certificate.serial), SHA-256 \(certificate.sha256.prefix(23))…)"
    }

    static func issuerName(of certificate: CertificateSummary) -> String {
        if !certificate.issuer.isEmpty { return certificate.issuer }
        return "(empty issuer name in the certificate with serial \(certificate.serial.isEmpty ? "none" : certificate.serial), SHA-256 \(certificate.sha256.prefix(23))…)"
    }

    static func list(_ items: some Collection<String>) -> String { items.isEmpty ? "none" : items.joined(separator: ", ") }

    static func extensionName(_ oid: String) -> String { oid }
}

func quoted(_ text: String) -> String { "\"\(text)\"" }
