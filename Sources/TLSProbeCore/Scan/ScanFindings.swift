/// The findings of a scan that matter, as catalogue diagnoses. Only what the answers show:
/// an id is emitted when the server accepted the thing, never on a missing answer.
enum ScanFindings {
    static func diagnoses(for scan: ScanReport, facts base: [String: String]) -> [Diagnosis] {
        func make(_ id: String, _ facts: [String: String]) -> Diagnosis {
            Diagnosis(id: id, facts: base.merging(facts) { _, new in new })
        }
        var found: [Diagnosis] = []
        if scan.acceptsSSLv2 {
            let names = scan.ssl2CipherSpecs.map(\.name)
            found.append(make(DiagnosisID.protoSSL2Accepted, ["ciphers": names.isEmpty ? "no cipher kind" : names.joined(separator: ", ")]))
        }
        let spoken = scan.acceptedVersions
        guard let best = spoken.max() else { return found }
        let legacy = spoken.filter { !$0.isTLS13 }.max()

        if spoken.contains(.ssl3), let row = scan.versions.first(where: { $0.key == ScanVersion.ssl3.key }) {
            found.append(make(DiagnosisID.protoSSL3Accepted, ["answer": row.answer]))
        }
        let old = spoken.filter { $0 == .tls10 || $0 == .tls11 }
        // Only alongside a newer version: a server with nothing newer is proto.tls10_only/tls11_only (the probe's).
        if !old.isEmpty, best >= .tls12 {
            found.append(make(DiagnosisID.protoLegacyAccepted, ["versions": old.map(\.label).joined(separator: " and ")]))
        }
        if !spoken.contains(.tls13) { found.append(make(DiagnosisID.protoNoTLS13, ["best": best.label])) }

        // Suites: every version's, each suite once, in the order met from the best version down.
        var seen: Set<String> = []
        var all: [ScannedSuite] = []
        for version in spoken.sorted(by: >) {
            for suite in scan.suites(version) where seen.insert(suite.code).inserted { all.append(suite) }
        }
        let broken = all.compactMap { suite -> (ScannedSuite, String)? in
            guard let info = CipherSuiteTable.info(UInt16(suite.code.dropFirst(2), radix: 16) ?? 0) else { return nil }
            return brokenReason(info).map { (suite, $0) }
        }
        // One cipher.weak per reason, naming every suite that has it.
        var reasons: [String] = []
        for (_, reason) in broken where !reasons.contains(reason) { reasons.append(reason) }
        for reason in reasons {
            let names = broken.filter { $0.1 == reason }.map(\.0.name)
            found.append(make(DiagnosisID.cipherWeak, ["cipher": names.joined(separator: ", "), "reason": reason]))
        }
        let tripleDES = all.filter { $0.encryption.hasPrefix("3DES") }
        if !tripleDES.isEmpty { found.append(make(DiagnosisID.cipher3DES, ["cipher": tripleDES.map(\.name).joined(separator: ", ")])) }
        if !all.isEmpty, !all.contains(where: \.aead) { found.append(make(DiagnosisID.cipherNoAEAD, ["best": best.label])) }

        // The server's first choice at its best version: what a client offering everything gets.
        if let first = scan.suites(best).first, !first.forwardSecrecy, scan.serverOrder[best.key] != false {
            found.append(make(DiagnosisID.keyNoForwardSecrecy, ["cipher": first.name]))
        }
        let static_ = all.filter { !$0.forwardSecrecy && $0.authentication != "None" }
        if !static_.isEmpty {
            found.append(make(DiagnosisID.keyStaticAccepted, ["cipher": static_.prefix(3).map(\.name).joined(separator: ", "), "count": String(static_.count)]))
        }

        if let weakest = scan.dhParameters.min(by: { $0.bits < $1.bits }), weakest.isWeak {
            found.append(make(DiagnosisID.keyWeakDH, ["bits": String(weakest.bits), "group": weakest.group ?? "the server's own prime",
                                                      "cipher": weakest.cipher]))
        }

        if let legacy {
            if scan.features.compression == true { found.append(make(DiagnosisID.handshakeCompression, ["version": legacy.label])) }
            if scan.features.secureRenegotiation == false, legacy != .ssl3 {
                found.append(make(DiagnosisID.handshakeInsecureRenegotiation, ["version": legacy.label]))
            }
            if scan.features.clientRenegotiation == true {
                found.append(make(DiagnosisID.handshakeClientRenegotiation, ["version": legacy.label]))
            }
            if scan.features.extendedMasterSecret == false, legacy != .ssl3 {
                found.append(make(DiagnosisID.handshakeNoExtendedMasterSecret, ["version": legacy.label]))
            }
        }
        if scan.features.fallbackSCSV == false {
            let ordered = spoken.sorted(by: >)
            found.append(make(DiagnosisID.handshakeNoFallbackSCSV, ["version": ordered.count > 1 ? ordered[1].label : best.label, "best": best.label]))
        }
        return found
    }

    /// The reasons cipher.weak names: no real protection at all.
    static func brokenReason(_ info: CipherSuiteInfo) -> String? {
        if info.export { return "EXPORT" }
        if info.encryption.hasPrefix("None") { return "NULL" }
        if info.authentication == "None" || info.ianaName.contains("_anon_") { return "anonymous" }
        if info.encryption.hasPrefix("RC4") { return "RC4" }
        if info.encryption.hasPrefix("DES(") || info.encryption.hasPrefix("DES40") { return "DES" }
        if info.encryption.hasPrefix("RC2") { return "RC2" }
        return nil
    }
}
