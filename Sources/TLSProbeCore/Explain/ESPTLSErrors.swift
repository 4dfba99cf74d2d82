/// ESP-IDF `esp-tls` (`ESP_ERR_ESP_TLS_*`, `ESP_ERR_MBEDTLS_*`, base 0x8000) and `esp_http_client`
/// error codes, identical in v5.5 and v6.0. These wrap the mbedTLS code, which the log line shows.
public enum ESPTLSErrors {
    public struct Code: Sendable {
        public let value: Int
        public let name: String
        public let meaning: String
        public let fix: String?
        /// The diagnoses whose catalogue row names this code.
        public var diagnoses: [String] { CatalogCrossReferences.diagnoses(naming: name) }

        public var hex: String { "0x" + String(value, radix: 16, uppercase: true) }
    }

    public static let codes: [Code] = [
        Code(value: 0x8001, name: "ESP_ERR_ESP_TLS_CANNOT_RESOLVE_HOSTNAME", meaning: "DNS lookup failed (log: \"getaddrinfo() returns 202\").",
             fix: "Wait for an IP and DNS server before connecting; check the host name."),
        Code(value: 0x8002, name: "ESP_ERR_ESP_TLS_CANNOT_CREATE_SOCKET", meaning: "socket() failed: socket limit or memory.",
             fix: "Close unused sockets; raise CONFIG_LWIP_MAX_SOCKETS."),
        Code(value: 0x8003, name: "ESP_ERR_ESP_TLS_UNSUPPORTED_PROTOCOL_FAMILY", meaning: "Address family not supported (e.g. IPv6 without IPv6 enabled).",
             fix: "Enable IPv6 in LWIP or use an IPv4 address."),
        Code(value: 0x8004, name: "ESP_ERR_ESP_TLS_FAILED_CONNECT_TO_HOST", meaning: "TCP connect failed; the errno in the log says why (111 refused, 118 host unreachable, 114 network unreachable — newlib numbers).",
             fix: "Check host, port, firewall and routing."),
        Code(value: 0x8005, name: "ESP_ERR_ESP_TLS_SOCKET_SETOPT_FAILED", meaning: "Setting a socket option failed.", fix: "Check the keep-alive and interface options in esp_tls_cfg_t."),
        Code(value: 0x8006, name: "ESP_ERR_ESP_TLS_CONNECTION_TIMEOUT", meaning: "Connect or handshake did not finish within timeout_ms (log: \"select() timeout\").",
             fix: "Raise timeout_ms (esp_http_client defaults to 5000 ms); check that the server answers."),
        Code(value: 0x8007, name: "ESP_ERR_ESP_TLS_SE_FAILED", meaning: "Secure element (ATECC608A) operation failed.", fix: "Check the secure element wiring and provisioning."),
        Code(value: 0x8008, name: "ESP_ERR_ESP_TLS_TCP_CLOSED_FIN", meaning: "The peer closed the TCP connection.", fix: "Reconnect; check server keep-alive settings."),
        Code(value: 0x8009, name: "ESP_ERR_ESP_TLS_SERVER_HANDSHAKE_TIMEOUT", meaning: "ESP32 as server: a client did not finish the handshake in time.", fix: nil),
        Code(value: 0x8010, name: "ESP_ERR_MBEDTLS_CERT_PARTLY_OK", meaning: "Only some certificates in the given PEM parsed.", fix: "Clean up the CA file."),
        Code(value: 0x8011, name: "ESP_ERR_MBEDTLS_CTR_DRBG_SEED_FAILED", meaning: "Seeding the random generator failed.", fix: nil),
        Code(value: 0x8012, name: "ESP_ERR_MBEDTLS_SSL_SET_HOSTNAME_FAILED", meaning: "Setting the SNI / verification host name failed.", fix: "Check the host name length."),
        Code(value: 0x8013, name: "ESP_ERR_MBEDTLS_SSL_CONFIG_DEFAULTS_FAILED", meaning: "Applying mbedTLS defaults failed.", fix: "Check free heap."),
        Code(value: 0x8014, name: "ESP_ERR_MBEDTLS_SSL_CONF_ALPN_PROTOCOLS_FAILED", meaning: "Setting ALPN failed.", fix: "Check alpn_protos."),
        Code(value: 0x8015, name: "ESP_ERR_MBEDTLS_X509_CRT_PARSE_FAILED", meaning: "Parsing the CA or client certificate failed (often -0x2180 underneath).",
             fix: "Pass PEM including its NUL terminator (length strlen+1); use EMBED_TXTFILES."),
        Code(value: 0x8016, name: "ESP_ERR_MBEDTLS_SSL_CONF_OWN_CERT_FAILED", meaning: "Setting the client certificate and key failed.", fix: "Check that the client certificate matches its key."),
        Code(value: 0x8017, name: "ESP_ERR_MBEDTLS_SSL_SETUP_FAILED", meaning: "SSL setup failed — also what you get when no server verification option (CA, bundle, PSK) is set.",
             fix: "Set cert_pem or attach esp_crt_bundle_attach; check free heap."),
        Code(value: 0x8018, name: "ESP_ERR_MBEDTLS_SSL_WRITE_FAILED", meaning: "mbedtls_ssl_write failed; see the mbedTLS code.", fix: nil),
        Code(value: 0x8019, name: "ESP_ERR_MBEDTLS_PK_PARSE_KEY_FAILED", meaning: "Parsing the client private key failed.", fix: "Check key format, password and NUL terminator."),
        Code(value: 0x801A, name: "ESP_ERR_MBEDTLS_SSL_HANDSHAKE_FAILED", meaning: "The handshake failed; the mbedTLS code is in the log (\"mbedtls_ssl_handshake returned -0x…\") and in esp_tls_error_code, the verify flags in esp_tls_flags.",
             fix: "Explain the logged mbedTLS code: `tlsprobe explain -0x…`."),
        Code(value: 0x801B, name: "ESP_ERR_MBEDTLS_SSL_CONF_PSK_FAILED", meaning: "PSK configuration failed.", fix: nil),
        Code(value: 0x801C, name: "ESP_ERR_MBEDTLS_SSL_TICKET_SETUP_FAILED", meaning: "Server session-ticket setup failed.", fix: nil),
        Code(value: 0x801D, name: "ESP_ERR_MBEDTLS_SSL_READ_FAILED", meaning: "mbedtls_ssl_read failed; see the mbedTLS code.", fix: nil),
        Code(value: 0x7002, name: "ESP_ERR_HTTP_CONNECT", meaning: "esp_http_client could not open the connection (\"Connection failed, sock < 0\"); the cause is in the esp-tls lines before it.",
             fix: "Read the esp-tls / mbedTLS log lines just above."),
        Code(value: 0x700B, name: "ESP_ERR_HTTP_READ_TIMEOUT", meaning: "Reading the HTTP response timed out (timeout_ms, 5000 by default).",
             fix: "Raise timeout_ms; check the server's response time."),
    ]

    public static func code(_ value: Int) -> Code? { codes.first { $0.value == value } }
    public static func code(named name: String) -> Code? {
        let upper = name.uppercased()
        return codes.first { $0.name == upper }
    }
}
