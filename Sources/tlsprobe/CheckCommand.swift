import ArgumentParser
import FoundationEssentials
import TLSProbeCore
import TLSProbeRendering

/// `tlsprobe check FILE…`: the certificate stage on chain files, offline — the same analysis,
/// diagnosis ids, formats and exit codes as a probe, plus the key, the trust stores and (with
/// --client) the device's limits. For a renewed certificate before deploying it, or the root a
/// firmware image embeds.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check certificate chain files offline, as the certificate stage of a probe would.",
        discussion: """
            The files are one chain in the order given, as a server configured with them sends it \
            (PEM such as a fullchain.pem with keys in it skipped, DER, or PKCS#7 .p7b), and the report \
            is a probe's certificate stage: order, completeness, validity (--at), key and signature \
            strength, the name (--name), the key (--key), which trust stores accept the chain, and with \
            --client what the device would reject; exit codes are a probe's (0, 1 under --strict, 30 to \
            34 for certificate problems, 66 when a file cannot be read).
            """
    )

    @Argument(help: ArgumentHelp("Chain files, leaf first (PEM, DER or PKCS#7).", valueName: "file"), completion: .file())
    var files: [String] = []

    @Option(help: ArgumentHelp("Private key (PEM or DER, unencrypted) that must match the leaf.", valueName: "file"), completion: .file())
    var key: String?

    @Option(help: ArgumentHelp("Host name or IP address the leaf must be valid for (default: not checked).", valueName: "host"))
    var name: String?

    @Option(help: ArgumentHelp("Trust anchors from this PEM file instead of the system store.", valueName: "file"), completion: .file())
    var cacert: String?

    @Option(help: ArgumentHelp("Trust anchors from this hashed directory (c_rehash layout).", valueName: "dir"), completion: .directory)
    var capath: String?

    @Option(help: ArgumentHelp("Verify the chain as of this RFC 3339 time (e.g. 2027-01-31T12:00:00Z) instead of now.", valueName: "time"))
    var at: String?

    @Option(name: .customLong("warn-days"), parsing: .unconditional, help: ArgumentHelp("Warn when a certificate expires within this many days.", valueName: "days"))
    var warnDays: Int = 14

    @Option(name: .customLong("fail-days"), parsing: .unconditional, help: ArgumentHelp("Fail (exit 32) when a certificate expires within this many days.", valueName: "days"))
    var failDays: Int?

    @Flag(name: .customLong("no-trust-stores"), help: "Leave out the trust-store comparison.")
    var noTrustStores = false

    @OptionGroup(title: "Output") var output: OutputOptions
    @OptionGroup(title: "Client profile") var clientOptions: ClientOptions

    func validate() throws {
        if clientOptions.listRequested { return }
        if files.isEmpty { throw ValidationError("no file given; expected chain files such as fullchain.pem") }
        if warnDays < 0 { throw ValidationError(RangeMessage.text("--warn-days", "0 or more", got: warnDays)) }
        if let days = failDays, days < 0 { throw ValidationError(RangeMessage.text("--fail-days", "0 or more", got: days)) }
        if let at, RFC3339.parse(at) == nil {
            throw ValidationError("--at needs an RFC 3339 time such as 2027-01-31T12:00:00Z (got '\(at)')")
        }
    }

    func makeOptions() throws -> ProbeOptions {
        var options = ProbeOptions()
        options.trust = TrustSource(cacert: cacert, capath: capath)
        options.warnDays = warnDays
        options.failDays = failDays
        options.at = at.flatMap(RFC3339.parse)
        options.strict = output.strict
        options.verbose = output.verbose
        options.compareTrustStores = !noTrustStores
        options.runHTTP = false
        try clientOptions.apply(to: &options)
        return options
    }

    func run() throws {
        if clientOptions.listRequested {
            LineOutput.standardOutput.write(ClientProfileList.render(ClientProfiles.all))
            return
        }
        let format = output.resolvedFormat
        let report: ProbeReport
        do {
            let engine = try ProbeEngine(options: try makeOptions())
            report = try present(engine, format: format)
        } catch let error as ProbeSetupError {
            throw ExitCode(SetupFailure.report(error, format: format))
        }
        if report.exitCode != 0 { throw ExitCode(report.exitCode) }
    }

    private func present(_ engine: ProbeEngine, format: OutputFormat) throws(ProbeSetupError) -> ProbeReport {
        let out = LineOutput.standardOutput
        let request = CertificateCheckRequest(files: files, keyFile: key, name: name)
        if output.quiet { return try engine.check(request) }
        let style = TerminalStyle.resolve(output.color, fileDescriptor: 1)
        guard format == .text else {
            let renderer = format.renderer(style: style, verbose: output.verbose)
            let report = try engine.check(request)
            if let text = renderer.add(report) { out.write(text) }
            if let ending = renderer.finish() { out.write(ending) }
            return report
        }
        let renderer = TextRenderer(style: style, verbose: output.verbose)
        let report = try engine.check(request)
        out.line(renderer.header(checking: report))
        if !engine.options.clientProfile.isOpenSSLDefault { out.line(renderer.clientLine(engine.options.clientProfile)) }
        for stage in report.stages { out.line(renderer.stageLine(stage)) }
        out.write(renderer.conclusion(report))
        return report
    }
}
