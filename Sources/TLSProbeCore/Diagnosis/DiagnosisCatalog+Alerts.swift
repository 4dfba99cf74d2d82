// alert rows: one per registered TLS alert, read from the client's side (the server sent it to us),
// plus alert.client_cert_required (mTLS, decided by the probe) and alert.unknown.
extension DiagnosisCatalog {
    static let registeredAlertEntries: [DiagnosisEntry] =
        // A registered alert without a row is left out here and reported by CatalogTests.
        TLSAlert.registry.compactMap { registration in
            alertRows[registration.name].map { alertEntry(registration, $0) }
        }

    /// The ids of the rows above, for explain to fold them into one line where a code covers many.
    static let registeredAlertIDs = Set(registeredAlertEntries.map(\.id))

    /// The row of one registered alert's id ("alert.handshake_failure"), made from the registry
    /// alone (the name exactly as registered, like the ids above).
    static func registeredAlertEntry(_ id: String) -> DiagnosisEntry? {
        guard id.hasPrefix("alert.") else { return nil }
        let name = String(id.dropFirst("alert.".count))
        guard let code = TLSAlert.code(for: name), TLSAlert.name(for: code) == name, let row = alertRows[name] else { return nil }
        return alertEntry(TLSAlert.Registration(code: code, name: name), row)
    }

    /// What fatal alerts look like on an ESP32: mbedTLS folds all of them into one code.
    static let mbedtlsFatalAlert =
        "MBEDTLS_ERR_SSL_FATAL_ALERT_MESSAGE -0x7780 (the number is only in the debug log: \"is a fatal alert message (msg N)\")"

    private static func alertEntry(_ registration: TLSAlert.Registration, _ row: AlertRow) -> DiagnosisEntry {
        DiagnosisEntry(
            id: DiagnosisID.alert(named: registration.name), severity: .error, stage: .serverHello,
            exitStatus: .handshakeAlert, title: row.title,
            summaryTemplate: "The server ended the handshake with alert {alert} ({code}) " + row.summary,
            facts: ["alert", "code"] + row.facts,
            explanation: row.explanation, fixServer: row.fixServer, fixClient: row.fixClient,
            openssl: opensslAlertReason(registration),
            alert: TLSAlert.label(for: registration.code),
            curl: row.curl ?? "35 (CURLE_SSL_CONNECT_ERROR)",
            mbedtls: (registration.code == 0 ? ["MBEDTLS_ERR_SSL_PEER_CLOSE_NOTIFY -0x7880"] : [mbedtlsFatalAlert]) + row.mbedtls,
            docs: row.docs ?? "RFC 8446 §6.2"
        )
    }

    /// OpenSSL reports a received alert N as reason 1000 + N; the macro prefix depends on the era
    /// in which the alert was defined (SSLv3, TLS 1.x, TLS 1.3). Names as in OpenSSL 3.0 sslerr.h.
    static func opensslAlertReason(_ registration: TLSAlert.Registration) -> String {
        let code = Int(registration.code)
        if code == 0 { return "SSL_ERROR_ZERO_RETURN (clean close, no reason code)" }
        let upper = registration.name.uppercased()
        let macro: String
        switch code {
        case 10, 20, 30, 40, 41, 42, 43, 44, 45, 46, 47: macro = "SSL_R_SSLV3_ALERT_" + upper
        case 109, 116: macro = "SSL_R_TLSV13_ALERT_" + upper
        case 90: macro = "SSL_R_TLSV1_ALERT_USER_CANCELLED"
        case 110, 111, 112, 113, 114: macro = "SSL_R_TLSV1_" + upper
        default: macro = "SSL_R_TLSV1_ALERT_" + upper
        }
        return "\(macro) (\(1000 + code))"
    }

    struct AlertRow {
        let title: String
        /// Continues "The server ended the handshake with alert {alert} ({code}) ".
        let summary: String
        let explanation: String
        let fixServer: String
        let fixClient: String?
        var curl: String? = nil
        var docs: String? = nil
        /// The facts `summary` uses, after {alert} and {code}.
        var facts: [String] = ["after"]
        /// Codes an embedded client reports besides the fatal-alert code.
        var mbedtls: [String] = []
    }

    /// The two alert rows the registry does not give: decided by the probe (mTLS) or unnamed.
    public struct DecidedAlertRows: DiagnosisRowSet {
        static let shared = DecidedAlertRows()

        // alert — one id per alert name: "alert." + name, e.g. "alert.handshake_failure".
        // facts: {alert} (name), {code} (number), {after} (last message we sent/saw)
        // alert.client_cert_required additionally: {ca_names} (acceptable CA names or "any"), {version},
        // {ending} ("alert decode_error (50)", "a close (FIN), no alert")
        public let alertClientCertRequired = DiagnosisEntry(
            id: "alert.client_cert_required", severity: .error, stage: .finished, exitStatus: .handshakeAlert,
            title: "Server requires a client certificate",
            summaryTemplate: "The server asked for a client certificate (acceptable CAs: {ca_names}) and ended the {version} handshake with {ending} because none was sent.",
            facts: ["ca_names", "version", "ending"],
            explanation: "This is mutual TLS: the server sent a CertificateRequest and insists on a certificate from the client. In TLS 1.3 the rejection comes as alert 116 certificate_required, often only after the client thinks the handshake is done (on the first read). In TLS 1.2 most servers send handshake_failure (40) right after the client's empty Certificate message; some send bad_certificate (42), GnuTLS sends decode_error (50), Mbed TLS just closes the connection. tlsprobe reads the cause from the CertificateRequest it saw, not from the alert number.",
            fixServer: "If this endpoint should be public, turn off client-certificate verification (nginx ssl_verify_client off/optional); otherwise nothing is wrong.",
            fixClient: "Present a certificate issued by one of the listed CAs: curl --cert client.pem --key client.key; tlsprobe --cert/--key; on ESP-IDF set clientcert_buf/clientkey_buf in esp_tls_cfg_t (the chain must fit CONFIG_MBEDTLS_SSL_OUT_CONTENT_LEN, 4096 bytes by default).",
            openssl: "SSL_R_TLSV13_ALERT_CERTIFICATE_REQUIRED (1116) or SSL_R_SSLV3_ALERT_HANDSHAKE_FAILURE (1040)",
            alert: "certificate_required (116) in TLS 1.3; handshake_failure (40) after a CertificateRequest in TLS 1.2",
            curl: "56 (CURLE_RECV_ERROR) in TLS 1.3, 35 (CURLE_SSL_CONNECT_ERROR) in TLS 1.2",
            mbedtls: [mbedtlsFatalAlert + "; in TLS 1.3 the handshake returns 0 and the first mbedtls_ssl_read fails"],
            docs: "RFC 8446 §4.3.2, §4.4.2.4; RFC 5246 §7.4.4"
        )

        /// an alert number with no name
        public let alertUnknown = DiagnosisEntry(
            id: "alert.unknown", severity: .error, stage: .serverHello, exitStatus: .handshakeAlert,
            title: "Unregistered alert",
            summaryTemplate: "The server ended the handshake with alert number {code}, which has no registered name, after {after}.",
            facts: ["code", "after"],
            explanation: "The alert number is not in the IANA registry. The server's TLS stack is buggy, or the bytes were not really a TLS alert.",
            fixServer: "Check which TLS implementation or middlebox answers on this port.",
            fixClient: nil,
            openssl: "SSL_R_TLSV1_ALERT_* does not exist for it; OpenSSL reports reason 1000 + the number",
            curl: "35 (CURLE_SSL_CONNECT_ERROR)",
            mbedtls: [mbedtlsFatalAlert],
            docs: "RFC 8446 §6"
        )
    }
}