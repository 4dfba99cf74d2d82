/// The lab root as a C header, for firmware that embeds its trust anchors (ESP-IDF's
/// `esp_tls_cfg_t.cacert_buf`, `mbedtls_x509_crt_parse`). mbedTLS parses PEM only when the
/// terminating NUL is counted, so the length constant includes it.
public enum LabRootHeader {
    public static func render(rootPEM: String) -> String {
        let lines = rootPEM.split(separator: "\n", omittingEmptySubsequences: true)
            .map { "    \"\($0)\\n\"" }
            .joined(separator: "\n")
        return """
            /* tlsprobe lab root CA, written by `tlsprobe lab serve`. Trust it only on test devices:
             * the lab serves deliberately broken TLS. Regenerated when the root nears expiry. */
            #ifndef TLSPROBE_LAB_ROOT_H
            #define TLSPROBE_LAB_ROOT_H

            static const char tlsprobe_lab_root_pem[] =
            \(lines);

            /* Bytes including the terminating NUL, as mbedtls_x509_crt_parse() wants for PEM. */
            #define TLSPROBE_LAB_ROOT_PEM_LEN (sizeof(tlsprobe_lab_root_pem))

            #endif

            """
    }
}
