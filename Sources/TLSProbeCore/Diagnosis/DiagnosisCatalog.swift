import Synchronization

/// The error table: one `DiagnosisEntry` per id the probe can emit, plus one per TLS alert.
/// Rows are declared in row sets, `DiagnosisCatalog+<Family>.swift`, one file per group of
/// families, so each file stays readable; this file only assembles and indexes them.
public enum DiagnosisCatalog {
    /// Families in the order the probe meets them; also the order of `docs/diagnoses.md`.
    public static let families = [
        "dns", "tcp", "proxy", "starttls", "handshake", "alert", "proto", "cipher", "key", "sig", "not_tls",
        "cert", "chain", "ocsp", "revocation", "http", "app", "mqtt", "ws", "embedded", "internal",
    ]

    /// The row sets in catalogue order (within a family, docs/diagnoses.md follows it).
    static let rowSets: [any DiagnosisRowSet] = [
        ConnectionRows.shared, HandshakeRows.shared, DecidedAlertRows.shared, NegotiationRows.shared,
        CertificateRows.shared, CertificateDetailRows.shared, ChainRuleRows.shared, HTTPRows.shared,
        ProtocolRows.shared, EmbeddedRows.shared, BoundsRows.shared, WireRows.shared, RevocationRows.shared,
        ScanRows.shared,
    ]

    /// Every row declared in a row set (all but the per-alert rows).
    static let declaredEntries: [DiagnosisEntry] = rowSets.flatMap(\.rows)

    /// Every row: the declared ones, and one per registered TLS alert just before the two alert
    /// rows the registry does not give.
    public static let entries: [DiagnosisEntry] = rowSets.flatMap { set in
        (set is DecidedAlertRows ? registeredAlertEntries : []) + set.rows
    }

    // Built once. A duplicate id keeps the first row; `CatalogTests` fails on duplicates, so a
    // typo is caught in CI instead of crashing the tool at start-up.
    private static let entriesByID = Dictionary(entries.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })

    /// The row of an id. The probe's ids come from `DiagnosisID`'s names or are per-alert ids, and
    /// their rows are found without `entries`: assembling it reflects over every row set (`Mirror`,
    /// ~300 rows, ~7M instructions, more than a whole handshake), which only explain and the
    /// generated docs need. `CatalogTests` checks that both ways give the same rows.
    public static func entry(_ id: String) -> DiagnosisEntry? { shortcutEntry(id) ?? entriesByID[id] }

    /// Rows whose names were read through `DiagnosisID`, by id (probes run on several threads).
    private static let rowsRead = Mutex<[String: DiagnosisEntry]>([:])

    /// The id of a row set's row, keeping the row for `entry(_:)`.
    static func read<Rows: DiagnosisRowSet>(_ row: KeyPath<Rows, DiagnosisEntry>) -> String {
        let entry = Rows.shared[keyPath: row]
        rowsRead.withLock { rows in
            if rows[entry.id] == nil { rows[entry.id] = entry }
        }
        return entry.id
    }

    /// The row of `id` if its name was read or it is a registered alert's; nil otherwise (even
    /// when the catalogue has it).
    static func shortcutEntry(_ id: String) -> DiagnosisEntry? {
        rowsRead.withLock { $0[id] } ?? registeredAlertEntry(id)
    }

    /// The family of an id: the part before the first dot ("cert" for "cert.expired").
    public static func family(of id: String) -> String {
        String(id.prefix { $0 != "." })
    }

    public static func entries(inFamily family: String) -> [DiagnosisEntry] {
        entries.filter { Self.family(of: $0.id) == family }
    }
}
