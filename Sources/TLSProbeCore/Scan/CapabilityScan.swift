import FoundationEssentials

/// `tlsprobe scan`: what a server accepts. Runs on the address the probe connected to, with
/// tlsprobe's own ClientHellos (Wire/) for everything up to the ServerHello, so suites, groups
/// and versions OpenSSL cannot speak count, and OpenSSL handshakes for what comes after it
/// (certificates, OCSP, ALPN, resumption).
///
/// Three rounds, each as parallel as the server allows (`concurrency` connections at once):
///   1. the widest offer of each version (is it spoken, and the first choice);
///   2. the rest of each suite enumeration, groups, signature schemes, compression, fallback
///      SCSV, encrypt-then-MAC, the SSL 2.0 CLIENT-HELLO, and the OpenSSL handshakes (client-
///      initiated renegotiation among them);
///   3. per version, one reversed offer: does the server have an order of its own; and the
///      DH group of the DHE suites, read from ServerKeyExchanges.
public enum CapabilityScan {
    /// Connections open at once. 8, not 16: gnutls-serv (one process serving connections in turn)
    /// took 1,089 ms for the scan with 16 and 435 ms with 8 (sslscan: 880 ms), while OpenSSL's
    /// s_server took the same ~1.37 s with 4, 8 or 16 (bench/scan.sh, release, idle machine).
    public static let defaultConcurrency = 8

    static func run(session: ScanSession) -> ScanReport {
        let start = Deadline.now
        var report = ScanReport()

        // 1. Which versions.
        let versions = ScanVersion.allCases
        let firsts = session.parallelMap(versions) { SuiteEnumeration.firstOffer($0, session: session) }
        let spoken = zip(versions, firsts).filter { SuiteEnumeration.accepts($0.1, $0.0) }.map(\.0)
        let legacy = spoken.filter { !$0.isTLS13 }.max()
        let tls13 = spoken.contains(.tls13)

        // 2. Everything else at once.
        enum Job: Sendable { case suites(Int), groups13, groupsLegacy, signatures(ScanVersion), anySignature(ScanVersion), compression, fallback, encryptThenMAC, handshakes, sslv2, renegotiation(TLSVersion) }
        var jobs: [Job] = versions.indices.filter { spoken.contains(versions[$0]) }.map { .suites($0) } + [.sslv2]
        if tls13 { jobs += [.groups13, .signatures(.tls13), .anySignature(.tls13)] }
        if let legacy {
            jobs += [.groupsLegacy, .compression, .encryptThenMAC]
            if legacy >= .tls12 { jobs += [.signatures(legacy), .anySignature(legacy)] }
        }
        let ordered = spoken.sorted(by: >)
        let fallbackVersion = ordered.count >= 2 ? ordered[1] : nil
        if fallbackVersion != nil { jobs.append(.fallback) }
        if let legacy, legacy >= .tls10, let version = TLSVersion(wireValue: Int(legacy.code)),
           firsts[versions.firstIndex(of: legacy)!].outcome.answeredHello?.has(WireExtension.renegotiationInfo) == true {
            jobs.append(.renegotiation(version))
        }
        if !spoken.isEmpty { jobs.append(.handshakes) }

        enum Outcome: Sendable {
            case suites(SuiteEnumeration), codes([UInt16]), signatures(ScanVersion, [UInt16]), flag(Bool?), handshakes(HandshakeChecks.Findings), sslv2(SSLv2Hello.Answer), renegotiation(RenegotiationCheck.Result)
        }
        let outcomes = ScanSession.parallelMap(jobs, width: jobs.count) { job -> Outcome in
            let r: Outcome
            switch job {
            case .suites(let index): r = .suites(SuiteEnumeration.run(versions[index], first: firsts[index], session: session))
            case .groups13: r = .codes(GroupScan.tls13(session: session))
            case .groupsLegacy: r = .codes(GroupScan.ecdhe(legacy!, session: session))
            case .signatures(let version): r = .signatures(version, SignatureScan.run(version, session: session))
            case .anySignature(let version): r = .signatures(version, SignatureScan.ignoresList(version, session: session) == true ? [1] : [])
            case .compression: r = .flag(LegacyFeatureChecks.compression(legacy!, suites: legacy!.candidateSuites, session: session))
            case .fallback: r = .flag(LegacyFeatureChecks.fallbackSCSV(lower: fallbackVersion!, suites: fallbackVersion!.candidateSuites, session: session))
            case .encryptThenMAC: r = .flag(LegacyFeatureChecks.encryptThenMAC(legacy!, session: session))
            case .sslv2: r = .sslv2(session.offerSSLv2())
            case .renegotiation(let version): r = .renegotiation(RenegotiationCheck.run(version, session: session))
            case .handshakes: r = .handshakes(HandshakeChecks.run(session: session, maxVersion: spoken.contains(.tls13) ? .tls13 : legacy.flatMap { TLSVersion(wireValue: Int($0.code)) }))
            }
            return r
        }

        var enumerations: [ScanVersion: SuiteEnumeration] = [:]
        var handshakes = HandshakeChecks.Findings()
        var sslv2 = SSLv2Hello.Answer.timedOut
        for (job, outcome) in zip(jobs, outcomes) {
            switch (job, outcome) {
            case (.suites, .suites(let found)): enumerations[found.version] = found
            case (.groups13, .codes(let codes)): report.groups[ScanVersion.tls13.key] = codes.map { ScannedCode(code: $0, name: WireGroup.name($0)) }
            case (.groupsLegacy, .codes(let codes)): report.groups[legacy!.key] = codes.map { ScannedCode(code: $0, name: WireGroup.name($0)) }
            case (.signatures, .signatures(let version, let codes)):
                report.signatureAlgorithms[version.key] = codes.map { ScannedCode(code: $0, name: WireSignatureScheme.name($0)) }
            case (.anySignature, .signatures(let version, let flag)): if !flag.isEmpty { report.signatureAlgorithmsIgnored.append(version.key) }
            case (.compression, .flag(let value)): report.features.compression = value
            case (.fallback, .flag(let value)): report.features.fallbackSCSV = value
            case (.encryptThenMAC, .flag(let value)): report.features.encryptThenMAC = value
            case (.handshakes, .handshakes(let found)): handshakes = found
            case (.sslv2, .sslv2(let answer)): sslv2 = answer
            case (.renegotiation, .renegotiation(let found)):
                report.features.clientRenegotiation = found.allowed
                if found.allowed == nil { report.notes.append("client-initiated renegotiation: \(found.answer)") }
            default: break
            }
        }

        // 3. Server order, per version with two suites or more; the DH group of the DHE suites.
        let withSuites = spoken.compactMap { enumerations[$0] }
        let dheVersion = spoken.filter { !$0.isTLS13 }.sorted(by: >).first { enumerations[$0]?.accepted.contains(where: FFDHEGroups.isDHESuite) == true }
        enum Later: Sendable { case order(SuiteEnumeration), dhe(ScanVersion, [UInt16]) }
        enum LaterOutcome: Sendable { case order(Bool?), dhe([ScannedDHParameters], [String]) }
        let later: [Later] = withSuites.map { .order($0) } + (dheVersion.map { [.dhe($0, enumerations[$0]?.accepted ?? [])] } ?? [])
        let laterOutcomes = session.parallelMap(later) { job -> LaterOutcome in
            switch job {
            case .order(let found): return .order(found.serverOrder(session: session))
            case .dhe(let version, let accepted):
                let found = DHEScan.run(version, accepted: accepted, session: session)
                return .dhe(found.parameters, found.notes)
            }
        }
        for (job, outcome) in zip(later, laterOutcomes) {
            switch (job, outcome) {
            case (.order(let found), .order(let order?)): report.serverOrder[found.version.key] = order
            case (.dhe, .dhe(let parameters, let notes)):
                report.dhParameters = parameters
                report.notes += notes
            default: break
            }
        }

        // SSL 2.0 first: its own record format, outside `ScanVersion` (no suites of the TLS registry).
        report.versions.append(ScannedVersion(key: ScanReport.ssl2Key, name: "SSL 2.0", accepted: sslv2.speaksSSLv2, answer: sslv2.label))
        if case .serverHello(_, let specs, _) = sslv2 {
            report.ssl2CipherSpecs = specs.map { ScannedCode(code: SSLv2Hello.codeText($0), name: SSLv2Hello.name($0)) }
        }
        for (index, version) in versions.enumerated() {
            let found = enumerations[version]
            let accepted = spoken.contains(version)
            let answer = accepted ? (found?.answerText ?? firsts[index].outcome.label) : versionAnswer(firsts[index], version)
            report.versions.append(ScannedVersion(key: version.key, name: version.label, accepted: accepted, answer: answer))
            if let found, accepted {
                report.cipherSuites[version.key] = found.accepted.compactMap(CipherSuiteTable.info).map(ScannedSuite.init)
                if let note = found.stopNote { report.notes.append(note) }
            }
        }
        // What the first answer at the best TLS ≤ 1.2 version said about its extensions.
        if let legacy, let hello = firsts[versions.firstIndex(of: legacy)!].outcome.answeredHello {
            report.features.secureRenegotiation = hello.has(WireExtension.renegotiationInfo)
            report.features.extendedMasterSecret = hello.has(WireExtension.extendedMasterSecret)
            report.features.sessionTickets = hello.has(WireExtension.sessionTicket)
        }
        if let tickets13 = handshakes.tls13Tickets, tls13 {
            report.features.sessionTickets = (report.features.sessionTickets ?? false) || tickets13
        }
        report.certificates = handshakes.certificates
        report.features.ocspStapling = handshakes.ocspStapling
        report.features.alpn = handshakes.alpn
        report.features.resumptionSessionID = legacy == nil ? nil : handshakes.resumptionSessionID
        report.features.resumptionTicket = handshakes.resumptionTicket
        report.notes += handshakes.notes
        if session.deadline.hasPassed { report.notes.append("the scan's deadline passed: some answers are missing (raise --timeout)") }
        report.connections = session.connections
        report.durationMs = StageReport.rounded(Deadline.millisecondsSince(start))
        return report
    }

    private static func versionAnswer(_ result: RawHelloResult, _ version: ScanVersion) -> String {
        if let hello = result.outcome.answeredHello { return "answered with \(WireVersion.name(hello.selectedVersion))" }
        return result.outcome.label
    }
}
