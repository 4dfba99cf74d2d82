import ArgumentParser
import FoundationEssentials
import TLSProbeCore
import TLSProbeRendering

/// The hand-written parts of the man page, in mdoc(7). Tables (exit codes, diagnoses, stages,
/// JSON keys) are generated from the code that defines them, so the page cannot drift.
enum ManPageSections {
    static var synopsis: [String] {
        var lines = [".Sh SYNOPSIS", ".Nm", ".Op Ar options", ".Ar target ..."]
        for command in TLSProbeCommand.configuration.subcommands where command.configuration.shouldDisplay && command != ProbeCommand.self {
            guard let name = command.configuration.commandName else { continue }
            lines += [".Nm", ".Cm \(name)", ".Op Ar arguments"]
        }
        return lines
    }

    /// One line per scheme, broken by .br between them (not after the last: mandoc warns about
    /// a .br right before .Pp).
    private static var schemeLines: [String] {
        let lines: [String] = AppProtocol.allCases.map { ".Li \($0.helpLine)" }
        return Array(lines.map { [$0, ".br"] }.joined().dropLast())
    }

    static var description: [String] {
        [
            ".Sh DESCRIPTION",
            ".Nm",
            "walks one HTTPS/TLS connection through fixed stages and prints each one as it completes.",
            "For every problem it prints a diagnosis: a stable id, the facts it observed, what to fix on the server",
            "and on the client, and the matching OpenSSL reason and mbedTLS error codes.",
            "A target is a host, host:port, [IPv6]:port or a URL; the port defaults to 443 for https:// and to the",
            "protocol's port for the other schemes:",
        ] + schemeLines + [
            ".Pp",
            "Results go to standard output, errors to standard error.",
            "Text output is flushed line by line, so",
            ".Ql tlsprobe host | tee log",
            "shows progress live.",
            ".Ss Stages",
            ".Bl -tag -width \"client_hello\"",
        ] + StageName.runOrder.flatMap { [".It Cm \($0.rawValue)", Mdoc.textLine(stageText($0))] } + [
            ".El",
            ".Pp",
            "A stage that could not run is listed as skipped, with the reason.",
            "Each stage is marked ok, warn, FAIL or skip; on a terminal the marks are coloured symbols.",
            ".Ss Options and subcommands",
        ]
    }

    static func stageText(_ stage: StageName) -> String {
        switch stage {
        case .proxy: "Only when a proxy is used (--proxy, HTTPS_PROXY): connect to the HTTP proxy and ask it for a tunnel with CONNECT; the proxy resolves the target's name."
        case .dns: "Resolve the name to connect to (the proxy's, when there is one). Skipped for an IP address."
        case .tcp: "Connect, trying each address in turn within --connect-timeout."
        case .starttls: "Only for STARTTLS protocols (smtp://, imap://, pop3://, ftp://, xmpp://, ldap://, postgres://, or --starttls): the plaintext greeting, the capability list, the upgrade request and its answer."
        case .clientHello: "What was offered: versions, cipher suites, groups, SNI, ALPN."
        case .serverHello: "What the server chose, or the alert it sent instead."
        case .certificate: "The chain the server sent, the chain built from it, trust, host name and validity; when an issuer is missing and a certificate names a CA Issuers URL (AIA), tlsprobe downloads it as browsers do (http and https, 64 KB, DER, PEM or PKCS#7, same-scheme redirects, at most 4 downloads, within the deadline; not with --no-fetch or a --client that does not fetch), shown as aia fetch lines with their timing and a browsers line (connect, or fail too), while the verdict stays the chain as sent."
        case .keyExchange: "The key-exchange group or DH size and the signature algorithm."
        case .revocation: "Only with --revocation: ask each chain certificate's OCSP responder (AIA) and/or fetch its CRL distribution point, over plain HTTP within the deadline (this sends the serial numbers to the CA); good, revoked or unknown per certificate."
        case .finished: "The handshake completed; ALPN result, and the stapled OCSP response verified (signature and responder, certificate, thisUpdate/nextUpdate): revoked fails the run, a bad staple warns, a must-staple certificate without a good staple fails."
        case .http: "GET the path (default /) with the target's Host header and read the response head (not run with --no-http)."
        case .app: "For other protocols, one exchange in the target's own protocol after the handshake: MQTT CONNECT and CONNACK, the WebSocket upgrade, EHLO, CAPABILITY, CAPA, FEAT, XMPP stream features, LDAP WhoAmI, a PostgreSQL StartupMessage (not run with --no-app)."
        }
    }

    /// Everything after the option list: ENVIRONMENT … SEE ALSO.
    static var trailing: [String] {
        environment + files + exitStatus + examples + CatalogReferenceRenderer.mdoc().split(separator: "\n").map(String.init) + jsonOutput + seeAlso
    }

    static var environment: [String] {
        [
            ".Sh ENVIRONMENT",
            ".Bl -tag -width Ds",
            ".It Ev SSL_CERT_FILE",
            "A PEM file of trust anchors used instead of the system store, as OpenSSL's own tools do.",
            ".It Ev SSL_CERT_DIR",
            "Colon-separated hashed directories of trust anchors; may be combined with",
            ".Ev SSL_CERT_FILE .",
            "Both are ignored when",
            ".Fl -cacert",
            "or",
            ".Fl -capath",
            "is given.",
            ".It Ev HTTPS_PROXY , Ev https_proxy",
            "Probe through this HTTP CONNECT proxy (http://host:port), unless the target matches",
            ".Ev NO_PROXY .",
            "The lower-case name wins when both are set;",
            ".Fl -proxy",
            "overrides both.",
            ".It Ev NO_PROXY , Ev no_proxy",
            "Comma-separated host names, domain suffixes and addresses to reach without the proxy, as curl reads it:",
            "example.com also matches www.example.com, and * turns the proxy off.",
            ".Fl -noproxy",
            "overrides it.",
            ".It Ev NO_COLOR",
            "When set and not empty,",
            ".Fl -color Cm auto",
            "prints no colour.",
            ".It Ev TERM",
            "When dumb,",
            ".Fl -color Cm auto",
            "prints no colour.",
            ".El",
        ]
    }

    static var files: [String] {
        [
            ".Sh FILES",
            ".Bl -tag -width Ds",
            ".It Pa \(OpenSSLVersion.defaultCertificateDirectory)",
            "OpenSSL's default hashed directory of trust anchors (on Debian and Ubuntu a link to",
            ".Pa /etc/ssl/certs ,",
            "kept by",
            ".Xr update-ca-certificates 8 ) .",
            "Used when neither",
            ".Ev SSL_CERT_FILE",
            "nor",
            ".Ev SSL_CERT_DIR",
            "is set; certificates are looked up by subject hash as needed.",
            ".It Pa \(OpenSSLVersion.defaultCertificateFile)",
            "The bundle used instead when that directory does not exist.",
            ".El",
            ".Pp",
            ".Ql tlsprobe --version",
            "prints the trust store in use.",
        ]
    }

    static var exitStatus: [String] {
        // A tag list rather than -column: long meanings then wrap under their own column.
        [".Sh EXIT STATUS", "With several targets the status is the first failing target's.", ".Bl -tag -width \"XXXX\" -compact"]
            + ExitStatus.allCases.flatMap { [".It \($0.rawValue)", Mdoc.textLine($0.meaning)] }
            + [".El"]
    }

    static var examples: [String] {
        [
            ".Sh EXAMPLES",
            "Probe a server and read the stages; on failure the last lines say what to fix:",
            ".Bd -literal -offset indent",
            "$ tlsprobe example.com",
            "$ tlsprobe --cacert lab-root.pem --connect-to 127.0.0.1 api.internal.test:8443",
            "$ tlsprobe explain chain.missing_intermediate",
            ".Ed",
            ".Pp",
            "A CI or health check: quiet, fail on any problem and on certificates that expire within 14 days:",
            ".Bd -literal -offset indent",
            Mdoc.literal("if ! tlsprobe -q --fail-days 14 --expect-status 200 api.example.com; then\n    echo \"api.example.com: TLS check failed with exit $?\" >&2\n    exit 1\nfi"),
            ".Ed",
            ".Pp",
            "A jq pipeline: the diagnosis ids and the days left on the leaf certificate:",
            ".Bd -literal -offset indent",
            Mdoc.literal("tlsprobe --json example.com | jq -r '.diagnoses[] | \"\\(.severity) \\(.id): \\(.summary)\"'\ntlsprobe --json example.com | jq '.certificates[0].days_left'"),
            ".Ed",
        ]
    }

    static var jsonOutput: [String] {
        var lines = [
            ".Sh JSON OUTPUT",
            ".Fl -json",
            "prints one JSON document per target; its JSON Schema is",
            ".Pa docs/tlsprobe.schema.json",
            "in the source tree.",
            "Keys are never renamed within a",
            ".Li schema_version .",
            "The top-level keys:",
            ".Bl -tag -width Ds",
        ]
        for key in topLevelJSONKeys { lines += [".It Li \(key)", Mdoc.textLine(jsonKeyText[key] ?? "See the schema.")] }
        lines.append(".El")
        return lines
    }

    /// Read from an encoded report, so a new key shows up here without anyone remembering to add
    /// it, plus the keys only some commands or options add (a plain report has none of them).
    static var topLevelJSONKeys: [String] {
        let report = ProbeReport(target: TargetInfo(input: "example.com", host: "example.com", port: 443, path: "/", sni: "example.com"))
        guard let object = try? JSONDecoder().decode(TopLevelKeys.self, from: Data(JSONRenderer.render(report).utf8)) else { return [] }
        return Set(object.keys).union(optionalJSONKeys).sorted()
    }

    static let optionalJSONKeys = ["scan", "clients", "check", "device", "revocation", "trust_stores"]

    static let jsonKeyText: [String: String] = [
        "schema_version": "Version of this document's layout.",
        "tool": "Name, version and the OpenSSL tlsprobe ran with.",
        "target": "What was probed: input, host, port, path, SNI sent, address connected to.",
        "outcome": "ok, warning or fail.",
        "exit_code": "The exit status this target produced.",
        "failed_stage": "The first failing stage, or null.",
        "stages": "One object per stage, in order: name, status, duration_ms, summary, details.",
        "tls": "Negotiated version, cipher, group, ALPN.",
        "certificates": "The chain as sent, leaf first, with days_left: at most its first 20 (the certificate stage's sent_count has the number sent).",
        "verification": "Trust store, trust and host-name results.",
        "http": "The HTTP exchange, or null when it did not run.",
        "diagnoses": "Every problem found: id, severity, stage, title, summary, fix, openssl, mbedtls.",
        "decisive": "The id of the diagnosis that decides the run (first error, else first warning), or null.",
        "expiry_thresholds": "warn_days and fail_days as applied.",
        "follow_ups": "Extra connections made to explain a failure.",
        "started_at": "RFC 3339 start time.",
        "duration_ms": "Wall time of the whole probe.",
        "client": "The --client profile the probe acted as: openssl (the default) or an embedded one such as esp-idf.",
        "scan": "Only from tlsprobe scan: versions (ssl2 to tls1_3), ssl2_cipher_specs, cipher_suites, groups, signature algorithms, dh_parameters, certificates per key type, features.",
        "clients": "Only from tlsprobe clients: one row per client profile, in table order.",
        "check": "Only from tlsprobe check: the files read and the key matched against the leaf.",
        "device": "Only with an Mbed TLS --client profile (esp-idf, arduino-esp32): what the device itself gets from this server.",
        "revocation": "Only with --revocation: per chain certificate and source, good, revoked or unknown.",
        "trust_stores": "Only with --trust-stores (always with tlsprobe check): which trust stores accept the chain and by which path.",
    ]

    static var seeAlso: [String] {
        [".Sh SEE ALSO", ".Xr curl 1 ,", ".Xr openssl-s_client 1 ,", ".Xr openssl-verify 1 ,", ".Xr update-ca-certificates 8"]
    }
}

/// The keys of a JSON object, whatever their values.
private struct TopLevelKeys: Decodable {
    let keys: [String]

    private struct AnyKey: CodingKey {
        let stringValue: String
        init(stringValue: String) { self.stringValue = stringValue }
        var intValue: Int? { nil }
        init?(intValue: Int) { nil }
    }

    init(from decoder: any Decoder) throws {
        keys = try decoder.container(keyedBy: AnyKey.self).allKeys.map(\.stringValue)
    }
}
