/// The application protocols tlsprobe speaks around TLS: how a target's scheme maps to a default
/// port, whether TLS starts at once (implicit TLS) or after an upgrade in plaintext (STARTTLS),
/// and which exchange runs once the handshake is done. One table for the parser, the pipeline,
/// `--starttls`, the help text and the docs.
public enum AppProtocol: String, Sendable, CaseIterable {
    case https
    case mqtts
    case wss
    case smtp
    case smtps
    case imap
    case imaps
    case pop3
    case pop3s
    case ftp
    case ftps
    case xmpp
    case ldap
    case ldaps
    case postgres

    /// How TLS begins on a connection of this protocol.
    public enum Upgrade: String, Sendable {
        /// TLS from the first byte.
        case implicit
        /// A plaintext dialogue (the `starttls` stage), then TLS.
        case startTLS
    }

    /// The exchange that runs after Finished: what shows that the service behind TLS answers.
    public enum Application: String, Sendable {
        case http, mqtt, webSocket, smtp, imap, pop3, ftp, xmpp, ldap, postgres
    }

    public var scheme: String { rawValue }

    /// Ports the protocol is registered on; the first is the default.
    public var ports: [Int] {
        switch self {
        case .https: [443]
        case .mqtts: [8883]
        case .wss: [443]
        case .smtp: [25, 587]
        case .smtps: [465]
        case .imap: [143]
        case .imaps: [993]
        case .pop3: [110]
        case .pop3s: [995]
        case .ftp: [21]
        case .ftps: [990]
        case .xmpp: [5222]
        case .ldap: [389]
        case .ldaps: [636]
        case .postgres: [5432]
        }
    }

    public var defaultPort: Int { ports[0] }

    public var upgrade: Upgrade {
        switch self {
        case .smtp, .imap, .pop3, .ftp, .xmpp, .ldap, .postgres: .startTLS
        case .https, .mqtts, .wss, .smtps, .imaps, .pop3s, .ftps, .ldaps: .implicit
        }
    }

    public var application: Application {
        switch self {
        case .https: .http
        case .mqtts: .mqtt
        case .wss: .webSocket
        case .smtp, .smtps: .smtp
        case .imap, .imaps: .imap
        case .pop3, .pop3s: .pop3
        case .ftp, .ftps: .ftp
        case .xmpp: .xmpp
        case .ldap, .ldaps: .ldap
        case .postgres: .postgres
        }
    }

    /// What users read: "SMTP", "MQTT", "PostgreSQL".
    public var label: String {
        switch application {
        case .http: "HTTP"
        case .mqtt: "MQTT"
        case .webSocket: "WebSocket"
        case .smtp: "SMTP"
        case .imap: "IMAP"
        case .pop3: "POP3"
        case .ftp: "FTP"
        case .xmpp: "XMPP"
        case .ldap: "LDAP"
        case .postgres: "PostgreSQL"
        }
    }

    /// ALPN offered when the user names none. HTTP-family protocols keep http/1.1; the others
    /// send none, as their usual clients (libpq before 17, esp-mqtt, mail clients) do.
    public var defaultALPN: [String] {
        switch self {
        case .https, .wss: ["http/1.1"]
        default: []
        }
    }

    /// The scheme names `--starttls` takes: the STARTTLS protocols ("postgresql" also works).
    public static let startTLSNames: [String] = allCases.filter { $0.upgrade == .startTLS }.map(\.rawValue)

    /// `--starttls PROTO`: smtp, imap, pop3, ftp, xmpp, ldap, postgres (and common aliases).
    public static func startTLS(named name: String) -> AppProtocol? {
        switch name.lowercased() {
        case "smtp", "submission": .smtp
        case "imap": .imap
        case "pop3", "pop": .pop3
        case "ftp": .ftp
        case "xmpp", "xmpp-client": .xmpp
        case "ldap": .ldap
        case "postgres", "postgresql", "psql": .postgres
        default: nil
        }
    }

    /// The scheme of a target URL; "postgresql" and "mqtts"'s "ssl"/"mqtt+ssl" spellings as the
    /// clients that use them write them.
    public static func scheme(_ text: String) -> AppProtocol? {
        switch text.lowercased() {
        case "postgresql": .postgres
        case "ssl", "mqtt+ssl": .mqtts
        case let name: AppProtocol(rawValue: name)
        }
    }

    /// One line per scheme for `--help`, the man page and the docs.
    public var helpLine: String {
        let how = upgrade == .implicit ? "TLS at once" : "\(startTLSCommand) in plaintext, then TLS"
        let portList = ports.map(String.init).joined(separator: "/")
        return "\(scheme):// (port \(portList)): \(how), then \(applicationSummary)"
    }

    /// The upgrade request, as the docs name it.
    public var startTLSCommand: String {
        switch self {
        case .smtp: "EHLO + STARTTLS"
        case .imap: "CAPABILITY + STARTTLS"
        case .pop3: "CAPA + STLS"
        case .ftp: "FEAT + AUTH TLS"
        case .xmpp: "stream features + <starttls/>"
        case .ldap: "StartTLS extended operation"
        case .postgres: "SSLRequest"
        default: "none"
        }
    }

    var applicationSummary: String {
        switch application {
        case .http: "GET and the response head"
        case .mqtt: "MQTT CONNECT and its CONNACK"
        case .webSocket: "the WebSocket upgrade and its 101"
        case .smtp: "EHLO over TLS"
        case .imap: "CAPABILITY over TLS"
        case .pop3: "CAPA over TLS"
        case .ftp: "FEAT over TLS"
        case .xmpp: "a new stream and its features over TLS"
        case .ldap: "the WhoAmI extended operation over TLS"
        case .postgres: "a StartupMessage and the server's authentication request"
        }
    }
}
