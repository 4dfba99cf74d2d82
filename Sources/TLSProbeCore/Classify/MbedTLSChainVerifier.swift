/// Verifies a served chain the way Mbed TLS does (2.28 and 3.6: library/x509_crt.c
/// x509_crt_verify_chain, x509_crt_find_parent, x509_crt_verify_name; library/ssl_tls.c
/// ssl_parse_certificate_verify), not the way OpenSSL does:
/// - each certificate's issuer is looked for first among the trusted CAs, then only among the
///   certificates sent AFTER it (`search_list = child->next`): nothing is reordered, nothing is
///   fetched (no AIA), a cross-sign counts only where it was sent;
/// - a candidate whose signature does not verify is kept only as a fallback (then NOT_TRUSTED);
/// - the host name is compared with dNSName SANs, or the CN when there are no SANs; iPAddress
///   SANs only from 3.x on;
/// - the X.509 profile checks each signature's hash and each signing key (the leaf's own key too);
/// - after the chain: the leaf's curve must be one the client offered, and its extended key
///   usage must allow serverAuth; these change the return code only when the chain was fine.
struct MbedTLSChainVerifier {
    struct Member {
        let summary: CertificateSummary
        let parsed: ParsedCertificate?
    }

    struct Result: Equatable {
        var flags: UInt32 = 0
        /// MBEDTLS_ERR_X509_CERT_VERIFY_FAILED (-0x2700), MBEDTLS_ERR_SSL_BAD_(HS_)CERTIFICATE (-0x7A00), or 0.
        var returnCode: Int32 = 0
        /// Why, for the prediction's reason.
        var why: [String] = []
        /// The Mbed TLS-specific causes, for their own diagnoses.
        var outOfOrderSubject: String?
        var ignoredIPSAN: String?
    }

    static let cnMismatch: UInt32 = 0x04, notTrusted: UInt32 = 0x08, expired: UInt32 = 0x01, future: UInt32 = 0x200
    static let extKeyUsage: UInt32 = 0x1000, badMD: UInt32 = 0x4000, badPK: UInt32 = 0x8000, badKey: UInt32 = 0x10000

    let profile: ClientProfile
    let behaviour: MbedTLSBehaviour
    /// RSA operations on larger keys fail on this chip (nil: any size).
    let rsaLimitBits: Int?
    let now: Double

    func verify(sent: [Member], trusted: [Member], host: String?) -> Result {
        var result = Result()
        guard let leaf = sent.first else { return result }
        var eeFlags: UInt32 = 0
        if let host, !nameMatches(leaf.summary, host: host) {
            eeFlags |= Self.cnMismatch
            if isIPAddress(host), !behaviour.matchesIPAddressSANs, leaf.summary.san.contains("IP:" + host) { result.ignoredIPSAN = host }
            result.why.append("the certificate does not name \(host)" + (isIPAddress(host) && !behaviour.matchesIPAddressSANs ? " (Mbed TLS \(behaviour.version) ignores iPAddress SANs)" : ""))
        }
        eeFlags |= keyFlags(leaf.summary, &result.why)
        result.flags = eeFlags | chainFlags(sent: sent, trusted: trusted, why: &result.why, outOfOrder: &result.outOfOrderSubject)
        if result.flags != 0 { result.returnCode = -0x2700 }
        // Secondary checks (ssl_parse_certificate_verify): they set a flag, and the code only if none was set.
        if leaf.summary.keyType == "EC", let curve = leaf.summary.curve, !profile.groups.contains(curve) {
            result.flags |= Self.badKey
            result.why.append("the leaf's curve \(curve) is not one the client offers")
            if result.returnCode == 0 { result.returnCode = -0x7A00 }
        }
        let eku = leaf.summary.extendedKeyUsage
        if !eku.isEmpty, !eku.contains(where: { $0 == "serverAuth" || $0 == "anyExtendedKeyUsage" }) {
            result.flags |= Self.extKeyUsage
            result.why.append("the leaf's extended key usage (\(eku.joined(separator: ", "))) does not allow serverAuth")
            if result.returnCode == 0 { result.returnCode = -0x7A00 }
        }
        return result
    }

    /// x509_crt_verify_chain: walk up from the leaf; flags of every step merged.
    private func chainFlags(sent: [Member], trusted: [Member], why: inout [String], outOfOrder: inout String?) -> UInt32 {
        var flags: UInt32 = 0
        var childIndex = 0
        var child = sent[0]
        var childIsTrusted = false
        for _ in 0..<(sent.count + trusted.count + 1) {
            flags |= dateFlags(child.summary)
            if childIsTrusted { return flags }
            flags |= signatureHashFlags(child.summary, &why)
            // A self-signed leaf that is itself in the trusted list is accepted as such.
            if childIndex == 0, child.summary.selfSigned, trusted.contains(where: { $0.summary.sha256 == child.summary.sha256 }) { return flags }
            guard let (parent, parentIsTrusted, parentIndex, signatureGood) = findParent(child, childIndex: childIndex, sent: sent, trusted: trusted) else {
                flags |= Self.notTrusted
                let name = child.summary.commonName ?? child.summary.subject
                // Its issuer is there, only sent before it: the order is the cause.
                if sent[..<max(childIndex, 0)].contains(where: { isParent($0, of: child) }) {
                    outOfOrder = name
                    why.append("the issuer of \"\(name)\" was sent before it, and Mbed TLS looks only at the certificates after it")
                    return flags
                }
                why.append(childIndex == 0 && child.summary.selfSigned
                           ? "\"\(name)\" is self-signed and not a trusted CA"
                           : "no issuer for \"\(name)\" among the trusted CAs or the certificates sent after it")
                return flags
            }
            if !signatureGood {
                flags |= Self.notTrusted
                why.append("the signature on \"\(child.summary.commonName ?? child.summary.subject)\" cannot be verified with its issuer's key" + (rsaTooLarge(parent.summary) ? " (an RSA-\(parent.summary.keyBits) key, beyond this chip's \(rsaLimitBits ?? 0)-bit limit)" : ""))
            }
            if parent.summary.keyType.hasPrefix("RSA"), parent.summary.keyBits < profile.minRSABits {
                flags |= Self.badKey
                why.append("\"\(parent.summary.commonName ?? parent.summary.subject)\" signs with an RSA-\(parent.summary.keyBits) key (minimum \(profile.minRSABits))")
            }
            child = parent
            childIsTrusted = parentIsTrusted
            childIndex = parentIndex
        }
        return flags | Self.notTrusted
    }

    /// x509_crt_find_parent: trusted CAs first, then the certificates after the child. Within a
    /// list the first candidate whose signature verifies wins; else the first name match.
    private func findParent(_ child: Member, childIndex: Int, sent: [Member], trusted: [Member])
        -> (Member, Bool, Int, Bool)? {
        let lists: [(members: ArraySlice<Member>, trusted: Bool)] = [
            (trusted[...], true), (childIndex + 1 < sent.count ? sent[(childIndex + 1)...] : [], false),
        ]
        for list in lists {
            var fallback: (Member, Int)?
            for (index, candidate) in zip(list.members.indices, list.members) where isParent(candidate, of: child) {
                if signatureVerifies(child, by: candidate) { return (candidate, list.trusted, list.trusted ? -1 : index, true) }
                if fallback == nil { fallback = (candidate, index) }
            }
            if let (member, index) = fallback { return (member, list.trusted, list.trusted ? -1 : index, false) }
        }
        return nil
    }

    /// x509_crt_check_parent: names match and the parent is a CA (a trusted self-signed
    /// certificate counts for itself).
    private func isParent(_ candidate: Member, of child: Member) -> Bool {
        guard let parentCertificate = candidate.parsed, let childCertificate = child.parsed else {
            return candidate.summary.subjectHash == child.summary.issuerHash && candidate.summary.isCA
        }
        return childCertificate.issuerNameMatches(parentCertificate) && (candidate.summary.isCA || candidate.summary.sha256 == child.summary.sha256)
    }

    private func signatureVerifies(_ child: Member, by parent: Member) -> Bool {
        if rsaTooLarge(parent.summary) { return false }
        guard let parentCertificate = parent.parsed, let childCertificate = child.parsed else { return true }
        return childCertificate.signatureVerifies(with: parentCertificate)
    }

    private func rsaTooLarge(_ certificate: CertificateSummary) -> Bool {
        guard let limit = rsaLimitBits else { return false }
        return certificate.keyType.hasPrefix("RSA") && certificate.keyBits > limit
    }

    /// mbedtls_x509_crt_profile_default: the signature's hash and algorithm.
    private func signatureHashFlags(_ certificate: CertificateSummary, _ why: inout [String]) -> UInt32 {
        let algorithm = certificate.signatureAlgorithm.lowercased()
        if algorithm.contains("ed25519") || algorithm.contains("ed448") {
            why.append("\"\(certificate.commonName ?? certificate.subject)\" carries an EdDSA signature")
            return Self.badPK | Self.notTrusted
        }
        let hashes = ["sha512", "sha384", "sha256", "sha224", "sha1", "md5"]
        if let hash = hashes.first(where: algorithm.contains), !profile.certificateHashes.contains(hash) {
            why.append("\"\(certificate.commonName ?? certificate.subject)\" is signed with \(certificate.signatureAlgorithm), outside the X.509 profile")
            return Self.badMD
        }
        return 0
    }

    /// The leaf's own key (x509_crt_verify_restartable_ca_cb: ee_flags).
    private func keyFlags(_ certificate: CertificateSummary, _ why: inout [String]) -> UInt32 {
        if ["Ed25519", "Ed448"].contains(certificate.keyType) {
            why.append("the leaf has an \(certificate.keyType) key")
            return Self.badPK
        }
        if certificate.keyType.hasPrefix("RSA"), certificate.keyBits < profile.minRSABits {
            why.append("the leaf has an RSA-\(certificate.keyBits) key (minimum \(profile.minRSABits))")
            return Self.badKey
        }
        if certificate.keyType == "EC", let curve = certificate.curve, !profile.certificateCurves.contains(curve) {
            why.append("the leaf's key is on \(curve), outside the X.509 profile")
            return Self.badKey
        }
        return 0
    }

    private func dateFlags(_ certificate: CertificateSummary) -> UInt32 {
        guard profile.checksDates else { return 0 }
        return (certificate.notAfterEpoch < now ? Self.expired : 0) | (certificate.notBeforeEpoch > now ? Self.future : 0)
    }

    /// x509_crt_verify_name / x509_crt_check_cn: case-insensitive, a leading "*." covers one label.
    func nameMatches(_ certificate: CertificateSummary, host: String) -> Bool {
        let wanted = host.lowercased()
        if certificate.san.isEmpty {
            return certificate.commonName.map { Self.dnsMatches($0.lowercased(), wanted) } ?? false
        }
        for entry in certificate.san {
            if entry.hasPrefix("DNS:"), Self.dnsMatches(String(entry.dropFirst(4)).lowercased(), wanted) { return true }
            if entry.hasPrefix("IP:"), behaviour.matchesIPAddressSANs, String(entry.dropFirst(3)).lowercased() == wanted { return true }
        }
        return false
    }

    static func dnsMatches(_ pattern: String, _ host: String) -> Bool {
        if pattern == host { return true }
        guard pattern.hasPrefix("*."), let dot = host.firstIndex(of: ".") else { return false }
        return host[host.index(after: dot)...] == pattern.dropFirst(2)
    }

    func isIPAddress(_ host: String) -> Bool {
        host.contains(":") || (!host.isEmpty && host.allSatisfy { $0.isNumber || $0 == "." })
    }
}
