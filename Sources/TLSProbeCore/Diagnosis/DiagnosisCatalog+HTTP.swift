// http rows (TLS worked; the HTTP exchange over it did not) and the internal-error row.
extension DiagnosisCatalog {
    public struct HTTPRows: DiagnosisRowSet {
        static let shared = HTTPRows()

        // http — facts: {status} {status_line} {location} {max_age} {seconds} {bytes} {preview}
        // {after} (http.reset, http.closed: "our request", "the handshake (…)")
        /// The server asked for a client certificate, got none, finished the handshake and then
        /// refused the request (nginx: 400 "No required SSL certificate was sent"): {status_line} {ca_names}
        public let httpClientCertRequired = DiagnosisEntry(
            id: "http.client_cert_required", severity: .error, stage: .http, exitStatus: .httpFailed,
            title: "Client certificate required by the application",
            summaryTemplate: "The server asked for a client certificate during the handshake, none was sent, and it then answered \"{status_line}\" (acceptable CAs: {ca_names}).",
            facts: ["status_line", "ca_names"],
            explanation: "Some servers (nginx with ssl_verify_client on, for one) request a client certificate but let the handshake finish without one, then refuse every request with 400 or 403. The TLS layer looks healthy; the refusal is about the missing certificate.",
            fixServer: "If clients without certificates should be served, make client authentication optional for this location (nginx: ssl_verify_client optional) and check $ssl_client_verify in the application.",
            fixClient: "Send a certificate issued by one of the acceptable CAs: --cert client.pem --key client.key (curl: --cert/--key; ESP-IDF: esp_http_client_config_t.client_cert_pem and client_key_pem).",
            curl: "0 (22 with --fail): curl sees the same 400/403",
            mbedtls: ["none: esp_http_client returns ESP_OK with status 400/403 when no client certificate is configured"],
            docs: "RFC 8446 §4.3.2; nginx ssl_verify_client"
        )

        public let httpStatus5xx = DiagnosisEntry(
            id: "http.status_5xx", severity: .error, stage: .http, exitStatus: .httpFailed,
            title: "Server error response",
            summaryTemplate: "TLS is fine, but the server answered \"{status_line}\".",
            facts: ["status_line"],
            explanation: "The handshake succeeded; the application behind it failed (500), or a proxy could not reach it (502/504), or it is overloaded (503).",
            fixServer: "Check the application and reverse-proxy logs for this request.",
            curl: "0 (22 with --fail)",
            mbedtls: ["none: esp_http_client returns ESP_OK with status code 5xx"],
            docs: "RFC 9110 §15.6"
        )

        /// --expect-status: {expected}
        public let httpUnexpectedStatus = DiagnosisEntry(
            id: "http.unexpected_status", severity: .error, stage: .http, exitStatus: .httpFailed,
            title: "Unexpected HTTP status",
            summaryTemplate: "Expected status {expected}, got \"{status_line}\".",
            facts: ["expected", "status_line"],
            explanation: "--expect-status asked for a specific status and the server answered with another.",
            fixServer: "Check the URL and the application's routing.",
            fixClient: "Check that the path in the URL and --expect-status are what you mean.",
            curl: "0 (22 with --fail for 4xx/5xx)",
            docs: "RFC 9110 §15"
        )

        public let httpTimeout = DiagnosisEntry(
            id: "http.timeout", severity: .error, stage: .http, exitStatus: .httpFailed,
            title: "No HTTP response in time",
            summaryTemplate: "The request was sent but no complete response head arrived within {seconds} s ({bytes} bytes received).",
            facts: ["seconds", "bytes"],
            explanation: "TLS worked; the application is slow or stuck, or a proxy holds the request.",
            fixServer: "Check the application's response time and upstream timeouts.",
            fixClient: "Raise --timeout if slow responses are expected (esp_http_client: timeout_ms, 5000 by default).",
            curl: "28 (CURLE_OPERATION_TIMEDOUT)",
            mbedtls: ["ESP_ERR_HTTP_READ_TIMEOUT 0x700B", "MBEDTLS_ERR_SSL_TIMEOUT -0x6800"],
            docs: "RFC 9110 §9"
        )

        /// closed without any response
        public let httpClosed = DiagnosisEntry(
            id: "http.closed", severity: .error, stage: .http, exitStatus: .httpFailed,
            title: "Connection closed without a response",
            summaryTemplate: "The server closed the connection after the request without sending any response.",
            facts: [],
            explanation: "The TLS session ended before any HTTP bytes came back: the application crashed, rejected the request silently, or expects another protocol (e.g. HTTP/2 only, or MQTT on this port).",
            fixServer: "Check the application logs; return an error status instead of closing.",
            fixClient: "Check the path, Host header and protocol.",
            curl: "52 (CURLE_GOT_NOTHING)",
            mbedtls: ["MBEDTLS_ERR_SSL_PEER_CLOSE_NOTIFY -0x7880 or MBEDTLS_ERR_SSL_CONN_EOF -0x7280 on the first read", "esp-tls: ESP_ERR_ESP_TLS_TCP_CLOSED_FIN 0x8008, or ESP_ERR_MBEDTLS_SSL_READ_FAILED 0x801D"],
            docs: "RFC 9112 §9.6"
        )

        public let httpNotHTTP = DiagnosisEntry(
            id: "http.not_http", severity: .error, stage: .http, exitStatus: .httpFailed,
            title: "Response is not HTTP",
            summaryTemplate: "The server answered inside TLS with something that is not HTTP: \"{preview}\".",
            facts: ["preview"],
            explanation: "TLS terminates into a service that speaks another protocol (MQTT, a database, a custom protocol).",
            fixServer: "Nothing, if this port is not meant for HTTP.",
            fixClient: "Probe with --no-http to check only TLS, or use the service's own protocol.",
            curl: "1 (CURLE_UNSUPPORTED_PROTOCOL) or 8 (CURLE_WEIRD_SERVER_REPLY)",
            docs: "RFC 9112 §4"
        )

        public let httpReset = DiagnosisEntry(
            id: "http.reset", severity: .error, stage: .http, exitStatus: .httpFailed,
            title: "Connection reset during HTTP",
            summaryTemplate: "The connection was reset after {after}, before any response arrived.",
            facts: ["after"],
            explanation: "Something aborted the connection (TCP RST) after TLS was established: an application crash, a WAF rejecting the request, or an idle timeout on a proxy.",
            fixServer: "Check WAF and proxy logs for this request.",
            curl: "56 (CURLE_RECV_ERROR)",
            mbedtls: ["MBEDTLS_ERR_NET_CONN_RESET -0x0050", "esp-tls: ESP_ERR_MBEDTLS_SSL_WRITE_FAILED 0x8018 or ESP_ERR_MBEDTLS_SSL_READ_FAILED 0x801D around it"],
            docs: "RFC 9293 §3.5.2"
        )

        public let httpStatus4xx = DiagnosisEntry(
            id: "http.status_4xx", severity: .warning, stage: .http, exitStatus: .success,
            title: "Client error response",
            summaryTemplate: "TLS is fine; the server answered \"{status_line}\".",
            facts: ["status_line"],
            explanation: "The server refused this particular request (404 wrong path, 401/403 missing credentials, 421 wrong host for this connection). The TLS side works.",
            fixServer: "Nothing, unless the URL should exist.",
            fixClient: "Check the path and credentials.",
            curl: "0 (22 with --fail)",
            docs: "RFC 9110 §15.5"
        )

        public let httpRedirect = DiagnosisEntry(
            id: "http.redirect", severity: .info, stage: .http, exitStatus: .success,
            title: "Redirect",
            summaryTemplate: "The server redirects ({status}) to {location}.",
            facts: ["status", "location"],
            explanation: "The URL answers with a redirect. Devices using esp_http_client follow redirects only up to max_redirection_count.",
            fixServer: "Nothing needed; embedded clients do better with the final URL.",
            fixClient: "Use the final URL directly on devices.",
            curl: "0 without -L; with -L curl follows it, and a redirect loop ends in 47 (CURLE_TOO_MANY_REDIRECTS)",
            docs: "RFC 9110 §15.4"
        )

        public let httpRedirectDowngrade = DiagnosisEntry(
            id: "http.redirect_downgrade", severity: .warning, stage: .http, exitStatus: .success,
            title: "Redirect to plain HTTP",
            summaryTemplate: "The HTTPS URL redirects to an insecure URL: {location}.",
            facts: ["location"],
            explanation: "Following this redirect leaves TLS; anyone on the path can read and change the next request.",
            fixServer: "Redirect to an https:// URL.",
            docs: "RFC 9110 §15.4"
        )

        public let httpNoHSTS = DiagnosisEntry(
            id: "http.no_hsts", severity: .warning, stage: .http, exitStatus: .success,
            title: "No HSTS header",
            summaryTemplate: "The response has no Strict-Transport-Security header.",
            facts: [],
            explanation: "Without HSTS, browsers may try plain HTTP first and can be downgraded. It matters for browsers, not for devices.",
            fixServer: "Add Strict-Transport-Security: max-age=31536000 (add includeSubDomains once every subdomain has HTTPS).",
            docs: "RFC 6797 §6.1"
        )

        public let httpHSTSShort = DiagnosisEntry(
            id: "http.hsts_short", severity: .info, stage: .http, exitStatus: .success,
            title: "Short HSTS max-age",
            summaryTemplate: "HSTS max-age is only {max_age} seconds.",
            facts: ["max_age"],
            explanation: "A short max-age gives little protection between visits; a year is the usual value.",
            fixServer: "Raise max-age to 31536000 once HTTPS is stable.",
            docs: "RFC 6797 §6.1.1"
        )

        public let httpHSTSNoMaxAge = DiagnosisEntry(
            id: "http.hsts_no_max_age", severity: .warning, stage: .http, exitStatus: .success,
            title: "HSTS header without a valid max-age",
            summaryTemplate: "The Strict-Transport-Security header \"{header}\" has no valid max-age, so browsers ignore it.",
            facts: ["header"],
            explanation: "RFC 6797 makes max-age (a number of seconds) required: a browser ignores a Strict-Transport-Security header without a valid one, so the site has no HSTS at all. It matters for browsers, not for devices.",
            fixServer: "Send Strict-Transport-Security: max-age=31536000 (add includeSubDomains once every subdomain has HTTPS).",
            docs: "RFC 6797 §6.1.1"
        )

        public let httpHeadersTooLarge = DiagnosisEntry(
            id: "http.headers_too_large", severity: .warning, stage: .http, exitStatus: .success,
            title: "Response headers too large for small clients",
            summaryTemplate: "The response headers are {bytes} bytes; small HTTP clients accept about {limit}.",
            facts: ["bytes", "limit"],
            explanation: "Embedded HTTP clients read headers into a fixed buffer (esp_http_client: buffer_size, 512 bytes by default); long cookies or CSP headers overflow it.",
            fixServer: "Trim headers for device endpoints.",
            fixClient: "Raise buffer_size in esp_http_client_config_t.",
            docs: "RFC 9110 §5"
        )

        public let internalError = DiagnosisEntry(
            id: "internal.error", severity: .error, stage: .finished, exitStatus: .internalError,
            title: "Internal error in tlsprobe",
            summaryTemplate: "tlsprobe hit an internal error: {detail}.",
            facts: ["detail"],
            explanation: "This is a bug in tlsprobe, not a problem with the server.",
            fixServer: "Nothing.",
            fixClient: "Please report it with the command line and the output of --verbose."
        )

        /// info: the server asked for an optional client certificate and none was sent: {ca_names}
        public let handshakeClientCertRequested = DiagnosisEntry(
            id: "handshake.client_cert_requested", severity: .info, stage: .finished, exitStatus: .success,
            title: "Client certificate requested",
            summaryTemplate: "The server asked for a client certificate (acceptable CAs: {ca_names}); none was sent and it completed the handshake anyway.",
            facts: ["ca_names"],
            explanation: "A CertificateRequest with an optional verification: the server may treat clients differently with and without a certificate.",
            fixServer: "Nothing, if optional client authentication is intended.",
            fixClient: "Pass --cert/--key to probe as an authenticated client.",
            docs: "RFC 8446 §4.3.2, RFC 5246 §7.4.4"
        )
    }
}