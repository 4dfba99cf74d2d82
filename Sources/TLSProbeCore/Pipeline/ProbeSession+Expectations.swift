/// --expect-tls-min and --expect-alpn: what the handshake negotiated, held against what the
/// user expects. A mismatch is an error (exit 21: the server only offers what policy forbids).
extension ProbeSession {
    /// For server_hello: `version` is OpenSSL's spelling, "TLSv1.2".
    func versionExpectation(_ version: String) -> [Diagnosis] {
        guard let expected = options.expectTLSMin,
              let negotiated = TLSVersion(rawValue: String(version.dropFirst(4))),
              negotiated < expected else { return [] }
        return [diagnosis(DiagnosisID.protoBelowExpectedVersion, ["version": negotiated.label, "expected": expected.label])]
    }

    /// For finished: `alpn` is the protocol the server selected, nil when it selected none.
    func alpnExpectation(_ alpn: String?) -> [Diagnosis] {
        guard let expected = options.expectALPN else { return [] }
        let selected = alpn ?? Self.noALPN
        guard selected != expected else { return [] }
        let offered = options.alpn.isEmpty ? Self.noALPN : options.alpn.joined(separator: ",")
        return [diagnosis(DiagnosisID.protoUnexpectedALPN, ["alpn": selected, "expected": expected, "offered": offered])]
    }

    /// What `--expect-alpn` takes, and the report shows, when no protocol was selected.
    static let noALPN = "none"
}
