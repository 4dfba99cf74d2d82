internal import COpenSSL
internal import CTLSProbeShims
import FoundationEssentials

/// `--revocation`: asks each certificate's OCSP responder and/or fetches its CRL, for every
/// certificate of the built chain below the trust anchor. Bounded: one URL per source and
/// certificate, each exchange within `deadline`, at most `RevocationLimits` bytes.
enum RevocationLimits {
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
        guard let url = X509Certificate.ocspURLs(certificate).first else {
            result.detail = "the certificate names no OCSP responder (no AIA OCSP URL)"
            return result
        }
        result.url = url
        guard let id = OCSPCertificateID(certificate: certificate, issuer: issuer), let request = OCSPRequest(for: id) else {
            result.detail = "could not build an OCSP request"
            return result
        }
        let limit = Deadline.after(seconds: RevocationLimits.secondsPerExchange).earlier(deadline)
        switch RevocationFetch.exchange(url, post: request.der, limit: RevocationLimits.ocspResponseBytes, deadline: limit) {
        case .failure(let failure):
            result.detail = "the responder did not answer usefully: \(failure)"
        case .success(let der):
            let finding = OCSPEvaluation.evaluate(der: der, certificate: certificate, issuer: issuer, untrusted: SSL_get_peer_cert_chain(handle),
                                                  store: SSL_CTX_get_cert_store(context.context), now: now)
            apply(finding, to: &result)
        }
        return result
    }

    private func fetchCRL(_ certificate: OpaquePointer, issuer: OpaquePointer, depth: Int, subject: String, now: Date, deadline: Deadline) -> RevocationResult {
        var result = RevocationResult(depth: depth, subject: subject, method: "crl", url: nil, status: "unknown", detail: "")
        guard let url = X509Certificate.crlURLs(certificate).first else {
            result.detail = "the certificate names no CRL distribution point"
            return result
        }
        result.url = url
        let limit = Deadline.after(seconds: RevocationLimits.secondsPerExchange).earlier(deadline)
        switch RevocationFetch.exchange(url, limit: RevocationLimits.crlBytes, deadline: limit) {
        case .failure(let failure):
            result.detail = "the distribution point did not answer usefully: \(failure)"
        case .success(let bytes):
            guard let crl = X509CRL(bytes: bytes) else {
                result.detail = "\(bytes.count) bytes that are not a CRL"
                return result
            }
            guard crl.isSigned(by: issuer) else {
                result.detail = "the CRL is not signed by the certificate's issuer"
                return result
            }
            if let nextUpdate = crl.nextUpdate, now.timeIntervalSince(nextUpdate) > OCSPEvaluation.allowedSkew {
                result.detail = "the CRL is out of date (nextUpdate \(RFC3339.string(nextUpdate)))"
                return result
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
        }
        return result
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
