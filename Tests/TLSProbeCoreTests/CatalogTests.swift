import Testing
@testable import TLSProbeCore

/// The fact keys DiagnosisID.swift documents, per family and per id. Summary templates may only
/// use these: the probe supplies nothing else, and an unknown key would show up as "{key}".
private enum DocumentedFacts {
    static let common: Set<String> = ["host", "port", "stage"]

    static let byFamily: [String: Set<String>] = [
        "dns": ["host", "detail", "family"],
        "tcp": ["address", "seconds", "detail"],
        "proxy": ["proxy", "status", "detail"],
        "handshake": ["after", "seconds", "bytes"],
        "alert": ["alert", "code", "after"],
        "proto": ["server_versions", "offered", "version"],
        "cipher": ["cipher", "offered", "server_ciphers"],
        "key": ["bits", "group", "curve", "subject", "depth"],
        "sig": ["subject", "depth", "algorithm"],
        "not_tls": ["preview", "hex", "protocol"],
        "cert": ["subject", "issuer", "depth", "not_before", "not_after", "days", "now", "names", "host", "code", "reason"],
        "chain": ["missing_issuer", "aia_url", "subject", "depth", "order", "extra"],
        "http": ["status", "status_line", "location", "max_age", "seconds", "bytes", "preview", "after"],
        "internal": [],
        "starttls": ["protocol", "command", "scheme", "implicit", "offered", "reply", "detected", "preview", "expected",
                     "waiting_for", "seconds", "bytes", "how", "limit", "evidence"],
        "app": ["protocol", "waiting_for", "seconds", "bytes", "how", "limit", "detected", "preview", "reply", "expected",
                "keyword", "code", "message", "user", "database"],
        "mqtt": ["code", "meaning", "version", "advice", "reason", "client", "sni", "alpn"],
        "ws": ["status", "status_line", "location", "accept", "wanted", "chosen"],
        "ocsp": ["subject", "issuer", "detail", "consequence"],
        "revocation": ["subject", "depth", "method", "url", "detail"],
        "embedded": ["client", "profile", "server_versions", "offered", "cipher", "sigalg", "bytes", "limit", "subject", "depth",
                     "bits", "max_bits", "effect", "what", "flags", "issuer", "root", "bundle", "snapshot", "sni", "not_after",
                     "code", "chip", "logged", "version", "reason"],
    ]

    static let byID: [String: Set<String>] = [
        DiagnosisID.dnsTimeout: ["seconds"],
        DiagnosisID.handshakeIntolerance: ["feature", "evidence", "clients", "retry"],
        DiagnosisID.cipherCBC: ["aead_choice"],
        DiagnosisID.sigNoShared: ["server_sigalgs", "offered"],
        DiagnosisID.handshakeSNIRequired: ["sni"],
        DiagnosisID.handshakeFailed: ["detail"],
        DiagnosisID.handshakeUnexpectedMessage: ["detail"],
        DiagnosisID.alertClientCertRequired: ["ca_names", "version", "ending"],
        DiagnosisID.alertUnrecognizedName: ["sni"],
        DiagnosisID.cipherWeak: ["reason"],
        DiagnosisID.cipherNormalClientDiffers: ["normal_cipher"],
        DiagnosisID.keyNoForwardSecrecy: ["cipher"],
        DiagnosisID.keyNoSharedGroup: ["offered_groups", "server_groups"],
        DiagnosisID.notTLSPlainHTTP: ["status_line"],
        DiagnosisID.certExpiresSoon: ["threshold"],
        DiagnosisID.certUntrustedRoot: ["root", "sent"],
        DiagnosisID.certHostnameMismatch: ["wildcard_note"],
        DiagnosisID.certCNOnly: ["cn"],
        DiagnosisID.certWrongPurpose: ["eku"],
        DiagnosisID.certTooLarge: ["bytes", "limit"],
        DiagnosisID.certMalformed: ["detail"],
        DiagnosisID.chainIntermediateExpired: ["not_after", "days"],
        DiagnosisID.chainRootIncluded: ["root"],
        DiagnosisID.httpUnexpectedStatus: ["expected"],
        DiagnosisID.protoBelowExpectedVersion: ["expected"],
        DiagnosisID.protoUnexpectedALPN: ["alpn", "expected", "offered"],
        DiagnosisID.httpHeadersTooLarge: ["limit"],
        DiagnosisID.internalError: ["detail"],
        DiagnosisID.httpClientCertRequired: ["ca_names"],
        DiagnosisID.handshakeClientCertRequested: ["ca_names"],
        DiagnosisID.handshakeMalformedServerHello: ["limit"],
        DiagnosisID.handshakeMessageTooLarge: ["message", "limit"],
        DiagnosisID.handshakePostHandshakeFlood: ["count", "messages", "limit"],
        DiagnosisID.httpInterimOnly: ["count", "interim", "ending"],
        DiagnosisID.certRevoked: ["revocation"],
        DiagnosisID.chainLeafNotFirst: ["detail", "leaf", "position"],
        DiagnosisID.chainInterception: ["root", "product", "kind"],
        DiagnosisID.chainWrongIssuerSent: ["issuer", "detail"],
        DiagnosisID.chainAnchorUnusable: ["issuer", "detail"],
        DiagnosisID.chainNameConstraints: ["ca", "detail"],
        DiagnosisID.chainPathLength: ["ca", "pathlen", "below"],
        DiagnosisID.chainIssuerNotCA: ["detail"],
        DiagnosisID.chainCAKeyUsage: ["detail"],
        DiagnosisID.chainCAPurpose: ["eku"],
        DiagnosisID.chainKeyIdentifier: ["detail"],
        DiagnosisID.chainPolicy: ["detail"],
        DiagnosisID.chainStrict: ["detail", "who"],
        DiagnosisID.certKeyUsage: ["detail"],
        DiagnosisID.certBasicConstraints: ["detail"],
        DiagnosisID.certCriticalExtension: ["detail"],
        DiagnosisID.certInvalidExtension: ["detail"],
        DiagnosisID.certUnusableKey: ["detail"],
        DiagnosisID.certSignatureAlgorithm: ["detail"],
        DiagnosisID.certVerifyUnspecified: ["detail"],
        DiagnosisID.certNotAfterBoundary: [],
    ]

    static func allowed(for id: String) -> Set<String> {
        common
            .union(byFamily[DiagnosisCatalog.family(of: id)] ?? [])
            .union(byID[id] ?? [])
    }
}

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
    @Test(arguments: DiagnosisID.all)
    func everyProbeIDHasAnEntry(id: String) {
        #expect(DiagnosisCatalog.entry(id) != nil, "no catalogue row for \(id)")
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

    @Test(arguments: DiagnosisCatalog.entries.map(\.id))
    func summaryUsesOnlyDocumentedFacts(id: String) throws {
        let entry = try #require(DiagnosisCatalog.entry(id))
        let unknown = Set(placeholders(in: entry.summaryTemplate)).subtracting(DocumentedFacts.allowed(for: entry.id))
        #expect(unknown.isEmpty, "\(entry.id) uses undocumented facts \(unknown.sorted())")
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
