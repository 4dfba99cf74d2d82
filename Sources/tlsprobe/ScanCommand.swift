import ArgumentParser
import TLSProbeCore
import TLSProbeRendering

/// `tlsprobe scan TARGET`: the probe (without HTTP), then everything the server accepts.
struct ScanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "List what a server accepts: versions, every cipher suite in its order, groups, signature algorithms, certificates, features.",
        discussion: """
            Offers SSL 2.0 (an SSL 2.0 CLIENT-HELLO) and SSL 3.0 to TLS 1.3 one at a time with \
            tlsprobe's own ClientHellos, so suites \
            OpenSSL cannot speak (Camellia-GCM, ARIA, CCM_8, GOST and more) count; per version every \
            IANA suite is offered and the server's pick removed until it refuses, which gives its \
            preference order; groups, signature algorithms, compression, secure renegotiation, \
            TLS_FALLBACK_SCSV, extended master secret and encrypt-then-MAC are read from \
            ServerHellos, the DH group of the DHE suites from ServerKeyExchanges (with and \
            without ffdhe groups offered; under 2048 bits: key.weak_dh), certificates per key type, OCSP stapling, ALPN, resumption and \
            client-initiated renegotiation from OpenSSL handshakes; findings that matter are diagnoses with the probe's exit codes \
            (weak suites, SSL 3.0 or compression accepted: 21); several connections run at once \
            (--connections) and --timeout bounds the whole scan; a STARTTLS target (smtp://, \
            imap://, pop3://, ftp://, xmpp://, ldap://, postgres://, or --starttls PROTO) does the \
            protocol's upgrade dialogue on every connection.
            """
    )

    @Argument(help: ArgumentHelp(ProbeTarget.forms, valueName: "target"))
    var target: String?

    @Option(name: .customLong("starttls"), help: AppProtocolOptions.startTLSHelp, completion: .list(AppProtocol.startTLSNames))
    var startTLS: String?

    @OptionGroup(title: "Connection") var connection: ConnectionOptions

    @Option(help: ArgumentHelp("Send this name as SNI (default: the target's host name).", valueName: "name"))
    var sni: String?

    @Flag(name: .customLong("no-sni"), help: "Send no SNI at all.")
    var noSNI = false

    @Option(name: .customLong("connections"), parsing: .unconditional, help: ArgumentHelp("Connections open at once (1-64).", valueName: "count"))
    var connections: Int = CapabilityScan.defaultConcurrency

    @OptionGroup(title: "Verification") var verification: VerificationOptions
    @OptionGroup(title: "Output") var output: OutputOptions

    func validate() throws {
        guard target != nil else { throw ValidationError("no target given; \(ProbeTarget.expectedForms)") }
        _ = try AppProtocolOptions.startTLSProtocol(startTLS)
        if connection.ipv4 && connection.ipv6 { throw ValidationError("-4 and -6 exclude each other") }
        if noSNI && sni != nil { throw ValidationError("--sni and --no-sni exclude each other") }
        if !(connection.timeout > 0 && connection.timeout <= 3600) { throw ValidationError(RangeMessage.text("--timeout", "more than 0 and at most 3600 seconds", got: connection.timeout)) }
        if !(connection.connectTimeout > 0 && connection.connectTimeout <= 3600) { throw ValidationError(RangeMessage.text("--connect-timeout", "more than 0 and at most 3600 seconds", got: connection.connectTimeout)) }
        if !(1...64).contains(connections) { throw ValidationError(RangeMessage.text("--connections", "1 to 64", got: Double(connections))) }
        if verification.warnDays < 0 { throw ValidationError(RangeMessage.text("--warn-days", "0 or more", got: verification.warnDays)) }
        if let days = verification.failDays, days < 0 { throw ValidationError(RangeMessage.text("--fail-days", "0 or more", got: days)) }
        if let at = verification.at, RFC3339.parse(at) == nil {
            throw ValidationError("--at needs an RFC 3339 time such as 2027-01-31T12:00:00Z (got '\(at)')")
        }
    }

    func makeOptions() -> ProbeOptions {
        var options = ProbeOptions()
        options.trust = TrustSource(cacert: verification.cacert, capath: verification.capath)
        options.connectTo = connection.connectToHost
        options.sniOverride = sni
        options.sendSNI = !noSNI
        options.family = connection.ipv4 ? .ipv4 : (connection.ipv6 ? .ipv6 : .any)
        options.timeout = connection.timeout
        options.connectTimeout = min(connection.connectTimeout, connection.timeout)
        options.runHTTP = false
        options.startTLSOverride = try? AppProtocolOptions.startTLSProtocol(startTLS)
        options.insecure = verification.insecure
        options.verbose = output.verbose
        options.warnDays = verification.warnDays
        options.failDays = verification.failDays
        options.revocation = verification.revocation
        options.at = verification.at.flatMap(RFC3339.parse)
        options.strict = output.strict
        return options
    }

    func run() throws {
        let parsed: ProbeTarget
        do {
            parsed = try ProbeTarget.parse(target ?? "")
        } catch {
            throw ValidationError(error.description)
        }
        let format = output.resolvedFormat
        let engine: ProbeEngine
        do {
            engine = try ProbeEngine(options: makeOptions())
        } catch {
            throw ExitCode(SetupFailure.report(error, format: format))
        }
        let settings = ScanSettings(concurrency: connections, perConnectionSeconds: connection.connectTimeout)
        let out = LineOutput.standardOutput
        if output.quiet {
            let report = engine.scan(parsed, settings: settings)
            if report.exitCode != 0 { throw ExitCode(report.exitCode) }
            return
        }
        let style = TerminalStyle.resolve(output.color, fileDescriptor: 1)
        let report: ProbeReport
        switch format {
        case .text:
            let text = TextRenderer(style: style, verbose: output.verbose)
            out.line(text.header(engine.previewTarget(parsed)))
            let streamed = StreamedStages()
            report = engine.scan(parsed, settings: settings) { stage in
                streamed.insert(stage.name)
                out.line(text.stageLine(stage))
            }
            for stage in report.stages where !streamed.contains(stage.name) { out.line(text.stageLine(stage)) }
            if let scan = report.scan { out.write("\n" + ScanTextRenderer(style: style).render(scan)) }
            out.write("\n" + text.conclusion(report))
        default:
            let renderer = format.renderer(style: style, verbose: output.verbose)
            report = engine.scan(parsed, settings: settings)
            if let text = renderer.add(report) { out.write(text) }
            if let ending = renderer.finish() { out.write(ending) }
            let code = renderer.exitCode(runExitCode: report.exitCode)
            if code != 0 { throw ExitCode(code) }
            return
        }
        if report.exitCode != 0 { throw ExitCode(report.exitCode) }
    }
}
