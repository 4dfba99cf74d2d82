extension ClientProfile {
    /// Arduino-ESP32 3.x `NetworkClientSecure` (WiFiClientSecure): ESP-IDF 5.5's Mbed TLS 3.6
    /// under Arduino's own sdkconfig, driven by ssl_client.cpp instead of esp-tls.
    public static let arduinoESP32: ClientProfile = {
        var profile = ClientProfile.espIDF
        profile.name = "arduino-esp32@3"
        profile.summary = "Arduino-ESP32 3.x NetworkClientSecure: Mbed TLS 3.6, Camellia and PSK suites too; trusts only what the sketch sets (setCACert, setCACertBundle, setInsecure)"
        profile.basis = "arduino-esp32 3.3 (ESP-IDF v5.5, Mbed TLS 3.6.x), esp32-arduino-lib-builder idf-release_v5.5 defconfig"
        // The lib-builder turns Camellia on (CONFIG_MBEDTLS_CAMELLIA_C=y); the PSK suites are
        // offered only with setPreSharedKey, so they are left out here.
        profile.tls12CipherSuites += [
            "TLS_ECDHE_ECDSA_WITH_CAMELLIA_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_CAMELLIA_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_CAMELLIA_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_CAMELLIA_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_CAMELLIA_256_CBC_SHA384", "TLS_ECDHE_RSA_WITH_CAMELLIA_256_CBC_SHA384",
            "TLS_ECDHE_ECDSA_WITH_CAMELLIA_128_CBC_SHA256", "TLS_ECDHE_RSA_WITH_CAMELLIA_128_CBC_SHA256",
        ]
        profile.framework = .arduino
        profile.sources = [
            ProfileSource("setInsecure(): MBEDTLS_SSL_VERIFY_NONE; setCACert(): VERIFY_REQUIRED with that CA; setCACertBundle()/bundle: the bundle callback; PSK; with none of them start_ssl_client returns -1 before any handshake",
                          "espressif/arduino-esp32 master libraries/NetworkClientSecure/src/ssl_client.cpp start_ssl_client"),
            ProfileSource("the host (or the IP as text) is always set as SNI and verify name", "espressif/arduino-esp32 master libraries/NetworkClientSecure/src/ssl_client.cpp (mbedtls_ssl_set_hostname)"),
            ProfileSource("errors are logged as \"[start_ssl_client():LINE]: (-9984) <mbedtls_strerror text>\"; verify flags only after a completed handshake",
                          "espressif/arduino-esp32 master libraries/NetworkClientSecure/src/ssl_client.cpp handle_error, ssl_starttls_handshake"),
            ProfileSource("Camellia and PSK key exchanges on, TLS 1.3 off, 16 KB in and out buffers", "espressif/esp32-arduino-lib-builder idf-release_v5.5 configs/defconfig.common"),
            ProfileSource("socket timeout 30 s, handshake timeout 120 s", "espressif/arduino-esp32 master libraries/NetworkClientSecure/src/ssl_client.cpp, NetworkClientSecure.cpp"),
        ] + ClientProfile.espIDF5Sources.filter { $0.source.hasPrefix("Mbed-TLS") }
        return profile
    }()
}

/// Who drives Mbed TLS on the device, which decides the log lines.
public enum DeviceFramework: String, Sendable {
    /// ESP-IDF's esp-tls (esp_http_client, esp-mqtt, tcp_transport on top).
    case espTLS = "esp-tls"
    /// Arduino-ESP32's ssl_client.cpp (NetworkClientSecure).
    case arduino
}
