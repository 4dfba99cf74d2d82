import FoundationEssentials

/// What `tlsprobe check` judges: chain files (their certificates in order, leaf first, as a
/// server configured with them sends them), optionally the private key and the name to serve.
public struct CertificateCheckRequest: Sendable {
    public var files: [String]
    public var keyFile: String?
    /// The name the certificate must be valid for (nil: the name is not checked).
    public var name: String?

    public init(files: [String], keyFile: String? = nil, name: String? = nil) {
        self.files = files
        self.keyFile = keyFile
        self.name = name
    }
}

/// One input file as read.
public struct CheckedFile: Codable, Sendable, Equatable {
    public var path: String
    /// "PEM", "DER", "PKCS#7 (PEM)", "PKCS#7 (DER)".
    public var format: String
    public var certificates: Int

    enum CodingKeys: String, CodingKey { case path, format, certificates }
}

/// `check --key`: does the key belong to the leaf.
public struct KeyCheck: Codable, Sendable, Equatable {
    public var path: String
    /// "RSA 2048 bits", "EC P-256", "ED25519".
    public var keyType: String
    public var matchesLeaf: Bool

    enum CodingKeys: String, CodingKey {
        case path
        case keyType = "key_type"
        case matchesLeaf = "matches_leaf"
    }
}

/// The files `check` read and the key it matched; in the report as `check` (absent for probes).
public struct CheckInput: Codable, Sendable, Equatable {
    public var files: [CheckedFile]
    public var key: KeyCheck?

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(files, forKey: .files)
        try container.encode(key, forKey: .key)
    }

    enum CodingKeys: String, CodingKey { case files, key }
}

extension ProbeEngine {
    /// `tlsprobe check`: the certificate stage on files, with the trust store, --at, thresholds
    /// and --client profile of this engine. Throws only for input that cannot be read (exit 66);
    /// every finding about the certificates is in the report, as for a probe.
    public func check(_ request: CertificateCheckRequest, observer: (@Sendable (StageReport) -> Void)? = nil) throws(ProbeSetupError) -> ProbeReport {
        try CertificateFileCheck.run(self, request, observer: observer)
    }
}

/// Runs the live probe's certificate stage (`CertificateStage.judge`) on a chain read from
/// files: the same ChainUnderTest, verified as the handshake verifies (same store, purpose,
/// name, time, security level), so the same diagnoses come out for the same chain.
enum CertificateFileCheck {
    static func run(_ engine: ProbeEngine, _ request: CertificateCheckRequest, observer: (@Sendable (StageReport) -> Void)?) throws(ProbeSetupError) -> ProbeReport {
        // Read everything first: unreadable input ends the run (exit 66) before any judgement.
        guard let sent = X509Stack() else { throw .inputFile("cannot allocate a certificate stack") }
        var files: [CheckedFile] = []
        for path in request.files {
            do {
                let (stack, form) = try CertificateFileReader.certificates(at: path)
                for certificate in stack.certificates { sent.append(sharing: certificate) }
                files.append(CheckedFile(path: path, format: form, certificates: stack.count))
            } catch {
                throw .inputFile(error.description)
            }
        }
        var key: PrivateKey?
        if let path = request.keyFile {
            do { key = try CertificateFileReader.privateKey(at: path) } catch { throw .inputFile(error.description) }
        }
        guard let leaf = sent[0], let store = X509TrustStore(sharing: engine.context.certificateStore) else { throw .inputFile("no certificate to check") }

        let leafSummary = X509Certificate.summary(of: leaf, depth: 0, now: Date())
        let shownName = request.name ?? X509Certificate.dnsNames(leafSummary.san).first ?? leafSummary.commonName ?? "certificate"
        let context = ProbeContext(engine: engine, target: ProbeTarget(host: shownName, port: 443), observer: observer)
        let options = engine.options
        context.report.target = TargetInfo(input: request.files.joined(separator: " "), host: shownName, port: 443, path: "", sni: nil)
        var input = CheckInput(files: files, key: nil)
        var extra: [Finding] = []
        if let key, let path = request.keyFile {
            let matches = key.matches(leaf)
            input.key = KeyCheck(path: path, keyType: key.label, matchesLeaf: matches)
            if !matches {
                let facts = ["key": SafeText.escape(path), "key_type": key.label, "subject": ChainAnalyzer.name(of: leafSummary),
                             "leaf_key": "\(leafSummary.keyType) \(leafSummary.keyBits) bits"]
                extra.append(Finding(diagnosis: context.diagnosis(DiagnosisID.certKeyMismatch, facts, depth: 0), short: "key does not match the leaf"))
            }
        }
        context.report.check = input

        let now = options.at ?? context.startDate
        let chain = ChainUnderTest.verifying(sent, against: store, host: request.name, at: options.at, authLevel: engine.context.offer.securityLevel, now: now)
        let tls13 = engine.context.offer.maxVersion >= .tls13
        CertificateStage.judge(context, chain, host: request.name, certificateMessageBytes: certificateMessageBytes(sent.derEncodings().map(\.count), tls13: tls13), extra: extra)
        ClientProfileJudgement.judgeFiles(context, assumedVersion: tls13 ? "TLSv1.3" : "TLSv1.2")
        Verdict.apply(to: &context.report, options: options)
        context.report.durationMs = StageReport.rounded(context.elapsedMs(since: context.start))
        return context.report
    }

    /// The Certificate handshake message a server would send for these certificates: the 4-byte
    /// handshake header, the 3-byte list length, and per certificate a 3-byte length (TLS 1.3:
    /// plus an empty context byte and 2 bytes of extensions per entry; RFC 8446 §4.4.2).
    static func certificateMessageBytes(_ sizes: [Int], tls13: Bool) -> Int {
        let entries = sizes.reduce(0) { $0 + 3 + $1 + (tls13 ? 2 : 0) }
        return 4 + (tls13 ? 1 : 0) + 3 + entries
    }
}
