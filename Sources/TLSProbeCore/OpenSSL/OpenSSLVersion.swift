internal import COpenSSL

public enum OpenSSLVersion {
    /// The libssl the process is running with, e.g. "OpenSSL 3.0.19 27 Jan 2026".
    public static var runtime: String { String(cString: OpenSSL_version(OPENSSL_VERSION)) }
    /// The headers tlsprobe was compiled against.
    public static let built = OPENSSL_VERSION_TEXT
    /// Where this OpenSSL looks for trust anchors by default (before SSL_CERT_FILE / SSL_CERT_DIR).
    public static var defaultCertificateDirectory: String { String(cString: X509_get_default_cert_dir()) }
    public static var defaultCertificateFile: String { String(cString: X509_get_default_cert_file()) }
}
