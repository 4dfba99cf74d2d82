public enum TLSProbeVersion {
    public static let current = "0.1.0"
    /// The date the man page carries for this version (scripts/update-docs.sh reads it), so
    /// regenerating the page never changes it; bump it together with `current`.
    public static let manualDate = "2026-11-26"
}
