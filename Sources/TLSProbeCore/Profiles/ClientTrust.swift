/// Where an embedded client's trust comes from, which decides the certificate-bundle checks.
public enum ClientTrust: String, Sendable, CaseIterable {
    /// The built-in root bundle (`esp_crt_bundle_attach`).
    case bundle
    /// A CA compiled into the firmware (`cert_pem` / `cacert_buf`): the file given with --cacert.
    case cacert
    /// No verification: Arduino's `setInsecure()` (MBEDTLS_SSL_VERIFY_NONE), esp-tls with
    /// CONFIG_ESP_TLS_SKIP_SERVER_CERT_VERIFY. The device connects whatever the chain says.
    case insecure

    /// Without `--client-trust`: a user who names a CA file is pinning it on the device;
    /// otherwise the device uses its bundle.
    public static func implied(by options: ProbeOptions) -> ClientTrust {
        if let explicit = options.clientTrust { return explicit }
        return options.trust == .system ? .bundle : .cacert
    }
}
