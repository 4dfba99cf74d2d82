// cert rows: problems with the leaf certificate (or any single certificate) the server presents.
extension DiagnosisCatalog {
    /// mbedTLS reports every chain-verification failure as this code; the flags say why.
    static let mbedtlsVerifyFailed = "MBEDTLS_ERR_X509_CERT_VERIFY_FAILED -0x2700"
    static let curlVerifyFailed = "60 (CURLE_PEER_FAILED_VERIFICATION; 51 in curl before 7.62)"

    public struct CertificateRows: DiagnosisRowSet {
        static let shared = CertificateRows()

        // cert — facts: {subject} {issuer} {depth} {not_before} {not_after} {days} (days ago / days left)
        // {now} (this machine's clock or --at, for not_yet_valid; {clock} says which), {names} (valid names), {host}, {code} {reason}
        public let certExpired = DiagnosisEntry(
            id: "cert.expired", severity: .error, stage: .certificate, exitStatus: .certificateExpired,
            title: "Certificate expired",
            summaryTemplate: "The leaf certificate \"{subject}\" expired on {not_after}, {days} ago.",
            facts: ["subject", "not_after", "days"],
            explanation: "The certificate's notAfter date has passed, so every client that checks dates refuses it. Note that ESP-IDF does not check dates by default (CONFIG_MBEDTLS_HAVE_TIME_DATE is off), so a device may keep working while laptops fail — until it is built with date checks.",
            fixServer: "Renew the certificate and reload the server; automate renewal (ACME) and monitor with `tlsprobe --fail-days 14`.",
            fixClient: "Nothing safe. If only one machine fails, check its clock (date -u); on a device, sync time via SNTP before the first TLS connection.",
            openssl: "X509_V_ERR_CERT_HAS_EXPIRED (10) \"certificate has expired\"",
            alert: "client sends certificate_expired (45)",
            curl: curlVerifyFailed,
            mbedtls: [mbedtlsVerifyFailed + " with flag MBEDTLS_X509_BADCERT_EXPIRED 0x01 (only with CONFIG_MBEDTLS_HAVE_TIME_DATE)"],
            docs: "RFC 5280 §4.1.2.5"
        )

        public let certNotYetValid = DiagnosisEntry(
            id: "cert.not_yet_valid", severity: .error, stage: .certificate, exitStatus: .certificateExpired,
            title: "Certificate not yet valid",
            summaryTemplate: "The certificate \"{subject}\" is valid from {not_before}, but {clock} {now}.",
            facts: ["subject", "not_before", "clock", "now"],
            explanation: "Either the certificate was issued with a future start date, or the checking clock is behind. On devices the usual cause is a clock still at 1970 because SNTP has not synced yet.",
            fixServer: "If the clock is right, reissue the certificate with a notBefore in the past.",
            fixClient: "Fix the clock; on ESP32, wait for SNTP (esp_netif_sntp / sntp_get_sync_status) before connecting.",
            openssl: "X509_V_ERR_CERT_NOT_YET_VALID (9) \"certificate is not yet valid\"",
            alert: "client sends certificate_unknown (46) or bad_certificate (42)",
            curl: curlVerifyFailed,
            mbedtls: [mbedtlsVerifyFailed + " with flag MBEDTLS_X509_BADCERT_FUTURE 0x200 (only with CONFIG_MBEDTLS_HAVE_TIME_DATE)"],
            docs: "RFC 5280 §4.1.2.5"
        )

        public let certExpiresSoon = DiagnosisEntry(
            id: "cert.expires_soon", severity: .warning, stage: .certificate, exitStatus: .success,
            title: "Certificate expires soon",
            summaryTemplate: "The certificate \"{subject}\" expires on {not_after}, in {days} (threshold {threshold}).",
            facts: ["subject", "not_after", "days", "threshold"],
            explanation: "Still valid, but inside the warning window. `--fail-days` turns this into a failure for monitoring.",
            fixServer: "Renew now and check that automated renewal actually reloads the server.",
            docs: "RFC 5280 §4.1.2.5"
        )

        public let certSelfSigned = DiagnosisEntry(
            id: "cert.self_signed", severity: .error, stage: .certificate, exitStatus: .untrustedChain,
            title: "Self-signed certificate",
            summaryTemplate: "The server presents a self-signed certificate \"{subject}\" that no trusted CA vouches for.",
            facts: ["subject"],
            explanation: "The certificate signs itself and is not in the trust store, so nothing proves it belongs to this server.",
            fixServer: "Use a certificate from a public CA (e.g. Let's Encrypt), or from your private CA and distribute that CA to clients.",
            fixClient: "Trust it explicitly for this use only: curl --cacert server.pem; tlsprobe --cacert server.pem; on ESP32 embed this certificate as cert_pem.",
            openssl: "X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT (18) or X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN (19)",
            alert: "client sends unknown_ca (48)",
            curl: curlVerifyFailed,
            mbedtls: [mbedtlsVerifyFailed + " with flag MBEDTLS_X509_BADCERT_NOT_TRUSTED 0x08"],
            docs: "RFC 5280 §6.1"
        )

        /// {root} {sent} ("sent by the server"/"not sent")
        public let certUntrustedRoot = DiagnosisEntry(
            id: "cert.untrusted_root", severity: .error, stage: .certificate, exitStatus: .untrustedChain,
            title: "Chain ends at an untrusted root",
            summaryTemplate: "The chain ends at \"{root}\" ({sent}), which is not in the trust store.",
            facts: ["root", "sent"],
            explanation: "The chain is complete but its root is not trusted by this client: a private/corporate CA, a TLS-inspecting proxy, or a root the client's store no longer carries. Devices are stricter still: they trust only what was embedded (a pinned root, or the ESP-IDF certificate bundle of that IDF version).",
            fixServer: "Use a certificate from a CA your clients trust; for devices, one whose root is in the ESP-IDF bundle they ship.",
            fixClient: "Add the root: curl --cacert root.pem; on ESP32 embed that root as cert_pem, or add it to the bundle (CONFIG_MBEDTLS_CUSTOM_CERTIFICATE_BUNDLE_PATH). Pin the root, never the leaf or an intermediate.",
            openssl: "X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY (20) or X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN (19)",
            alert: "client sends unknown_ca (48)",
            curl: curlVerifyFailed,
            mbedtls: [mbedtlsVerifyFailed + " with flag MBEDTLS_X509_BADCERT_NOT_TRUSTED 0x08", "MBEDTLS_ERR_X509_FATAL_ERROR -0x3000 with flags 0xFFFFFFFF when the ESP-IDF certificate bundle has no matching root"],
            docs: "RFC 5280 §6.1"
        )

        public let certHostnameMismatch = DiagnosisEntry(
            id: "cert.hostname_mismatch", severity: .error, stage: .certificate, exitStatus: .hostnameMismatch,
            title: "Name does not match the certificate",
            summaryTemplate: "The certificate is valid for {names}, not for \"{host}\"{wildcard_note}.",
            facts: ["names", "host", "wildcard_note"],
            explanation: "None of the certificate's subjectAltName entries matches the name we connected to. A wildcard covers exactly one label (*.example.com matches a.example.com, not example.com or a.b.example.com). Connecting by IP address needs an IP SAN.",
            fixServer: "Reissue the certificate with this name in the subjectAltName, or point the name at a server that has it.",
            fixClient: "Connect with a name the certificate covers (curl --resolve to keep the IP). On ESP-IDF check common_name in esp_tls_cfg_t; it overrides the URL host for this check.",
            openssl: "X509_V_ERR_HOSTNAME_MISMATCH (62) or X509_V_ERR_IP_ADDRESS_MISMATCH (64)",
            alert: "client sends bad_certificate (42)",
            curl: "60 (CURLE_PEER_FAILED_VERIFICATION: \"SSL: no alternative certificate subject name matches\"; 51 before curl 7.62)",
            mbedtls: [mbedtlsVerifyFailed + " with flag MBEDTLS_X509_BADCERT_CN_MISMATCH 0x04"],
            docs: "RFC 6125 §6, RFC 9110 §4.3.4"
        )

        /// warning: {cn}
        public let certCNOnly = DiagnosisEntry(
            id: "cert.cn_only", severity: .warning, stage: .certificate, exitStatus: .success,
            title: "Name only in the Common Name",
            summaryTemplate: "The name \"{cn}\" appears only in the subject CN, not in subjectAltName.",
            facts: ["cn"],
            explanation: "Browsers and modern libraries ignore the Common Name for name checks; only subjectAltName counts. mbedTLS still falls back to the CN when there is no SAN at all, so a device may accept what a browser rejects.",
            fixServer: "Reissue the certificate with the name in subjectAltName.",
            docs: "RFC 6125 §6.4.4"
        )

        public let certWrongPurpose = DiagnosisEntry(
            id: "cert.wrong_purpose", severity: .error, stage: .certificate, exitStatus: .otherCertificateProblem,
            title: "Certificate not issued for TLS servers",
            summaryTemplate: "The certificate \"{subject}\" allows {eku}, not TLS server authentication.",
            facts: ["subject", "eku"],
            explanation: "Its extendedKeyUsage lacks serverAuth (e.g. a client-auth or code-signing certificate), or its keyUsage forbids the signature/encipherment the handshake needs.",
            fixServer: "Reissue with extendedKeyUsage serverAuth and keyUsage digitalSignature (plus keyEncipherment for RSA key exchange).",
            openssl: "X509_V_ERR_INVALID_PURPOSE (26); X509_V_ERR_KEYUSAGE_NO_DIGITAL_SIGNATURE (39)",
            alert: "client sends unsupported_certificate (43)",
            curl: curlVerifyFailed,
            mbedtls: ["MBEDTLS_ERR_SSL_BAD_CERTIFICATE -0x7A00 with flag MBEDTLS_X509_BADCERT_EXT_KEY_USAGE 0x1000 or MBEDTLS_X509_BADCERT_KEY_USAGE 0x800"],
            docs: "RFC 5280 §4.2.1.12"
        )
    }
}