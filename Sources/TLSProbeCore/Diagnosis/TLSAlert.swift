/// The TLS alert registry (IANA "TLS Alerts", RFC 8446 §6 and RFC 5246 §7.2), by number and name.
/// The probe engine maps a received alert number to the diagnosis id `alert.<name>`.
public enum TLSAlert {
    public struct Registration: Sendable, Equatable {
        public let code: UInt8
        public let name: String
    }

    /// Every registered alert, in numeric order. Names are the RFC spelling (snake_case).
    public static let registry: [Registration] = [
        (0, "close_notify"), (10, "unexpected_message"), (20, "bad_record_mac"),
        (21, "decryption_failed"), (22, "record_overflow"), (30, "decompression_failure"),
        (40, "handshake_failure"), (41, "no_certificate"), (42, "bad_certificate"),
        (43, "unsupported_certificate"), (44, "certificate_revoked"), (45, "certificate_expired"),
        (46, "certificate_unknown"), (47, "illegal_parameter"), (48, "unknown_ca"),
        (49, "access_denied"), (50, "decode_error"), (51, "decrypt_error"),
        (60, "export_restriction"), (70, "protocol_version"), (71, "insufficient_security"),
        (80, "internal_error"), (86, "inappropriate_fallback"), (90, "user_canceled"),
        (100, "no_renegotiation"), (109, "missing_extension"), (110, "unsupported_extension"),
        (111, "certificate_unobtainable"), (112, "unrecognized_name"),
        (113, "bad_certificate_status_response"), (114, "bad_certificate_hash_value"),
        (115, "unknown_psk_identity"), (116, "certificate_required"), (120, "no_application_protocol"),
    ].map { Registration(code: $0.0, name: $0.1) }

    private static let nameByCode = Dictionary(uniqueKeysWithValues: registry.map { ($0.code, $0.name) })
    private static let codeByName = Dictionary(uniqueKeysWithValues: registry.map { ($0.name, $0.code) })

    public static func name(for code: UInt8) -> String? { nameByCode[code] }

    /// Accepts the RFC name in any case ("handshake_failure", "HANDSHAKE_FAILURE").
    public static func code(for name: String) -> UInt8? { codeByName[name.lowercased()] }

    /// "handshake_failure (40)", the form used in the catalogue's `alert` column.
    public static func label(for code: UInt8) -> String {
        "\(name(for: code) ?? "unknown") (\(code))"
    }
}
