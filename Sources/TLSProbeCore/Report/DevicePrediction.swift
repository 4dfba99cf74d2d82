/// What the `--client` device itself would get from this server: the outcome of
/// `mbedtls_ssl_handshake`, its return code and verify flags, and the lines the device logs.
/// Present for Mbed TLS profiles (`--client esp-idf…`, `arduino-esp32…`), absent otherwise.
public struct DevicePrediction: Codable, Sendable, Equatable {
    public enum Outcome: String, Codable, Sendable {
        /// The handshake completes.
        case connected
        /// `mbedtls_ssl_handshake` returns `returnCode`.
        case failed
        /// esp-tls's own TCP connect fails (no Mbed TLS code).
        case tcpFailed = "tcp_failed"
        /// The server never answers: esp-tls gives up after its timeout (ESP_ERR_ESP_TLS_CONNECTION_TIMEOUT).
        case timeout
    }

    /// Profile name, e.g. "esp-idf@4.4".
    public var client: String
    /// The chip the RSA limits came from, e.g. "esp32".
    public var chip: String
    public var mbedTLSVersion: String
    public var outcome: Outcome
    /// `mbedtls_ssl_handshake`'s return value as the device prints it ("-0x2700"); nil unless failed.
    public var returnCode: String?
    /// Another code the same server may give the device, when the result depends on timing
    /// (e.g. the server's alert racing the device's next write).
    public var alternativeCodes: [String] = []
    /// What Mbed TLS knows (`mbedtls_ssl_get_verify_result`), "0x00000008".
    public var verifyFlags: String
    /// What esp-tls stores in its error handle (`esp_tls_flags`) and logs: may be 0 where Mbed TLS knows more.
    public var loggedFlags: String
    /// Why, in one sentence.
    public var reason: String
    /// The lines the device prints, per framework (esp-tls, esp_http_client, esp-mqtt).
    public var logLines: [String]
    /// Set when the logged flags hide what Mbed TLS knows: how the application can read them.
    public var flagsHint: String?

    enum CodingKeys: String, CodingKey {
        case client, chip, outcome, reason
        case mbedTLSVersion = "mbedtls_version"
        case returnCode = "return_code"
        case alternativeCodes = "alternative_codes"
        case verifyFlags = "verify_flags"
        case loggedFlags = "logged_flags"
        case logLines = "log_lines"
        case flagsHint = "flags_hint"
    }
}
