/// How to run a foreign server: its identity and what to restrict. Cipher and version settings
/// are in the stack's own syntax (a GnuTLS priority string, Botan policy lines, an OpenSSL or
/// lighttpd cipher list, Go suite names), because a test is about that stack's behaviour.
public struct ForeignServerSpec: Sendable {
    /// Leaf first; the leaf's key is the server key.
    public var chain: [LabCertificate]
    /// Require a client certificate issued by this CA.
    public var requireClientCertificateFrom: LabCertificate?
    /// With `requireClientCertificateFrom`: the TLS stack only requests the certificate, and the
    /// server's application closes the connection, without a response, when none came (the Go
    /// and Java servers; other stacks refuse the spec).
    public var closeWithoutClientCertificate: ConnectionClose?
    /// GnuTLS --priority, lighttpd ssl.cipher-list, s_server -cipher, Go -ciphers, JSSE suite names (comma-separated).
    public var ciphers: String?
    /// Botan policy lines ("ciphers = Camellia-128/GCM"), added to its default text policy.
    public var botanPolicy: [String] = []
    /// More command-line arguments (s_server, gnutls-serv, the Go and Java servers; for Java, `-D…`
    /// system properties go to the JVM) or lighttpd config lines.
    public var extra: [String] = []
    public var host = "127.0.0.1"

    /// How a server's application ends a connection it will not serve.
    public enum ConnectionClose: String, Sendable {
        /// close_notify, then FIN.
        case closeNotify = "notify"
        /// FIN with no close_notify.
        case fin
    }

    public init(chain: [LabCertificate]) {
        self.chain = chain
    }
}
