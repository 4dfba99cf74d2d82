// handshake rows: the connection was open, but the TLS handshake did not finish and no alert explains why.
extension DiagnosisCatalog {
    public struct HandshakeRows: DiagnosisRowSet {
        static let shared = HandshakeRows()

        // handshake — facts: {after} (last handshake message seen, e.g. "ClientHello sent",
        // "ServerHello", "Certificate"), {seconds}, {bytes} (bytes received)
        public let handshakeTimeout = DiagnosisEntry(
            id: "handshake.timeout", severity: .error, stage: .serverHello, exitStatus: .handshakeTimeout,
            title: "Handshake timed out",
            summaryTemplate: "The server went silent after {after}: no further handshake message within {seconds} s ({bytes} bytes received in all).",
            facts: ["after", "seconds", "bytes"],
            explanation: "TCP connected but the server never finished its part of the handshake. Typical causes: a middlebox that swallows the ClientHello, a server that waits for a protocol it expects (e.g. plain HTTP or a PROXY protocol header), or an overloaded TLS terminator.",
            fixServer: "Check that the port really serves TLS directly (no PROXY protocol expected, no STARTTLS protocol) and that the TLS terminator is not overloaded.",
            fixClient: "Compare with another network; on a device, raise timeout_ms if slow handshakes (RSA-4096, DHE) are the reason.",
            openssl: "no reason code: the read times out (ETIMEDOUT / EAGAIN)",
            curl: "28 (CURLE_OPERATION_TIMEDOUT)",
            mbedtls: ["ESP_ERR_ESP_TLS_CONNECTION_TIMEOUT 0x8006", "MBEDTLS_ERR_SSL_TIMEOUT -0x6800", "MBEDTLS_ERR_SSL_WANT_READ -0x6900 repeated until the esp-tls timeout"],
            docs: "RFC 8446 §4.1"
        )

        public let handshakeReset = DiagnosisEntry(
            id: "handshake.reset", severity: .error, stage: .serverHello, exitStatus: .peerClosed,
            title: "Connection reset during the handshake",
            summaryTemplate: "The connection was reset (TCP RST) after {after}, {bytes} bytes received.",
            facts: ["after", "bytes"],
            explanation: "Something on the path, or the server itself, aborted the connection instead of answering with a TLS alert. Firewalls, IDS/IPS and SNI-filtering middleboxes do this when they dislike the ClientHello; some servers do it when they support nothing the client offered.",
            fixServer: "Look at the firewall / load-balancer logs for this client; make the server answer with an alert rather than a reset.",
            fixClient: "Retry from another network; compare the ClientHello (SNI, versions, ciphers) with one that works.",
            openssl: "errno ECONNRESET (104): \"Connection reset by peer\"",
            curl: "35 (CURLE_SSL_CONNECT_ERROR) or 56 (CURLE_RECV_ERROR)",
            mbedtls: ["MBEDTLS_ERR_NET_CONN_RESET -0x0050", "MBEDTLS_ERR_NET_RECV_FAILED -0x004C (other socket errors)"],
            docs: "RFC 9293 §3.5.2"
        )

        public let handshakeAbruptClose = DiagnosisEntry(
            id: "handshake.abrupt_close", severity: .error, stage: .serverHello, exitStatus: .peerClosed,
            title: "Server closed the connection during the handshake",
            summaryTemplate: "The server closed the connection (TCP FIN, no alert) after {after}, {bytes} bytes received.",
            facts: ["after", "bytes"],
            explanation: "The server hung up without sending a TLS alert. Many servers do this when they reject the ClientHello: no SNI, no supported version or cipher, or a client the load balancer does not like. A device that is slow to compute its key exchange can also hit the server's handshake timeout.",
            fixServer: "Check the server log for the handshake error; configure it to send an alert instead of closing.",
            fixClient: "Send SNI (on ESP-IDF, do not set skip_common_name: that also drops SNI); compare offered versions and ciphers; prefer ECDHE over slow DHE on devices.",
            openssl: "SSL_R_UNEXPECTED_EOF_WHILE_READING \"unexpected eof while reading\" (294)",
            curl: "35 (CURLE_SSL_CONNECT_ERROR)",
            mbedtls: ["MBEDTLS_ERR_SSL_CONN_EOF -0x7280", "esp-tls: ESP_ERR_ESP_TLS_TCP_CLOSED_FIN 0x8008"],
            docs: "RFC 8446 §6.1"
        )

        /// {sni} (the quoted name that worked, or words for an IP target)
        public let handshakeSNIRequired = DiagnosisEntry(
            id: "handshake.sni_required", severity: .error, stage: .serverHello, exitStatus: .handshakeAlert,
            title: "Server requires SNI",
            summaryTemplate: "The handshake only succeeds with SNI {sni}; without it the server fails after {after}.",
            facts: ["sni", "after"],
            explanation: "The server picks its certificate (or decides to talk at all) from the server_name extension. A client that connects by IP address, or that leaves SNI out, gets a close, an alert, or a default certificate for another name.",
            fixServer: "Configure a default certificate/virtual host for clients without SNI, if such clients must work.",
            fixClient: "Connect by host name, not by IP. On ESP-IDF make sure common_name / the URL host is set and skip_common_name is false (it also suppresses SNI). With curl use --resolve or --connect-to instead of an IP in the URL.",
            openssl: "SSL_R_TLSV1_UNRECOGNIZED_NAME (1112) or SSL_R_UNEXPECTED_EOF_WHILE_READING (294)",
            alert: "unrecognized_name (112) or handshake_failure (40), or none",
            curl: "35 (CURLE_SSL_CONNECT_ERROR)",
            mbedtls: ["MBEDTLS_ERR_SSL_CONN_EOF -0x7280", "MBEDTLS_ERR_SSL_FATAL_ALERT_MESSAGE -0x7780"],
            docs: "RFC 6066 §3"
        )

        /// {detail} (OpenSSL reason) — fallback
        public let handshakeFailed = DiagnosisEntry(
            id: "handshake.failed", severity: .error, stage: .serverHello, exitStatus: .handshakeAlert,
            title: "Handshake failed",
            summaryTemplate: "The handshake failed after {after}: {detail}.",
            facts: ["after", "detail"],
            explanation: "The handshake failed in a way tlsprobe has no more specific diagnosis for; the OpenSSL reason is quoted as is.",
            fixServer: "Check the server's TLS error log for the same time.",
            fixClient: "Run with --verbose to see the handshake messages and compare with a client that works.",
            openssl: "the quoted reason string",
            curl: "35 (CURLE_SSL_CONNECT_ERROR)",
            mbedtls: ["ESP_ERR_MBEDTLS_SSL_HANDSHAKE_FAILED 0x801A with the mbedTLS code in the log line \"mbedtls_ssl_handshake returned -0x....\""],
            docs: "RFC 8446 §4"
        )

        public let handshakeUnexpectedMessage = DiagnosisEntry(
            id: "handshake.unexpected_record", severity: .error, stage: .serverHello, exitStatus: .handshakeAlert,
            title: "Unexpected handshake message",
            summaryTemplate: "The server sent a message that does not belong at this point, after {after}: {detail}.",
            facts: ["after", "detail"],
            explanation: "The server broke the handshake's message order: a record type or handshake message arrived that the protocol does not allow here. It is a server or middlebox bug, or data from another protocol mixed into the stream.",
            fixServer: "Update the TLS stack or the middlebox in front of it; capture the handshake to see the offending message.",
            fixClient: "Nothing reliable; a different TLS version (--tls1_2) sometimes avoids the buggy path.",
            openssl: "SSL_R_UNEXPECTED_MESSAGE \"unexpected message\" (244)",
            alert: "unexpected_message (10), sent by the client",
            curl: "35 (CURLE_SSL_CONNECT_ERROR)",
            mbedtls: ["MBEDTLS_ERR_SSL_UNEXPECTED_MESSAGE -0x7700"],
            docs: "RFC 8446 §4, RFC 5246 §7.3"
        )
    }
}