internal import COpenSSL
internal import CTLSProbeShims
import FoundationEssentials

/// The stapled OCSP response and the certificates it must be about.
extension TLSConnection {
    /// The DER bytes the server stapled (CertificateStatus / status_request), or nil.
    var stapledOCSPResponse: [UInt8]? {
        var bytes: UnsafePointer<UInt8>?
        let length = tlsprobe_SSL_get_tlsext_status_ocsp_resp(handle, &bytes)
        guard length > 0, let bytes else { return nil }
        return Array(UnsafeBufferPointer(start: bytes, count: Int(length)))
    }

    /// Parses and verifies the staple against the leaf and its issuer; nil without a staple.
    func evaluateStapledOCSP(now: Date) -> OCSPFinding? {
        guard let der = stapledOCSPResponse else { return nil }
        guard let leaf = SSL_get0_peer_certificate(handle), let issuer = issuerOfLeaf() else {
            return OCSPFinding(kind: .unverified, detail: "the leaf's issuer is not known, so the response cannot be checked")
        }
        return OCSPEvaluation.evaluate(der: der, certificate: leaf, issuer: issuer, untrusted: SSL_get_peer_cert_chain(handle),
                                       store: SSL_CTX_get_cert_store(context.context), now: now)
    }

    /// The certificate that issued the leaf: from the chain OpenSSL built, else the second one sent.
    func issuerOfLeaf() -> OpaquePointer? {
        if let built = SSL_get0_verified_chain(handle), tlsprobe_sk_X509_num(built) > 1 {
            return tlsprobe_sk_X509_value(built, 1)
        }
        guard let sent = SSL_get_peer_cert_chain(handle), tlsprobe_sk_X509_num(sent) > 1,
              let leaf = tlsprobe_sk_X509_value(sent, 0), let candidate = tlsprobe_sk_X509_value(sent, 1),
              X509_check_issued(candidate, leaf) == X509_V_OK
        else { return nil }
        return candidate
    }

    /// True when the leaf carries the TLS Feature extension (RFC 7633) with status_request (5):
    /// "must-staple".
    var leafRequiresStaple: Bool {
        guard let leaf = SSL_get0_peer_certificate(handle) else { return false }
        return X509Certificate.requiresStaple(leaf)
    }
}

extension X509Certificate {
    /// RFC 7633 TLS Feature: a SEQUENCE OF INTEGER; must-staple lists status_request (5) or
    /// status_request_v2 (17). Read from the extension's DER, which is small and fixed in form.
    static func requiresStaple(_ certificate: OpaquePointer) -> Bool {
        let index = X509_get_ext_by_NID(certificate, NID_tlsfeature, -1)
        guard index >= 0, let extensionPointer = X509_get_ext(certificate, index),
              let data = X509_EXTENSION_get_data(extensionPointer) else { return false }
        let length = Int(ASN1_STRING_length(data))
        guard let base = ASN1_STRING_get0_data(data), length >= 2, length < 256 else { return false }
        let bytes = Array(UnsafeBufferPointer(start: base, count: length))
        guard bytes[0] == 0x30, Int(bytes[1]) == length - 2 else { return false }
        var index2 = 2
        while index2 + 2 <= bytes.count {
            guard bytes[index2] == 0x02 else { return false }
            let size = Int(bytes[index2 + 1])
            guard size >= 1, index2 + 2 + size <= bytes.count else { return false }
            let value = bytes[(index2 + 2)..<(index2 + 2 + size)].reduce(0) { $0 << 8 | Int($1) }
            if value == 5 || value == 17 { return true }
            index2 += 2 + size
        }
        return false
    }
}
