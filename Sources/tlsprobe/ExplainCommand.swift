import ArgumentParser
import FoundationEssentials
import TLSProbeCore
import TLSProbeRendering

/// `tlsprobe explain CODE…`: what an error code, flag mask, alert or diagnosis id means, in every
/// world (mbedTLS/ESP-IDF, OpenSSL, curl, tlsprobe). Works offline; no connection is made.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain an error code, verify-flag mask, TLS alert or diagnosis id.",
        discussion: """
            Accepts what logs print: mbedTLS codes (-0x2700, 0x2700, -9984, MBEDTLS_ERR_…), sums \
            (-0x3000 + -0x0034), ESP-IDF codes (0x801A, ESP_ERR_…), verify flags (flags=0x0C or \
            --flags 0x0C), OpenSSL verify codes (verify:10, X509_V_ERR_…), OpenSSL errors \
            (error:0A000086), TLS alerts (alert:40, handshake_failure), curl exit codes (curl:60), \
            tlsprobe exit codes (exit:33) and diagnosis ids (cert.expired).
            """
    )

    // `.allUnrecognized` so that a negative code such as -0x2700 is taken as input, not as an option.
    @Argument(parsing: .allUnrecognized, help: "The code or name to explain; with --list, a family.",
              completion: .list(DiagnosisCatalog.entries.map(\.id)))
    var input: [String] = []

    @Flag(help: "List the diagnosis catalogue (optionally one family: cert, chain, alert, …).")
    var list = false

    @Flag(help: "Print JSON instead of text.")
    var json = false

    @Option(help: ArgumentHelp("Decode an X.509 verify-flag mask (esp_tls_flags).", valueName: "mask"))
    var flags: String?

    func run() throws {
        if list { return try printList() }
        let (output, known) = try answer()
        if !known {
            LineOutput.standardError.write(output)
            throw ExitCode(ExitStatus.usage.rawValue)
        }
        print(output, terminator: "")
    }

    /// What `run()` prints, and whether the query was understood (else it goes to stderr, exit 64).
    func answer() throws -> (text: String, known: Bool) {
        let query = input.joined(separator: " ")
        guard flags != nil || !query.isEmpty else {
            throw ValidationError("give a code or name to explain, e.g. 'tlsprobe explain -0x2700', or use --list")
        }
        let result = flags.map(Explainer.explainFlags) ?? Explainer.explain(query)
        return (json ? try Self.encode(result) : ExplainTextRenderer.render(result), result.kind != .unknown)
    }

    private func printList() throws {
        let family = input.first?.lowercased()
        let entries = family.map(DiagnosisCatalog.entries(inFamily:)) ?? DiagnosisCatalog.entries
        guard !entries.isEmpty else {
            throw ValidationError("unknown family '\(SafeText.escape(family ?? ""))'; families: \(DiagnosisCatalog.families.joined(separator: ", "))")
        }
        if json {
            print(try Self.encode(entries.map(ListedEntry.init)), terminator: "")
        } else {
            print(ExplainListRenderer.render(entries), terminator: "")
        }
    }

    private static func encode(_ value: some Encodable) throws -> String {
        JSONRenderer.render(value) + "\n"
    }
}

/// One line of `explain --list --json`.
private struct ListedEntry: Encodable {
    let id: String
    let severity: Severity
    let exit: Int32
    let stage: StageName
    let title: String

    init(_ entry: DiagnosisEntry) {
        id = entry.id
        severity = entry.severity
        exit = entry.exitStatus.rawValue
        stage = entry.stage
        title = entry.title
    }
}
