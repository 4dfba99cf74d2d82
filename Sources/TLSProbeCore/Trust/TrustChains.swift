import FoundationEssentials

/// How a chain fares against one store: the verification, and the words for its verdict.
enum TrustChains {
    /// The verify codes that mean "no path to a root of this store" (as opposed to a path that
    /// reaches one and fails on the way: dates, signatures, purpose, constraints).
    static let untrustedCodes: Set<Int> = [2, 18, 19, 20, 21, 27, 28]

    /// The summaries' certificates again, from their PEM (nil when none parses).
    static func stack(_ chain: [CertificateSummary]) -> X509Stack? {
        guard let stack = X509Stack() else { return nil }
        for summary in chain {
            guard let parsed = ParsedCertificate.fromPEM(summary.pem) else { continue }
            stack.append(sharing: parsed.pointer)
        }
        return stack.count > 0 ? stack : nil
    }

    /// OpenSSL's path building against `store` (purpose TLS server, as of `at`; no name check).
    static func verify(_ chain: X509Stack, in store: X509TrustStore, at: Date?, now: Date) -> ChainTrust {
        let result = store.verify(chain, OfflineVerification(at: at), now: now)
        let path = result.built?.summaries(now: now) ?? []
        let problems = result.errors.map { error in
            "\(quoted(name(of: error, path: path))): \(error.message)"
        }
        let anchored = !path.isEmpty && !result.errors.contains { untrustedCodes.contains($0.code) }
        let trusted = anchored && result.errors.isEmpty
        let anchor = anchored ? path.last : nil
        var reason: String?
        if !anchored {
            reason = missingRoot(top: path.last ?? chain.summaries(now: now, limit: 1).first)
        } else if !trusted, let first = problems.first {
            reason = first
        }
        return ChainTrust(anchored: anchored, trusted: trusted, path: path.map(\.subject), anchor: anchor?.subject,
                          anchorSHA256: anchor?.sha256, reason: reason, problems: problems)
    }

    /// ESP-IDF's bundle (esp_crt_bundle.c): mbedTLS builds the chain from what was sent; the
    /// bundle is then asked for the issuer of the topmost certificate sent (itself when
    /// self-signed), by name, and checks that signature with the root's key. Dates are not
    /// checked: ESP-IDF builds without CONFIG_MBEDTLS_HAVE_TIME_DATE by default (the profile's
    /// `embedded.clock_unchecked` says what that means).
    /// `signatureByRoot(sha256)`: does that root's key verify the top certificate (nil: the
    /// root's certificate is not at hand, so only the name was matched).
    static func bundleVerdict(_ sent: [CertificateSummary], bundle: ESPCertificateBundle, now: Date,
                              signatureByRoot: (String) -> Bool? = { _ in nil }) -> ChainTrust {
        guard let top = sent.last else { return ChainTrust(anchored: false, trusted: false, path: []) }
        let lookedUp = top.selfSigned ? top.subjectHash : top.issuerHash
        let root = UInt32(lookedUp, radix: 16).flatMap(bundle.root(subjectHash:))
        var path = sent.map(\.subject)
        if let root, !top.selfSigned { path.append("CN=\(root.name)") }
        var problems: [String] = []
        guard let root else {
            var reason = missingRoot(top: top)
            // A cross-sign: the bundle holds the top certificate's own name as a root, but the
            // lookup is for its issuer (fixed only by CONFIG_MBEDTLS_CERTIFICATE_BUNDLE_CROSS_SIGNED_VERIFY, v6.0).
            if !top.selfSigned, let standsFor = UInt32(top.subjectHash, radix: 16).flatMap(bundle.root(subjectHash:)) {
                reason += "; it holds \(quoted(standsFor.name)) itself, but looks up the issuer of the last certificate sent, so send the chain without the cross-signed \(quoted(top.commonName ?? top.subject))"
            }
            return ChainTrust(anchored: false, trusted: false, path: path, reason: reason, problems: ["no bundle root for \(quoted(commonName(top.selfSigned ? top.subject : top.issuer)))"] + problems)
        }
        // A self-signed top certificate is the root itself: the device compares, it does not verify.
        if !top.selfSigned, signatureByRoot(root.sha256) == false {
            problems.insert("\(quoted(top.commonName ?? top.subject)): the signature of bundle root \(quoted(root.name)) does not verify (same name, another key)", at: 0)
            return ChainTrust(anchored: false, trusted: false, path: path, reason: problems[0], problems: problems)
        }
        return ChainTrust(anchored: true, trusted: problems.isEmpty, path: path, anchor: "CN=\(root.name)", anchorSHA256: root.sha256,
                          reason: problems.first, problems: problems)
    }

    /// "root \"ISRG Root X2\" is not in it", or for a leaf whose issuer was not sent: "\"R3\", the
    /// issuer of \"example.com\", was not sent and is not in it".
    static func missingRoot(top: CertificateSummary?) -> String {
        guard let top else { return "no certificate to verify" }
        let name = quoted(top.commonName ?? top.subject)
        if top.selfSigned { return "\(top.depth == 0 ? "the self-signed certificate" : "root") \(name) is not in it" }
        let issuer = quoted(commonName(top.issuer))
        return top.isCA ? "root \(issuer) is not in it" : "\(issuer), the issuer of \(name), was not sent and is not in it"
    }

    static func commonName(_ subject: String) -> String {
        for part in subject.split(separator: ",") where part.hasPrefix("CN=") { return String(part.dropFirst(3)) }
        return subject
    }

    private static func name(of error: VerificationError, path: [CertificateSummary]) -> String {
        if error.depth < path.count { return path[error.depth].commonName ?? path[error.depth].subject }
        return commonName(error.subject)
    }
}
