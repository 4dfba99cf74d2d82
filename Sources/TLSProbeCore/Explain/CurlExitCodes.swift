/// curl exit codes that matter for TLS/HTTPS problems (libcurl-errors(3)), linked to tlsprobe diagnoses.
public enum CurlExitCodes {
    public struct Code: Sendable {
        public let value: Int
        public let name: String
        public let meaning: String
        public let diagnoses: [String]
    }

    public static let codes: [Code] = [
        Code(value: 5, name: "CURLE_COULDNT_RESOLVE_PROXY", meaning: "The proxy's name could not be resolved.", diagnoses: [DiagnosisID.proxyRefused]),
        Code(value: 6, name: "CURLE_COULDNT_RESOLVE_HOST", meaning: "The host name could not be resolved.",
             diagnoses: [DiagnosisID.dnsNoSuchName, DiagnosisID.dnsNoAddressForFamily, DiagnosisID.dnsResolverFailure, DiagnosisID.dnsTimeout]),
        Code(value: 7, name: "CURLE_COULDNT_CONNECT", meaning: "The TCP connection to the host or proxy failed.",
             diagnoses: [DiagnosisID.tcpRefused, DiagnosisID.tcpUnreachable, DiagnosisID.tcpError, DiagnosisID.proxyRefused]),
        Code(value: 8, name: "CURLE_WEIRD_SERVER_REPLY", meaning: "The server's reply could not be parsed as HTTP.", diagnoses: [DiagnosisID.httpNotHTTP]),
        Code(value: 22, name: "CURLE_HTTP_RETURNED_ERROR", meaning: "With --fail: the server answered 400 or above.",
             diagnoses: [DiagnosisID.httpStatus4xx, DiagnosisID.httpStatus5xx, DiagnosisID.httpUnexpectedStatus]),
        Code(value: 28, name: "CURLE_OPERATION_TIMEDOUT", meaning: "A timeout expired (connect, handshake or transfer).",
             diagnoses: [DiagnosisID.tcpTimeout, DiagnosisID.handshakeTimeout, DiagnosisID.httpTimeout]),
        Code(value: 35, name: "CURLE_SSL_CONNECT_ERROR", meaning: "The TLS handshake failed: alert, close, reset, not TLS, no common version or cipher.",
             diagnoses: [DiagnosisID.handshakeAbruptClose, DiagnosisID.handshakeReset, "alert.handshake_failure", "alert.protocol_version", DiagnosisID.notTLSPlainHTTP, DiagnosisID.protoNoCommonVersion, DiagnosisID.cipherNoShared]),
        Code(value: 47, name: "CURLE_TOO_MANY_REDIRECTS", meaning: "Redirect limit reached.", diagnoses: [DiagnosisID.httpRedirect]),
        Code(value: 51, name: "CURLE_PEER_FAILED_VERIFICATION (before 7.62)", meaning: "Old curl's code for a failed certificate check; curl 7.62+ uses 60 for it.",
             diagnoses: [DiagnosisID.certHostnameMismatch, DiagnosisID.certUntrustedRoot]),
        Code(value: 52, name: "CURLE_GOT_NOTHING", meaning: "The server closed the connection without sending any response.", diagnoses: [DiagnosisID.httpClosed]),
        Code(value: 53, name: "CURLE_SSL_ENGINE_NOTFOUND", meaning: "The requested crypto engine was not found (local setup).", diagnoses: []),
        Code(value: 54, name: "CURLE_SSL_ENGINE_SETFAILED", meaning: "The crypto engine could not be made default (local setup).", diagnoses: []),
        Code(value: 56, name: "CURLE_RECV_ERROR", meaning: "Receiving failed: reset after the handshake, a TLS 1.3 post-handshake alert (e.g. certificate_required), or a failed proxy CONNECT.",
             diagnoses: [DiagnosisID.httpReset, DiagnosisID.alertClientCertRequired, DiagnosisID.proxyAuthRequired, DiagnosisID.proxyDenied, DiagnosisID.proxyFailed]),
        Code(value: 58, name: "CURLE_SSL_CERTPROBLEM", meaning: "The local client certificate or key could not be used (--cert/--key).", diagnoses: []),
        Code(value: 59, name: "CURLE_SSL_CIPHER", meaning: "The --ciphers list could not be used.", diagnoses: []),
        Code(value: 60, name: "CURLE_PEER_FAILED_VERIFICATION", meaning: "The server certificate failed verification (trust, name, dates, weak keys).",
             diagnoses: [DiagnosisID.certUntrustedRoot, DiagnosisID.chainMissingIntermediate, DiagnosisID.certSelfSigned, DiagnosisID.certHostnameMismatch, DiagnosisID.certExpired]),
        Code(value: 77, name: "CURLE_SSL_CACERT_BADFILE", meaning: "The CA file or directory could not be read (--cacert/--capath).", diagnoses: []),
        Code(value: 80, name: "CURLE_SSL_SHUTDOWN_FAILED", meaning: "Closing the TLS session failed.", diagnoses: []),
        Code(value: 83, name: "CURLE_SSL_ISSUER_ERROR", meaning: "The issuer check (--crlfile / issuer cert) failed.", diagnoses: []),
        Code(value: 90, name: "CURLE_SSL_PINNEDPUBKEYNOTMATCH", meaning: "The server key does not match --pinnedpubkey.", diagnoses: []),
        Code(value: 91, name: "CURLE_SSL_INVALIDCERTSTATUS", meaning: "The stapled OCSP status is bad (--cert-status).", diagnoses: [DiagnosisID.certRevoked]),
        Code(value: 97, name: "CURLE_PROXY", meaning: "Proxy handshake error (curl 7.73+ for SOCKS/HTTPS proxies).", diagnoses: [DiagnosisID.proxyFailed]),
    ]

    public static func code(_ value: Int) -> Code? { codes.first { $0.value == value } }
    public static func code(named name: String) -> Code? {
        let upper = name.uppercased()
        return codes.first { $0.name == upper || $0.name.hasPrefix(upper + " ") }
    }
}
