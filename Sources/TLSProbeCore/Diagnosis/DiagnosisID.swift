/// The id of every diagnosis the probe can emit, read from its catalogue row:
/// `DiagnosisID.certExpired` is the `id` of the row declared as `certExpired` in one of the
/// catalogue's row sets (`DiagnosisCatalog+<Family>.swift`). An id is declared only there, with
/// the facts its summary uses; a name with no row does not compile. Reading a name also keeps
/// its row for `DiagnosisCatalog.entry(_:)` (`DiagnosisCatalog.read`), so the probe finds the
/// rows it emits without the catalogue's table.
/// The strings are a contract with users' scripts: add new ids, never rename old ones.
/// A new row set gets one `subscript(dynamicMember:)` line below and its place in
/// `DiagnosisCatalog.rowSets`.
@dynamicMemberLookup
public enum DiagnosisID {
    public static subscript(dynamicMember row: KeyPath<DiagnosisCatalog.ConnectionRows, DiagnosisEntry>) -> String { DiagnosisCatalog.read(row) }
    public static subscript(dynamicMember row: KeyPath<DiagnosisCatalog.HandshakeRows, DiagnosisEntry>) -> String { DiagnosisCatalog.read(row) }
    public static subscript(dynamicMember row: KeyPath<DiagnosisCatalog.DecidedAlertRows, DiagnosisEntry>) -> String { DiagnosisCatalog.read(row) }
    public static subscript(dynamicMember row: KeyPath<DiagnosisCatalog.NegotiationRows, DiagnosisEntry>) -> String { DiagnosisCatalog.read(row) }
    public static subscript(dynamicMember row: KeyPath<DiagnosisCatalog.CertificateRows, DiagnosisEntry>) -> String { DiagnosisCatalog.read(row) }
    public static subscript(dynamicMember row: KeyPath<DiagnosisCatalog.CertificateDetailRows, DiagnosisEntry>) -> String { DiagnosisCatalog.read(row) }
    public static subscript(dynamicMember row: KeyPath<DiagnosisCatalog.ChainRuleRows, DiagnosisEntry>) -> String { DiagnosisCatalog.read(row) }
    public static subscript(dynamicMember row: KeyPath<DiagnosisCatalog.HTTPRows, DiagnosisEntry>) -> String { DiagnosisCatalog.read(row) }
    public static subscript(dynamicMember row: KeyPath<DiagnosisCatalog.EmbeddedRows, DiagnosisEntry>) -> String { DiagnosisCatalog.read(row) }
    public static subscript(dynamicMember row: KeyPath<DiagnosisCatalog.BoundsRows, DiagnosisEntry>) -> String { DiagnosisCatalog.read(row) }
    public static subscript(dynamicMember row: KeyPath<DiagnosisCatalog.WireRows, DiagnosisEntry>) -> String { DiagnosisCatalog.read(row) }
    public static subscript(dynamicMember row: KeyPath<DiagnosisCatalog.RevocationRows, DiagnosisEntry>) -> String { DiagnosisCatalog.read(row) }
    public static subscript(dynamicMember row: KeyPath<DiagnosisCatalog.ScanRows, DiagnosisEntry>) -> String { DiagnosisCatalog.read(row) }

    /// One id per registered alert name, "alert." + name (rows derived from `TLSAlert.registry`).
    public static func alert(named name: String) -> String { "alert." + name }
    public static let alertUnrecognizedName = alert(named: "unrecognized_name")

    /// Every id declared in a row set. The per-alert ids (`alert(named:)`) are not listed here:
    /// the catalogue derives them from `TLSAlert.registry`.
    public static var all: [String] { DiagnosisCatalog.declaredEntries.map(\.id) }
}

/// The ids of the starttls and app stages (STARTTLS, MQTT, WebSocket, mail, PostgreSQL), read
/// from `DiagnosisCatalog.ProtocolRows` like `DiagnosisID`'s.
@dynamicMemberLookup
public enum ProtocolDiagnosisID {
    public static subscript(dynamicMember row: KeyPath<DiagnosisCatalog.ProtocolRows, DiagnosisEntry>) -> String { DiagnosisCatalog.read(row) }

    public static var all: [String] { DiagnosisCatalog.ProtocolRows.shared.rows.map(\.id) }
}
