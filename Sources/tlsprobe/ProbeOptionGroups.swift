import ArgumentParser
import TLSProbeCore
import TLSProbeRendering

// Numeric options parse `.unconditional`ly: the next word is their value even when it starts with
// a dash, so `--timeout -1` reaches validate() and gets the range message instead of
// "Missing value for '--timeout <seconds>'".
struct ConnectionOptions: ParsableArguments {
    @Option(name: .customLong("connect-to"), help: ArgumentHelp("Connect to this host or IP instead, keeping the target's name for SNI, verification and Host.", valueName: "host-or-ip"))
    var connectTo: String?

    @Flag(name: .customShort("4"), help: "Use IPv4 addresses only.")
    var ipv4 = false

    @Flag(name: .customShort("6"), help: "Use IPv6 addresses only.")
    var ipv6 = false

    @Option(parsing: .unconditional, help: ArgumentHelp("Deadline for the whole probe, in seconds.", valueName: "seconds"))
    var timeout: Double = Self.defaultTimeout

    @Option(name: .customLong("connect-timeout"), parsing: .unconditional, help: ArgumentHelp("Deadline for each TCP connect, in seconds.", valueName: "seconds"))
    var connectTimeout: Double = Self.defaultConnectTimeout

    static let defaultTimeout: Double = 10
    static let defaultConnectTimeout: Double = 5
}

struct TLSOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Send this name as SNI (default: the target's host name).", valueName: "name"))
    var sni: String?

    @Flag(name: .customLong("no-sni"), help: "Send no SNI at all.")
    var noSNI = false

    @Option(name: .customLong("tls-min"), help: ArgumentHelp("Lowest TLS version to offer.", valueName: "version"), completion: .list(TLSVersion.allCases.map(\.rawValue)))
    var tlsMin: TLSVersion?

    @Option(name: .customLong("tls-max"), help: ArgumentHelp("Highest TLS version to offer.", valueName: "version"), completion: .list(TLSVersion.allCases.map(\.rawValue)))
    var tlsMax: TLSVersion?

    @Option(help: ArgumentHelp("TLS 1.2-and-older cipher list (OpenSSL syntax).", valueName: "list"))
    var ciphers: String?

    @Option(help: ArgumentHelp("TLS 1.3 cipher suites (OpenSSL syntax).", valueName: "list"))
    var ciphersuites: String?

    @Option(help: ArgumentHelp("Key-exchange groups to offer, e.g. x25519:P-256.", valueName: "list"))
    var groups: String?

    @Option(help: ArgumentHelp("ALPN protocols to offer, comma-separated (default: http/1.1, or what --client sends).", valueName: "list"))
    var alpn: String?

    @Option(name: .customLong("expect-alpn"), help: ArgumentHelp("Fail (exit 21) unless the server selects this ALPN protocol ('none': no protocol).", valueName: "proto"))
    var expectALPN: String?

    @Option(name: .customLong("expect-tls-min"), help: ArgumentHelp("Fail (exit 21) when the negotiated TLS version is below this.", valueName: "version"), completion: .list(TLSVersion.allCases.map(\.rawValue)))
    var expectTLSMin: TLSVersion?

    @Option(help: ArgumentHelp("Client certificate (PEM, may include the chain).", valueName: "file"), completion: .file())
    var cert: String?

    @Option(help: ArgumentHelp("Private key for --cert (PEM, unencrypted).", valueName: "file"), completion: .file())
    var key: String?
}

struct VerificationOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Trust anchors from this PEM file instead of the system store.", valueName: "file"), completion: .file())
    var cacert: String?

    @Option(help: ArgumentHelp("Trust anchors from this hashed directory (c_rehash layout).", valueName: "dir"), completion: .directory)
    var capath: String?

    @Flag(name: [.customShort("k"), .long], help: "Go on to HTTP after certificate errors (they stay errors).")
    var insecure = false

    @Option(name: .customLong("warn-days"), parsing: .unconditional, help: ArgumentHelp("Warn when a certificate expires within this many days.", valueName: "days"))
    var warnDays: Int = Self.defaultWarnDays
    static let defaultWarnDays = 14

    @Option(name: .customLong("fail-days"), parsing: .unconditional, help: ArgumentHelp("Fail (exit 32) when a certificate expires within this many days.", valueName: "days"))
    var failDays: Int?

    @Option(help: ArgumentHelp(
        "Ask the CA whether each chain certificate is revoked: its OCSP responder (AIA), its CRL, or both; off by default, because this sends each certificate's serial number to its CA over plain HTTP.",
        valueName: "ocsp|crl|both"), completion: .list(RevocationMode.allCases.map(\.rawValue)))
    var revocation: RevocationMode?
    @Flag(name: .customLong("no-fetch"), help: "Do not download a missing intermediate from its CA Issuers URL (AIA); by default tlsprobe does, to show what browsers see, while the verdict stays the chain as sent.")
    var noFetch = false
    @Flag(name: .customLong("trust-stores"), help: "Say which trust stores accept the chain and by which path: system, --cacert, ESP-IDF full and common bundles, Python certifi, Java cacerts.")
    var trustStores = false

    @Option(help: ArgumentHelp("Verify the chain as of this RFC 3339 time (e.g. 2027-01-31T12:00:00Z) instead of now.", valueName: "time"))
    var at: String?
}

extension RevocationMode: ExpressibleByArgument {}

struct HTTPOptions: ParsableArguments {
    @Flag(name: .customLong("no-http"), help: "Stop after the handshake; send no HTTP request (same as --no-app).")
    var noHTTP = false

    @Flag(name: .customLong("no-app"), help: "Stop after the handshake: no HTTP request, MQTT CONNECT, WebSocket upgrade or other exchange in the target's protocol.")
    var noApp = false

    @Option(name: .customLong("expect-status"), help: ArgumentHelp("Fail unless the HTTP status is one of these, e.g. 200,301.", valueName: "codes"))
    var expectStatus: String?
}

struct AppProtocolOptions: ParsableArguments {
    @Option(name: .customLong("starttls"), help: startTLSHelp, completion: .list(AppProtocol.startTLSNames))
    var startTLS: String?
    /// `--starttls`'s help, also the scan's.
    static let startTLSHelp = ArgumentHelp("Upgrade with this protocol's STARTTLS before the handshake, on any port: \(AppProtocol.startTLSNames.joined(separator: ", ")).", valueName: "proto")

    /// `--starttls NAME` checked (the probe's and the scan's).
    static func startTLSProtocol(_ name: String?) throws -> AppProtocol? {
        guard let name else { return nil }
        guard let found = AppProtocol.startTLS(named: name) else {
            throw ValidationError("--starttls takes one of \(AppProtocol.startTLSNames.joined(separator: ", ")); got '\(name)'")
        }
        return found
    }

    @Option(name: .customLong("mqtt-version"), help: ArgumentHelp("MQTT version of the CONNECT sent after TLS (mqtts://): 3.1.1 or 5.", valueName: "version"), completion: .list(MQTTVersion.allCases.map(\.rawValue)))
    var mqttVersion: MQTTVersion = Self.defaultMQTTVersion
    static let defaultMQTTVersion = MQTTVersion.v311

    @Option(name: .customLong("mqtt-user"), help: ArgumentHelp("MQTT user name for the CONNECT (default: the URL's user, else none).", valueName: "name"))
    var mqttUser: String?

    @Option(name: .customLong("mqtt-password"), help: ArgumentHelp("MQTT password for the CONNECT (or set TLSPROBE_MQTT_PASSWORD, which ps cannot show).", valueName: "password"))
    var mqttPassword: String?

    @Option(name: .customLong("mqtt-client-id"), help: ArgumentHelp("MQTT client identifier (default: tlsprobe- and random hex).", valueName: "id"))
    var mqttClientID: String?

    @Option(name: .customLong("ws-protocol"), help: ArgumentHelp("wss://: ask for this Sec-WebSocket-Protocol (e.g. mqtt).", valueName: "name"))
    var webSocketProtocol: String?

    func validate() throws {
        _ = try Self.startTLSProtocol(startTLS)
        if let id = mqttClientID, id.utf8.count > 65535 { throw ValidationError("--mqtt-client-id is longer than MQTT allows (65535 bytes)") }
    }

    func apply(to options: inout ProbeOptions) {
        options.startTLSOverride = startTLS.flatMap(AppProtocol.startTLS(named:))
        options.mqtt.version = mqttVersion
        options.mqtt.user = mqttUser
        options.mqtt.password = mqttPassword ?? ProcessEnvironmentValue.get("TLSPROBE_MQTT_PASSWORD")
        options.mqtt.clientID = mqttClientID
        options.webSocketProtocol = webSocketProtocol
    }
}

extension MQTTVersion: ExpressibleByArgument {}

// The formats and their renderers live in TLSProbeRendering (OutputFormat.renderer).
extension OutputFormat: ExpressibleByArgument {}

struct OutputOptions: ParsableArguments {
    @Flag(help: "Print one JSON document (same as --format json).")
    var json = false

    @Option(help: ArgumentHelp("Output format.", valueName: "format"), completion: .list(OutputFormat.allCases.map(\.rawValue)))
    var format: OutputFormat?

    @Flag(name: [.customShort("q"), .long], help: "Print nothing on stdout; only the exit code tells.")
    var quiet = false

    @Flag(name: [.customShort("v"), .long], help: "Show every handshake message and the full chain in detail.")
    var verbose = false

    @Option(help: ArgumentHelp("Colour: auto (on a terminal), always or never.", valueName: "when"), completion: .list(ColorChoice.allCases.map(\.rawValue)))
    var color: ColorChoice = Self.defaultColor
    static let defaultColor = ColorChoice.auto

    @Flag(help: "Warnings fail the run (exit 1).")
    var strict = false

    var resolvedFormat: OutputFormat { format ?? (json ? .json : .text) }
}

extension TLSVersion: ExpressibleByArgument {}
extension ColorChoice: ExpressibleByArgument {}
