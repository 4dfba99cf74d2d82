/// --expect-tls-min and --expect-alpn: what the handshake negotiated, held against what the
/// user expects. A mismatch is an error (exit 21: the server only offers what policy forbids).
enum Expectations {
    /// For server_hello: `version` is OpenSSL's spelling, "TLSv1.2".
    static func version(_ version: String, _ context: ProbeContext) -> [Diagnosis] {
        guard let expected = context.options.expectTLSMin,
              let negotiated = TLSVersion(rawValue: String(version.dropFirst(4))),
              negotiated < expected else { return [] }
        return [context.diagnosis(DiagnosisID.protoBelowExpectedVersion, ["version": negotiated.label, "expected": expected.label])]
    }

    /// For finished: `alpn` is the protocol the server selected, nil when it selected none.
    static func alpn(_ alpn: String?, _ context: ProbeContext) -> [Diagnosis] {
        let options = context.options
        guard let expected = options.expectALPN else { return [] }
        let selected = alpn ?? noALPN
        guard selected != expected else { return [] }
        let offered = options.alpn.isEmpty ? noALPN : options.alpn.joined(separator: ",")
        return [context.diagnosis(DiagnosisID.protoUnexpectedALPN, ["alpn": selected, "expected": "--expect-alpn asks for \(expected)", "offered": offered])]
    }

    /// What `--expect-alpn` takes, and the report shows, when no protocol was selected.
    static let noALPN = "none"
}
