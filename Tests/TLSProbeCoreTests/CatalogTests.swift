import Testing
@testable import TLSProbeCore

private func placeholders(in template: String) -> [String] {
    var keys: [String] = []
    var rest = Substring(template)
    while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
        keys.append(String(rest[rest.index(after: open)..<close]))
        rest = rest[rest.index(after: close)...]
    }
    return keys
}

@Suite struct CatalogTests {
    /// A row set's rows are read by reflection: a stored property that is not a row would be
    /// skipped silently, so there must be none.
    @Test(arguments: DiagnosisCatalog.rowSets.map { ($0, "\(type(of: $0))") })
    func everyStoredPropertyOfARowSetIsARow(set: any DiagnosisRowSet, name: String) {
        let children = Mirror(reflecting: set).children
        #expect(!children.isEmpty, "\(name) has no rows")
        #expect(set.rows.count == children.count, "\(name): \(children.map { $0.label ?? "?" })")
    }

    /// The Swift names read their ids from the rows (a contract: ids are never renamed).
    @Test func namesReadTheirIDsFromTheRows() {
        #expect(DiagnosisID.certExpired == "cert.expired")
        #expect(DiagnosisID.handshakeUnexpectedMessage == "handshake.unexpected_record")
        #expect(ProtocolDiagnosisID.postgresNoSSL == "starttls.postgres_no_ssl")
        #expect(DiagnosisID.alertUnrecognizedName == "alert.unrecognized_name")
        #expect(Set(DiagnosisID.all).isSubset(of: Set(DiagnosisCatalog.entries.map(\.id))))
        #expect(Set(ProtocolDiagnosisID.all).isSubset(of: Set(DiagnosisID.all)))
    }

    /// The probe finds its rows without the catalogue's table (`DiagnosisCatalog.shortcutEntry`):
    /// the rows of names read through `DiagnosisID` and the registered alerts' rows, made from the
    /// registry. Both must be exactly the catalogue's rows.
    @Test func theProbesShortcutsGiveTheCataloguesRows() throws {
        let catalogue = Dictionary(DiagnosisCatalog.entries.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let read = [DiagnosisID.certExpired, DiagnosisID.certExpiresSoon, DiagnosisID.httpNoHSTS, DiagnosisID.alertClientCertRequired,
                    DiagnosisID.alertUnknown, DiagnosisID.chainMissingIntermediate, ProtocolDiagnosisID.postgresNoSSL]
        let alerts = TLSAlert.registry.map { DiagnosisID.alert(named: $0.name) }
        for id in read + alerts {
            let shortcut = try #require(DiagnosisCatalog.shortcutEntry(id), "\(id)")
            let row = try #require(catalogue[id], "\(id)")
            #expect(String(reflecting: shortcut) == String(reflecting: row), "\(id)")
        }
        // Whatever other tests have read by now: a shortcut is the catalogue's row or nothing.
        for (id, row) in catalogue {
            if let shortcut = DiagnosisCatalog.shortcutEntry(id) {
                #expect(String(reflecting: shortcut) == String(reflecting: row), "\(id)")
            }
        }
        // Not a registered name, exactly: no shortcut, and the catalogue has no such row either.
        for id in ["alert.HANDSHAKE_FAILURE", "alert.", "alert.no_such_alert", "cert.no_such_row"] {
            #expect(DiagnosisCatalog.shortcutEntry(id) == nil, "\(id)")
            #expect(DiagnosisCatalog.entry(id) == nil, "\(id)")
        }
    }

    @Test(arguments: TLSAlert.registry)
    func everyRegisteredAlertHasAnEntry(alert: TLSAlert.Registration) throws {
        let entry = try #require(DiagnosisCatalog.entry(DiagnosisID.alert(named: alert.name)))
        #expect(entry.alert == "\(alert.name) (\(alert.code))")
        #expect(entry.exitStatus == .handshakeAlert)
    }

    @Test func idsAreUnique() {
        let ids = DiagnosisCatalog.entries.map(\.id)
        let duplicates = Dictionary(grouping: ids, by: { $0 }).filter { $0.value.count > 1 }.keys
        #expect(duplicates.isEmpty, "duplicate ids: \(duplicates.sorted())")
    }

    @Test(arguments: DiagnosisCatalog.entries.map(\.id))
    func idIsLowerCaseFamilyDotName(id: String) {
        let parts = id.split(separator: ".", omittingEmptySubsequences: false)
        #expect(parts.count == 2)
        #expect(DiagnosisCatalog.families.contains(DiagnosisCatalog.family(of: id)))
        #expect(id.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "_" || $0 == "." }, "\(id)")
    }

    /// Each row lists the facts its summary uses: the emitting code must pass exactly these, so a
    /// template that starts using a new fact changes the row's declared contract too.
    @Test(arguments: DiagnosisCatalog.entries.map(\.id))
    func summaryUsesExactlyTheRowsFacts(id: String) throws {
        let entry = try #require(DiagnosisCatalog.entry(id))
        let used = placeholders(in: entry.summaryTemplate)
        #expect(Set(used) == Set(entry.facts), "\(entry.id) uses \(used), declares \(entry.facts)")
        #expect(Set(entry.facts).count == entry.facts.count, "\(entry.id) declares a fact twice")
    }

    @Test(arguments: DiagnosisCatalog.entries.map(\.id))
    func exitStatusMatchesSeverity(id: String) throws {
        let entry = try #require(DiagnosisCatalog.entry(id))
        if entry.severity == .error {
            #expect(entry.exitStatus != .success, "\(entry.id) is an error with exit 0")
        } else {
            #expect(entry.exitStatus == .success, "\(entry.id) is \(entry.severity) but exits \(entry.exitStatus.rawValue)")
        }
    }

    @Test(arguments: DiagnosisCatalog.entries.map(\.id))
    func textIsPresentAndOneLine(id: String) throws {
        let entry = try #require(DiagnosisCatalog.entry(id))
        #expect(!entry.title.isEmpty && !entry.explanation.isEmpty && !entry.fixServer.isEmpty)
        #expect(!entry.summaryTemplate.contains("\n"))
    }

    /// The exit-code contract from the brief, spot-checked per family.
    @Test(arguments: [
        (DiagnosisID.dnsNoSuchName, TLSProbeCore.ExitStatus.dnsFailed, StageName.dns),
        (DiagnosisID.tcpRefused, .tcpRefused, .tcp),
        (DiagnosisID.tcpTimeout, .tcpTimeout, .tcp),
        (DiagnosisID.tcpError, .tcpUnreachable, .tcp),
        (DiagnosisID.proxyDenied, .proxyFailed, .proxy),
        (DiagnosisID.handshakeTimeout, .handshakeTimeout, .serverHello),
        (DiagnosisID.handshakeAbruptClose, .peerClosed, .serverHello),
        (DiagnosisID.handshakeReset, .peerClosed, .serverHello),
        (DiagnosisID.alertClientCertRequired, .handshakeAlert, .finished),
        ("alert.handshake_failure", .handshakeAlert, .serverHello),
        (DiagnosisID.protoTLS10Only, .noCommonParameters, .serverHello),
        (DiagnosisID.keyWeakDH, .noCommonParameters, .keyExchange),
        (DiagnosisID.keyWeakRSA, .otherCertificateProblem, .certificate),
        (DiagnosisID.sigSHA1, .otherCertificateProblem, .certificate),
        (DiagnosisID.notTLSPlainHTTP, .notTLS, .serverHello),
        (DiagnosisID.certExpired, .certificateExpired, .certificate),
        (DiagnosisID.certSelfSigned, .untrustedChain, .certificate),
        (DiagnosisID.certHostnameMismatch, .hostnameMismatch, .certificate),
        (DiagnosisID.chainMissingIntermediate, .incompleteChain, .certificate),
        (DiagnosisID.chainIntermediateExpired, .certificateExpired, .certificate),
        (DiagnosisID.httpStatus5xx, .httpFailed, .http),
        (DiagnosisID.internalError, .internalError, .finished),
    ])
    func contractExitAndStage(id: String, exit: TLSProbeCore.ExitStatus, stage: StageName) throws {
        let entry = try #require(DiagnosisCatalog.entry(id))
        #expect(entry.exitStatus == exit)
        #expect(entry.stage == stage)
    }

    @Test func summaryFillsFacts() throws {
        let entry = try #require(DiagnosisCatalog.entry(DiagnosisID.certExpired))
        let line = entry.summary(with: ["subject": "example.com", "not_after": "2024-01-01", "days": "3 days"])
        #expect(line == "The leaf certificate \"example.com\" expired on 2024-01-01, 3 days ago.")
    }

    @Test(arguments: [(UInt8(40), "handshake_failure"), (116, "certificate_required"), (0, "close_notify"), (120, "no_application_protocol")])
    func alertNamesRoundTrip(code: UInt8, name: String) {
        #expect(TLSAlert.name(for: code) == name)
        #expect(TLSAlert.code(for: name) == code)
        #expect(TLSAlert.code(for: name.uppercased()) == code)
    }

    @Test func unregisteredAlertHasNoName() {
        #expect(TLSAlert.name(for: 255) == nil)
        #expect(TLSAlert.code(for: "no_such_alert") == nil)
    }

    @Test func alertReasonNamesFollowOpenSSL() throws {
        #expect(try #require(DiagnosisCatalog.entry("alert.unknown_ca")).openssl == "SSL_R_TLSV1_ALERT_UNKNOWN_CA (1048)")
        #expect(try #require(DiagnosisCatalog.entry("alert.bad_certificate")).openssl == "SSL_R_SSLV3_ALERT_BAD_CERTIFICATE (1042)")
        #expect(try #require(DiagnosisCatalog.entry("alert.unrecognized_name")).openssl == "SSL_R_TLSV1_UNRECOGNIZED_NAME (1112)")
        #expect(try #require(DiagnosisCatalog.entry("alert.certificate_required")).openssl == "SSL_R_TLSV13_ALERT_CERTIFICATE_REQUIRED (1116)")
        #expect(try #require(DiagnosisCatalog.entry("alert.user_canceled")).openssl == "SSL_R_TLSV1_ALERT_USER_CANCELLED (1090)")
    }
}
