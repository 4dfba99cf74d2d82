/// The error table: one `DiagnosisEntry` per id the probe can emit, plus one per TLS alert.
/// Rows live in `DiagnosisCatalog+<Family>.swift`, one file per group of families, so each file
/// stays readable; this file only assembles and indexes them.
public enum DiagnosisCatalog {
    /// Families in the order the probe meets them; also the order of `docs/diagnoses.md`.
    public static let families = [
        "dns", "tcp", "proxy", "starttls", "handshake", "alert", "proto", "cipher", "key", "sig", "not_tls",
        "cert", "chain", "ocsp", "revocation", "http", "app", "mqtt", "ws", "embedded", "internal",
    ]

    public static let entries: [DiagnosisEntry] =
        connectionEntries + alertEntries + negotiationEntries + certificateEntries + httpEntries + appProtocolEntries + embeddedEntries
        + boundsEntries + wireEntries + revocationEntries

    // Built once. A duplicate id keeps the first row; `CatalogTests` fails on duplicates, so a
    // typo is caught in CI instead of crashing the tool at start-up.
    private static let entriesByID = Dictionary(entries.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })

    public static func entry(_ id: String) -> DiagnosisEntry? { entriesByID[id] }

    /// The family of an id: the part before the first dot ("cert" for "cert.expired").
    public static func family(of id: String) -> String {
        String(id.prefix { $0 != "." })
    }

    public static func entries(inFamily family: String) -> [DiagnosisEntry] {
        entries.filter { Self.family(of: $0.id) == family }
    }
}
