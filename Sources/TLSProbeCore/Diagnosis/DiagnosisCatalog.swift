// Temporary stand-in until the catalogue branch lands; replaced by the real table.
public enum DiagnosisCatalog {
    public static let entries: [DiagnosisEntry] = []
    public static func entry(_ id: String) -> DiagnosisEntry? { nil }
}
