/// One row of the error table: everything tlsprobe knows about a cause, independent of any probe.
/// The catalogue (`DiagnosisCatalog.entries`) is data; the probe only picks an id and supplies facts.
/// Rows are built with the memberwise initialiser (the optional columns default to nothing).
public struct DiagnosisEntry: Sendable {
    /// Stable, lower-case, dotted `family.name`. A contract with users' scripts: never rename.
    public let id: String
    public let severity: Severity
    public let stage: StageName
    /// Exit code when this diagnosis decides the run (errors only; warnings and info use `.success`).
    public let exitStatus: ExitStatus
    /// Short title, e.g. "Certificate expired".
    public let title: String
    /// One line with `{fact}` placeholders filled from the facts the probe observed.
    public let summaryTemplate: String
    /// The facts the summary uses, each a key the emitting code passes (`{host}`, `{port}` and
    /// `{stage}` come with every diagnosis). `CatalogTests` holds the template to this list.
    public let facts: [String]
    /// A longer plain-words explanation of the cause.
    public let explanation: String
    /// What the server operator should do.
    public let fixServer: String
    /// What the client side (a laptop, curl, firmware) can do, when it can do anything.
    public internal(set) var fixClient: String? = nil
    /// OpenSSL verify code name / reason string behind it, e.g. "X509_V_ERR_CERT_HAS_EXPIRED (10)".
    public internal(set) var openssl: String? = nil
    /// TLS alert involved, e.g. "handshake_failure (40)".
    public internal(set) var alert: String? = nil
    /// The curl exit code a user would have seen, e.g. "60 (CURLE_PEER_FAILED_VERIFICATION)".
    public internal(set) var curl: String? = nil
    /// mbedTLS / ESP-IDF codes and X.509 verify flags an embedded client reports for this fault.
    public internal(set) var mbedtls: [String] = []
    /// Where to read more (an RFC section, a man page).
    public internal(set) var docs: String? = nil

    /// The summary as a pattern for a reader, with every fact shown as `<name>` (explain).
    public var summaryPattern: String { summary(with: [:], missing: { "<\($0)>" }) }

    /// Fills `{name}` placeholders; an unknown placeholder is left visible so a test can catch it.
    public func summary(with facts: [String: String], missing: (String) -> String = { "{\($0)}" }) -> String {
        var result = ""
        var rest = Substring(summaryTemplate)
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            let key = String(rest[rest.index(after: open)..<close])
            result += facts[key] ?? missing(key)
            rest = rest[rest.index(after: close)...]
        }
        result += rest
        return result
    }
}
