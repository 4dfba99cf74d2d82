import ArgumentParser
import FoundationEssentials
import TLSProbeCore
import TLSProbeRendering

/// `tlsprobe clients TARGET`: which clients would connect, where each one stops and why.
struct ClientsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clients",
        abstract: "Show which clients (OpenSSL, curl, Python, Java, Go, GnuTLS, Android, Windows, Apple, browsers, ESP-IDF) would connect to a server, and why the others fail.",
        discussion: """
            Each client's own ClientHello is replayed (suites OpenSSL cannot speak count), and the chain \
            the server sends for that negotiation is judged with that client's trust store, chain building, \
            name rules and key limits; the exit status is 0 once the matrix ran, unless a client named by \
            --require-clients fails (then that client's diagnosis exit code) or the target cannot be reached.
            """
    )

    @Argument(help: ArgumentHelp(ProbeTarget.forms, valueName: "target"))
    var target: String?

    @Option(name: .customLong("clients"), help: ArgumentHelp("Only these clients, comma-separated (a family name such as java or android picks all its versions); 'list' describes them.", valueName: "list"),
            completion: .list(ClientProfiles.matrix.map(\.name) + ["list"]))
    var clients: String?

    @Option(name: .customLong("require-clients"), help: ArgumentHelp("Fail (with the client's diagnosis exit code, Nagios CRITICAL) when one of these clients fails, e.g. esp-idf,java-8; 'all' requires every client.", valueName: "list"),
            completion: .list(ClientProfiles.matrix.map(\.name) + ["all"]))
    var requireClients: String?

    @Option(help: ArgumentHelp("Send this name as SNI (default: the target's host name).", valueName: "name"))
    var sni: String?

    @OptionGroup(title: "Connection") var connection: ConnectionOptions
    @OptionGroup(title: "Verification") var verification: ClientsVerificationOptions
    @OptionGroup(title: "Output") var output: OutputOptions

    var listRequested: Bool { clients?.lowercased() == "list" }

    func selectedClients() throws -> [ClientProfile] {
        guard let clients, !listRequested else { return ClientProfiles.matrix }
        var chosen: [ClientProfile] = []
        for word in clients.split(separator: ",").map({ String($0).trimmingWhitespace().lowercased() }) where !word.isEmpty {
            let matching = ClientMatrix.profiles(matching: word)
            guard !matching.isEmpty else {
                throw ValidationError("unknown client '\(word)' in --clients; expected names from 'tlsprobe clients --clients list' such as \(ClientProfiles.matrix.prefix(4).map(\.name).joined(separator: ", "))")
            }
            for profile in matching where !chosen.contains(where: { $0.name == profile.name }) { chosen.append(profile) }
        }
        guard !chosen.isEmpty else { throw ValidationError("--clients names no client") }
        return chosen
    }

    func requiredClients() throws -> [String] {
        guard let requireClients else { return [] }
        let words = requireClients.split(separator: ",").map { String($0).trimmingWhitespace().lowercased() }.filter { !$0.isEmpty }
        for word in words where word != "all" && ClientMatrix.profiles(matching: word).isEmpty {
            throw ValidationError("unknown client '\(word)' in --require-clients; see 'tlsprobe clients --clients list'")
        }
        return words
    }

    func validate() throws {
        if listRequested { return }
        guard target != nil else { throw ValidationError("no target given; \(ProbeTarget.expectedForms)") }
        if !(connection.timeout > 0 && connection.timeout <= 3600) { throw ValidationError(RangeMessage.text("--timeout", "more than 0 and at most 3600 seconds", got: connection.timeout)) }
        if !(connection.connectTimeout > 0 && connection.connectTimeout <= 3600) { throw ValidationError(RangeMessage.text("--connect-timeout", "more than 0 and at most 3600 seconds", got: connection.connectTimeout)) }
        if connection.ipv4 && connection.ipv6 { throw ValidationError("-4 and -6 exclude each other") }
        if let at = verification.at, RFC3339.parse(at) == nil {
            throw ValidationError("--at needs an RFC 3339 time such as 2027-01-31T12:00:00Z (got '\(at)')")
        }
        _ = try selectedClients()
        _ = try requiredClients()
    }

    func makeOptions() -> ProbeOptions {
        var options = ProbeOptions()
        options.trust = TrustSource(cacert: verification.cacert, capath: verification.capath)
        options.connectTo = connection.connectToHost
        options.family = connection.ipv4 ? .ipv4 : (connection.ipv6 ? .ipv6 : .any)
        options.timeout = connection.timeout
        options.connectTimeout = min(connection.connectTimeout, connection.timeout)
        options.sniOverride = sni
        options.at = verification.at.flatMap(RFC3339.parse)
        options.clientTrust = verification.clientTrust
        options.runHTTP = false
        options.fetchMissingIssuers = !verification.noFetch
        return options
    }

    func run() throws {
        if listRequested {
            LineOutput.standardOutput.write(ClientProfileList.render(ClientProfiles.matrix))
            return
        }
        let format = output.resolvedFormat
        let parsed: ProbeTarget
        do { parsed = try ProbeTarget.parse(target ?? "") } catch { throw ValidationError(error.description) }
        let options = makeOptions()
        // Setup errors (an unreadable --cacert) are the probe's: same words, same exit code.
        do { _ = try ProbeEngine(options: options) } catch { throw ExitCode(SetupFailure.report(error, format: format)) }
        let matrix = ClientMatrix(options: options, clients: try selectedClients(), required: try requiredClients())
        let report = matrix.run(parsed)
        let out = LineOutput.standardOutput
        if !output.quiet {
            switch format {
            case .text:
                out.write(ClientMatrixTable(style: TerminalStyle.resolve(output.color, fileDescriptor: 1), verbose: output.verbose).render(report))
            default:
                let renderer = format.renderer(style: TerminalStyle.resolve(output.color, fileDescriptor: 1), verbose: output.verbose)
                if let text = renderer.add(report) { out.write(text) }
                if let ending = renderer.finish() { out.write(ending) }
                let code = renderer.exitCode(runExitCode: report.exitCode)
                if code != 0 { throw ExitCode(code) }
                return
            }
        }
        if report.exitCode != 0 { throw ExitCode(report.exitCode) }
    }
}

/// The verification options that apply to a client matrix.
struct ClientsVerificationOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Add the trust anchors of this PEM file to every client's own store, as if installed on each (the ESP-IDF clients embed it as their CA).", valueName: "file"), completion: .file())
    var cacert: String?

    @Option(help: ArgumentHelp("Add the trust anchors of this hashed directory (c_rehash layout) to every client's own store.", valueName: "dir"), completion: .directory)
    var capath: String?

    @Option(name: .customLong("client-trust"), help: ArgumentHelp("How the ESP-IDF and Arduino clients trust the server: bundle, cacert or insecure (as for the probe's --client-trust).", valueName: "bundle|cacert|insecure"))
    var clientTrust: ClientTrust?

    @Option(help: ArgumentHelp("Verify the chains as of this RFC 3339 time instead of now.", valueName: "time"))
    var at: String?

    @Flag(name: .customLong("no-fetch"), help: "Download no missing intermediate, even for the clients that do (Windows, Apple, browsers).")
    var noFetch = false
}
