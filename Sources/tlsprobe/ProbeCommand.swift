import FoundationEssentials
import ArgumentParser
import TLSProbeCore
import TLSProbeRendering

struct ProbeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "probe",
        abstract: "Probe targets (the default command: `tlsprobe HOST` means `tlsprobe probe HOST`).",
        discussion: HelpText.discussion
    )

    @Argument(help: ArgumentHelp(ProbeTarget.forms, valueName: "target"))
    var targets: [String] = []

    @OptionGroup(title: "Connection") var connection: ConnectionOptions
    @OptionGroup(title: "Proxy") var proxy: ProxyOptions
    @OptionGroup(title: "TLS") var tls: TLSOptions
    @OptionGroup(title: "Verification") var verification: VerificationOptions
    @OptionGroup(title: "HTTP") var http: HTTPOptions
    @OptionGroup(title: "Application protocols") var appProtocols: AppProtocolOptions
    @OptionGroup(title: "Output") var output: OutputOptions
    @OptionGroup(title: "Fleet") var fleet: FleetOptions
    @OptionGroup(title: "Client profile") var clientOptions: ClientOptions
    @OptionGroup(title: "Saving certificates") var save: SaveOptions

    func validate() throws {
        if clientOptions.listRequested { return }
        if save.isRequested && (targets.count > 1 || fleet.targetsFile != nil) { throw ValidationError("--save-chain/--save-root take a single target") }
        if targets.isEmpty && fleet.targetsFile == nil { throw ValidationError("no target given; \(ProbeTarget.expectedForms) (or --targets-file FILE)") }
        if connection.ipv4 && connection.ipv6 { throw ValidationError("-4 and -6 exclude each other") }
        if tls.noSNI && tls.sni != nil { throw ValidationError("--sni and --no-sni exclude each other") }
        if !(connection.timeout > 0 && connection.timeout <= 3600) { throw ValidationError(RangeMessage.text("--timeout", "more than 0 and at most 3600 seconds", got: connection.timeout)) }
        if !(connection.connectTimeout > 0 && connection.connectTimeout <= 3600) { throw ValidationError(RangeMessage.text("--connect-timeout", "more than 0 and at most 3600 seconds", got: connection.connectTimeout)) }
        if let min = tls.tlsMin, let max = tls.tlsMax, min > max { throw ValidationError("--tls-min \(min.rawValue) is above --tls-max \(max.rawValue)") }
        if tls.key != nil && tls.cert == nil { throw ValidationError("--key needs --cert") }
        if verification.warnDays < 0 { throw ValidationError(RangeMessage.text("--warn-days", "0 or more", got: verification.warnDays)) }
        if let days = verification.failDays, days < 0 { throw ValidationError(RangeMessage.text("--fail-days", "0 or more", got: days)) }
        if let at = verification.at, RFC3339.parse(at) == nil {
            throw ValidationError("--at needs an RFC 3339 time such as 2027-01-31T12:00:00Z (got '\(at)')")
        }
        _ = try expectedStatuses()
        if let expected = tls.expectALPN, expected != "none", !alpnOffer.contains(expected) {
            throw ValidationError("--expect-alpn \(expected) is not in the ALPN offer (\(tls.alpn ?? "http/1.1")); add it with --alpn")
        }
        _ = try proxy.resolved()
    }

    var alpnOffer: [String] { (tls.alpn ?? "http/1.1").split(separator: ",").map(String.init).filter { !$0.isEmpty } }

    func expectedStatuses() throws -> [Int]? {
        guard let text = http.expectStatus else { return nil }
        let codes = text.split(separator: ",").map { Int(String($0).trimmingWhitespace()) }
        guard !codes.isEmpty, codes.allSatisfy({ $0.map { (100...599).contains($0) } ?? false }) else {
            throw ValidationError("--expect-status takes HTTP status codes like 200,301; got '\(text)'")
        }
        return codes.compactMap { $0 }
    }

    func makeOptions() throws -> ProbeOptions {
        var options = ProbeOptions()
        options.trust = TrustSource(cacert: verification.cacert, capath: verification.capath)
        options.connectTo = connection.connectToHost
        options.sniOverride = tls.sni
        options.sendSNI = !tls.noSNI
        options.proxy = try proxy.resolved()
        options.family = connection.ipv4 ? .ipv4 : (connection.ipv6 ? .ipv6 : .any)
        options.timeout = connection.timeout
        options.connectTimeout = min(connection.connectTimeout, connection.timeout)
        options.tlsMin = tls.tlsMin
        options.tlsMax = tls.tlsMax
        options.ciphers = tls.ciphers
        options.cipherSuites = tls.ciphersuites
        options.groups = tls.groups
        options.alpn = alpnOffer
        options.expectALPN = tls.expectALPN
        options.expectTLSMin = tls.expectTLSMin
        options.clientCertificatePath = tls.cert
        options.clientKeyPath = tls.key
        options.runHTTP = !http.noHTTP && !http.noApp
        options.alpnExplicit = tls.alpn != nil
        appProtocols.apply(to: &options)
        options.insecure = verification.insecure
        options.verbose = output.verbose
        options.warnDays = verification.warnDays
        options.failDays = verification.failDays
        options.revocation = verification.revocation
        options.fetchMissingIssuers = !verification.noFetch
        options.compareTrustStores = verification.trustStores
        options.at = verification.at.flatMap(RFC3339.parse)
        options.expectStatus = try expectedStatuses()
        options.strict = output.strict
        try clientOptions.apply(to: &options)
        if tls.alpn == nil { options.alpn = options.clientProfile.alpn ?? options.alpn }
        return options
    }

    func run() throws {
        if clientOptions.listRequested {
            LineOutput.standardOutput.write(ClientProfileList.render(ClientProfiles.all))
            return
        }
        let parsedTargets: [ProbeTarget]
        do {
            parsedTargets = try targets.map { raw throws(TargetParseError) in try ProbeTarget.parse(raw) }
        } catch {
            throw ValidationError(error.description)
        }
        let format = output.resolvedFormat
        let engine: ProbeEngine
        let source: FleetSource
        do {
            engine = try ProbeEngine(options: try makeOptions())
            source = try FleetSource(arguments: parsedTargets, filePath: fleet.targetsFile, shard: try fleet.shardSelector())
        } catch let error as ProbeSetupError {
            throw ExitCode(SetupFailure.report(error, format: format))
        }
        // One target in text (or saving its chain): stream its stages live. Everything else goes
        // through the fleet runner.
        if parsedTargets.count == 1 && fleet.targetsFile == nil && (format == .text || save.isRequested) {
            let presenter = ReportPresenter(format: format, quiet: output.quiet, verbose: output.verbose, color: output.color)
            let report = presenter.present(engine: engine, target: parsedTargets[0])
            if save.isRequested { try ChainSaver(options: save).save(report) }
            if report.exitCode != 0 { throw ExitCode(report.exitCode) }
            return
        }
        let presenter = FleetPresenter(format: format, quiet: output.quiet, verbose: output.verbose, color: output.color)
        let code = try presenter.run(engine: engine, source: source, configuration: fleet.configuration)
        if code != 0 { throw ExitCode(code) }
    }
}
