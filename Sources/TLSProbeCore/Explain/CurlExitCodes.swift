/// curl exit codes that matter for TLS/HTTPS problems (libcurl-errors(3)); the diagnoses that
/// lead to each are read from the catalogue rows.
public enum CurlExitCodes {
    public struct Code: Sendable {
        public let value: Int
        public let name: String
        public let meaning: String
        /// The diagnoses whose catalogue row names this exit code.
        public var diagnoses: [String] { CatalogCrossReferences.diagnoses(curlCode: value) }
    }

    public static let codes: [Code] = [
        Code(value: 1, name: "CURLE_UNSUPPORTED_PROTOCOL", meaning: "The URL's scheme is one this curl was not built for, or the server answered in another protocol."),
        Code(value: 5, name: "CURLE_COULDNT_RESOLVE_PROXY", meaning: "The proxy's name could not be resolved."),
        Code(value: 6, name: "CURLE_COULDNT_RESOLVE_HOST", meaning: "The host name could not be resolved."),
        Code(value: 7, name: "CURLE_COULDNT_CONNECT", meaning: "The TCP connection to the host or proxy failed."),
        Code(value: 8, name: "CURLE_WEIRD_SERVER_REPLY", meaning: "The server's reply could not be parsed as HTTP."),
        Code(value: 22, name: "CURLE_HTTP_RETURNED_ERROR", meaning: "With --fail: the server answered 400 or above."),
        Code(value: 28, name: "CURLE_OPERATION_TIMEDOUT", meaning: "A timeout expired (connect, handshake or transfer)."),
        Code(value: 35, name: "CURLE_SSL_CONNECT_ERROR", meaning: "The TLS handshake failed: alert, close, reset, not TLS, no common version or cipher."),
        Code(value: 47, name: "CURLE_TOO_MANY_REDIRECTS", meaning: "Redirect limit reached."),
        Code(value: 51, name: "CURLE_PEER_FAILED_VERIFICATION (before 7.62)", meaning: "Old curl's code for a failed certificate check; curl 7.62+ uses 60 for it."),
        Code(value: 52, name: "CURLE_GOT_NOTHING", meaning: "The server closed the connection without sending any response."),
        Code(value: 53, name: "CURLE_SSL_ENGINE_NOTFOUND", meaning: "The requested crypto engine was not found (local setup)."),
        Code(value: 54, name: "CURLE_SSL_ENGINE_SETFAILED", meaning: "The crypto engine could not be made default (local setup)."),
        Code(value: 56, name: "CURLE_RECV_ERROR", meaning: "Receiving failed: reset after the handshake, a TLS 1.3 post-handshake alert (e.g. certificate_required), or a failed proxy CONNECT."),
        Code(value: 58, name: "CURLE_SSL_CERTPROBLEM", meaning: "The local client certificate or key could not be used (--cert/--key)."),
        Code(value: 59, name: "CURLE_SSL_CIPHER", meaning: "The --ciphers list could not be used."),
        Code(value: 60, name: "CURLE_PEER_FAILED_VERIFICATION", meaning: "The server certificate failed verification (trust, name, dates, weak keys)."),
        Code(value: 64, name: "CURLE_USE_SSL_FAILED", meaning: "With --ssl-reqd: the server would not upgrade the connection to TLS (STARTTLS)."),
        Code(value: 77, name: "CURLE_SSL_CACERT_BADFILE", meaning: "The CA file or directory could not be read (--cacert/--capath)."),
        Code(value: 80, name: "CURLE_SSL_SHUTDOWN_FAILED", meaning: "Closing the TLS session failed."),
        Code(value: 83, name: "CURLE_SSL_ISSUER_ERROR", meaning: "The issuer check (--crlfile / issuer cert) failed."),
        Code(value: 90, name: "CURLE_SSL_PINNEDPUBKEYNOTMATCH", meaning: "The server key does not match --pinnedpubkey."),
        Code(value: 91, name: "CURLE_SSL_INVALIDCERTSTATUS", meaning: "The stapled OCSP status is bad (--cert-status)."),
        Code(value: 97, name: "CURLE_PROXY", meaning: "Proxy handshake error (curl 7.73+ for SOCKS/HTTPS proxies)."),
    ]

    public static func code(_ value: Int) -> Code? { codes.first { $0.value == value } }
    public static func code(named name: String) -> Code? {
        let upper = name.uppercased()
        return codes.first { $0.name == upper || $0.name.hasPrefix(upper + " ") }
    }
}
