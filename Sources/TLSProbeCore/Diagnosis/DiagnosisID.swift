/// Every diagnosis id the probe can emit, with the facts (template keys) it supplies.
/// The strings are a contract with users' scripts: add new ids, never rename old ones.
/// Facts every diagnosis may use: {host} {port} {stage}.
public enum DiagnosisID {
    // dns — facts: {host} {detail} (resolver text) {family} ("IPv4"/"IPv6")
    public static let dnsNoSuchName = "dns.no_such_name"
    public static let dnsNoAddressForFamily = "dns.no_address_for_family"
    public static let dnsResolverFailure = "dns.resolver_failure"
    public static let dnsTimeout = "dns.timeout"  // {seconds}

    // tcp — facts: {address} ("192.0.2.1:443") {seconds} {detail} (strerror)
    public static let tcpRefused = "tcp.refused"
    public static let tcpTimeout = "tcp.timeout"
    public static let tcpUnreachable = "tcp.unreachable"
    public static let tcpError = "tcp.error"

    // proxy — facts: {proxy} {status} {detail}
    public static let proxyRefused = "proxy.refused"
    public static let proxyAuthRequired = "proxy.auth_required"
    public static let proxyDenied = "proxy.denied"
    public static let proxyFailed = "proxy.failed"

    // handshake — facts: {after} (last handshake message seen, e.g. "ClientHello sent",
    // "ServerHello", "Certificate"), {seconds}, {bytes} (bytes received)
    public static let handshakeTimeout = "handshake.timeout"
    public static let handshakeReset = "handshake.reset"
    public static let handshakeAbruptClose = "handshake.abrupt_close"
    public static let handshakeSNIRequired = "handshake.sni_required"  // {sni} (the quoted name that worked, or words for an IP target)
    public static let handshakeFailed = "handshake.failed"  // {detail} (OpenSSL reason) — fallback
    public static let handshakeUnexpectedMessage = "handshake.unexpected_record"  // {detail}

    // alert — one id per alert name: "alert." + name, e.g. "alert.handshake_failure".
    // facts: {alert} (name), {code} (number), {after} (last message we sent/saw)
    // alert.client_cert_required additionally: {ca_names} (acceptable CA names or "any"), {version},
    // {ending} ("alert decode_error (50)", "a close (FIN), no alert")
    public static let alertClientCertRequired = "alert.client_cert_required"
    public static let alertUnrecognizedName = "alert.unrecognized_name"  // {sni}
    public static let alertUnknown = "alert.unknown"  // an alert number with no name
    public static func alert(named name: String) -> String { "alert." + name }

    // proto — facts: {server_versions} ("TLS 1.0, TLS 1.1"), {offered} ("TLS 1.2–1.3"), {version}
    public static let protoTLS10Only = "proto.tls10_only"
    public static let protoTLS11Only = "proto.tls11_only"
    public static let protoNoCommonVersion = "proto.no_common_version"
    public static let protoBelowExpectedVersion = "proto.below_expected_version"  // --expect-tls-min: {version} {expected}
    public static let protoUnexpectedALPN = "proto.unexpected_alpn"  // --expect-alpn: {alpn} (selected, or "none") {expected} {offered}

    // cipher — facts: {cipher} (name), {offered} (count), {server_ciphers} (what it accepts)
    public static let cipherNoShared = "cipher.no_shared"
    public static let cipherWeak = "cipher.weak"  // {cipher} {reason} ("RC4", "NULL", "EXPORT", "anonymous", "DES")
    public static let cipher3DES = "cipher.3des"  // warning
    public static let cipherNormalClientDiffers = "cipher.differs_for_normal_client"  // info: {cipher} {normal_cipher}

    // key — facts: {bits} {group} {curve} {subject} {depth}
    public static let keyWeakDH = "key.weak_dh"  // {bits}
    public static let keyWeakRSA = "key.weak_rsa"  // {bits} {subject} {depth}
    public static let keyWeakEC = "key.weak_ec"  // {curve} {bits} {subject} {depth}
    public static let keyNoForwardSecrecy = "key.no_forward_secrecy"  // warning: RSA key transport; {cipher}
    public static let keyNoSharedGroup = "key.no_shared_group"  // {offered_groups} {server_groups}

    // sig — facts: {subject} {depth} {algorithm}
    public static let sigSHA1 = "sig.sha1"
    public static let sigMD5 = "sig.md5"
    public static let sigHandshakeSHA1 = "sig.handshake_sha1"  // server signed the key exchange with SHA-1: {algorithm}

    // not_tls — facts: {preview} (sanitised first bytes / line), {hex} (first bytes in hex),
    // {protocol} (for banners: "SMTP", "FTP", "SSH", "POP3", "IMAP", or "unknown")
    public static let notTLSPlainHTTP = "not_tls.plain_http"  // {status_line}
    public static let notTLSBanner = "not_tls.banner"
    public static let notTLSGarbage = "not_tls.garbage"

    // cert — facts: {subject} {issuer} {depth} {not_before} {not_after} {days} (days ago / days left)
    // {now} (this machine's clock, for not_yet_valid), {names} (valid names), {host}, {code} {reason}
    public static let certExpired = "cert.expired"
    public static let certNotYetValid = "cert.not_yet_valid"
    public static let certExpiresSoon = "cert.expires_soon"  // {days} {threshold}
    public static let certSelfSigned = "cert.self_signed"
    public static let certUntrustedRoot = "cert.untrusted_root"  // {root} {sent} ("sent by the server"/"not sent")
    public static let certHostnameMismatch = "cert.hostname_mismatch"  // {host} {names} {wildcard_note}
    public static let certCNOnly = "cert.cn_only"  // warning: {cn}
    public static let certWrongPurpose = "cert.wrong_purpose"  // {eku}
    public static let certTooLarge = "cert.too_large"  // {bytes} {limit}
    public static let certMalformed = "cert.malformed"  // {detail}
    public static let certBadSignature = "cert.bad_signature"  // {subject} {depth}
    public static let certVerifyError = "cert.verify_error"  // {code} {reason} {depth} — any other verify code
    public static let certRevoked = "cert.revoked"

    // chain — facts: {missing_issuer} {aia_url} {subject} {depth} {order} {extra}
    public static let chainMissingIntermediate = "chain.missing_intermediate"
    public static let chainIntermediateExpired = "chain.intermediate_expired"  // {subject} {depth} {not_after} {days}
    public static let chainWrongOrder = "chain.wrong_order"  // warning: {order}
    public static let chainExtraCerts = "chain.extra_certs"  // warning: {extra}
    public static let chainRootIncluded = "chain.root_included"  // info: {root}
    public static let chainTooDeep = "chain.too_deep"  // {depth}

    // http — facts: {status} {status_line} {location} {max_age} {seconds} {bytes} {preview}
    // {after} (http.reset, http.closed: "our request", "the handshake (…)")
    public static let httpStatus5xx = "http.status_5xx"
    public static let httpStatus4xx = "http.status_4xx"
    public static let httpRedirect = "http.redirect"
    public static let httpRedirectDowngrade = "http.redirect_downgrade"
    public static let httpUnexpectedStatus = "http.unexpected_status"  // --expect-status: {expected}
    public static let httpNoHSTS = "http.no_hsts"
    public static let httpHSTSShort = "http.hsts_short"
    public static let httpTimeout = "http.timeout"
    public static let httpClosed = "http.closed"  // closed without any response
    public static let httpNotHTTP = "http.not_http"
    public static let httpHeadersTooLarge = "http.headers_too_large"  // {limit}
    public static let httpReset = "http.reset"
    /// The server asked for a client certificate, got none, finished the handshake and then
    /// refused the request (nginx: 400 "No required SSL certificate was sent"): {status_line} {ca_names}
    public static let httpClientCertRequired = "http.client_cert_required"
    /// info: the server asked for an optional client certificate and none was sent: {ca_names}
    public static let handshakeClientCertRequested = "handshake.client_cert_requested"

    // internal
    public static let internalError = "internal.error"  // {detail}
}
