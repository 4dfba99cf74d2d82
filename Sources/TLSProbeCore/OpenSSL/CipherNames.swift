internal import COpenSSL

/// IANA ↔ OpenSSL cipher suite names, from OpenSSL's own table (no hand-kept mapping).
public enum CipherNames {
    /// The OpenSSL name for an IANA suite name, or nil when this OpenSSL cannot offer it.
    public static func openSSLName(forIANA name: String) -> String? {
        guard let pointer = OPENSSL_cipher_name(name) else { return nil }
        let text = String(cString: pointer)
        return text == "(NONE)" ? nil : text
    }
}
