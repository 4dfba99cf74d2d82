internal import COpenSSL
internal import CTLSProbeShims
import FoundationEssentials

/// `--revocation`: asks each certificate's OCSP responder and/or fetches its CRL, for every
/// certificate of the built chain below the trust anchor. Each responder / distribution point the
/// certificate names is tried in its order until one answers good or revoked (at most
/// `urlsPerSource`); each exchange within `deadline`, at most `RevocationLimits` bytes.
enum RevocationLimits {
    /// URLs tried per certificate and source (AIA OCSP entries, CRL distribution points).
    static let urlsPerSource = 3
    static let ocspResponseBytes = 64 * 1024
    static let crlBytes = 4 * 1024 * 1024
    /// Per exchange, so one dead responder cannot use the whole probe deadline.
    static let secondsPerExchange: Double = 5
}

extension TLSConnection {
    func checkRevocation(_ mode: RevocationMode, now: Date, deadline: Deadline) -> [RevocationResult] {
        guard let chain = SSL_get0_verified_chain(handle) else { return [] }
        let count = Int(tlsprobe_sk_X509_num(chain))
        var results: [RevocationResult] = []
        for depth in 0..<max(count - 1, 0) {
            guard let certificate = tlsprobe_sk_X509_value(chain, Int32(depth)), let issuer = tlsprobe_sk_X509_value(chain, Int32(depth + 1)) else { continue }
            let subject = X509Certificate.subjectText(of: certificate)
            if mode.asksOCSP {
                results.append(askOCSP(certificate, issuer: issuer, depth: depth, subject: subject, now: now, deadline: deadline))
            }
            if mode.asksCRL {
                results.append(fetchCRL(certificate, issuer: issuer, depth: depth, subject: subject, now: now, deadline: deadline))
            }
        }
        return results
    }

    private func askOCSP(_ certificate: OpaquePointer, issuer: OpaquePointer, depth: Int, subject: String, now: Date, deadline: Deadline) -> RevocationResult {
        var result = RevocationResult(depth: depth, subject: subject, method: "ocsp", url: nil, status: "unknown", detail: "")
        let urls = Array(X509Certificate.ocspURLs(certificate).prefix(RevocationLimits.urlsPerSource))
        guard !urls.isEmpty else {
            result.detail = "the certificate names no OCSP responder (no AIA OCSP URL)"
            return result
        }
        guard let id = OCSPCertificateID(certificate: certificate, issuer: issuer) else {
            result.detail = "could not build an OCSP request"
            return result
        }
        var failures: [String] = []
        for url in urls {
            // A fresh nonce per request (RFC 8954): an answer echoing another nonce is a replay.
            guard let request = OCSPRequest(for: id, nonce: true) else {
                result.detail = "could not build an OCSP request"
                return result
            }
            result.url = url
            let limit = Deadline.after(seconds: RevocationLimits.secondsPerExchange).earlier(deadline)
            switch RevocationFetch.exchange(url, post: request.der, limit: RevocationLimits.ocspResponseBytes, deadline: limit) {
            case .failure(let failure):
                failures.append("\(url): the responder did not answer usefully: \(failure)")
            case .success(let der):
                let finding = OCSPEvaluation.evaluate(der: der, certificate: certificate, issuer: issuer, untrusted: SSL_get_peer_cert_chain(handle),
                                                      store: SSL_CTX_get_cert_store(context.context), now: now, request: request)
                apply(finding, to: &result)
                if result.status != "unknown" {
                    if !failures.isEmpty { result.detail += " (after \(failures.joined(separator: "; ")))" }
                    return result
                }
                failures.append("\(url): \(result.detail)")
            }
        }
        result.detail = failures.joined(separator: "; ")
        if urls.count == 1, let only = failures.first { result.detail = String(only.dropFirst(urls[0].count + 2)) }
        return result
    }

    private func fetchCRL(_ certificate: OpaquePointer, issuer: OpaquePointer, depth: Int, subject: String, now: Date, deadline: Deadline) -> RevocationResult {
        var result = RevocationResult(depth: depth, subject: subject, method: "crl", url: nil, status: "unknown", detail: "")
        let urls = Array(X509Certificate.crlURLs(certificate).prefix(RevocationLimits.urlsPerSource))
        guard !urls.isEmpty else {
            result.detail = "the certificate names no CRL distribution point"
            return result
        }
        var failures: [String] = []
        for url in urls {
            result.url = url
            let limit = Deadline.after(seconds: RevocationLimits.secondsPerExchange).earlier(deadline)
            let failure = judgeCRL(at: url, certificate: certificate, issuer: issuer, now: now, limit: limit, into: &result)
            guard let failure else {
                if !failures.isEmpty { result.detail += " (after \(failures.joined(separator: "; ")))" }
                return result
            }
            failures.append(urls.count == 1 ? failure : "\(url): \(failure)")
        }
        result.detail = failures.joined(separator: "; ")
        return result
    }

    /// Fetches and reads one CRL into `result`; the reason it gave no status, or nil.
    private func judgeCRL(at url: String, certificate: OpaquePointer, issuer: OpaquePointer, now: Date, limit: Deadline, into result: inout RevocationResult) -> String? {
        switch RevocationFetch.exchange(url, limit: RevocationLimits.crlBytes, deadline: limit) {
        case .failure(let failure):
            return "the distribution point did not answer usefully: \(failure)"
        case .success(let bytes):
            guard let crl = X509CRL(bytes: bytes) else { return "\(bytes.count) bytes that are not a CRL" }
            guard crl.isSigned(by: issuer) else { return "the CRL is not signed by the certificate's issuer" }
            if let nextUpdate = crl.nextUpdate, now.timeIntervalSince(nextUpdate) > OCSPEvaluation.allowedSkew {
                return "the CRL is out of date (nextUpdate \(RFC3339.string(nextUpdate)))"
            }
            if let entry = crl.entry(for: certificate) {
                result.status = "revoked"
                result.reason = entry.reason
                result.revokedAt = entry.revokedAt.map(RFC3339.string)
                result.detail = "listed on the CRL (\(entry.reason))" + (entry.revokedAt.map { " since \(RFC3339.readable($0))" } ?? "")
            } else {
                result.status = "good"
                result.detail = "not listed on the CRL" + (crl.nextUpdate.map { " (next update \(RFC3339.readable($0)))" } ?? "")
            }
            return nil
        }
    }

    private func apply(_ finding: OCSPFinding, to result: inout RevocationResult) {
        switch finding.kind {
        case .good:
            result.status = "good"
            result.detail = "the responder says good" + (finding.nextUpdate.map { " (next update \(RFC3339.readable($0)))" } ?? "")
        case .revoked:
            result.status = "revoked"
            result.reason = finding.reason
            result.revokedAt = finding.revokedAt.map(RFC3339.string)
            result.detail = "the responder says revoked (\(finding.reason ?? "no reason given"))" + (finding.revokedAt.map { " since \(RFC3339.readable($0))" } ?? "")
        default:
            result.detail = "the responder's answer is not usable: \(finding.detail)"
        }
    }
}
