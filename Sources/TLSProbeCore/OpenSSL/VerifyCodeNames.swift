/// X509_V_ERR_* numbers to their constant names (OpenSSL has only the message text at run time).
/// The table itself is the one `explain` uses, so the probe and `explain verify:N` agree.
enum VerifyCodeNames {
    static func name(for code: Int32) -> String {
        code == 0 ? "X509_V_OK" : (OpenSSLVerifyCodes.names[Int(code)] ?? "X509_V_ERR_\(code)")
    }
}
