/// One problem found by a probe: a catalogue entry with the observed facts filled in.
public struct Diagnosis: Codable, Sendable {
    public var id: String
    public var severity: Severity
    public var stage: StageName
    /// The catalogue's short title ("Certificate expired"), carried so renderers need no lookup.
    public var title: String
    public var summary: String
    public var fix: String
    public var fixClient: String?
    public var openssl: String?
    public var mbedtls: [String]
    public var curl: String?
    public var docs: String?
    /// Certificate depth the diagnosis is about, when it is about one.
    public var depth: Int?
    public var exitCode: Int32

    /// Builds the diagnosis from its catalogue entry. `opensslDetail` adds what OpenSSL actually said.
    public init(
        id: String, facts: [String: String], depth: Int? = nil, opensslDetail: String? = nil,
        severityOverride: Severity? = nil, exitOverride: ExitStatus? = nil, stageOverride: StageName? = nil
    ) {
        let entry = DiagnosisCatalog.entry(id) ?? DiagnosisCatalog.fallback(for: id)
        self.id = id
        self.severity = severityOverride ?? entry.severity
        self.stage = stageOverride ?? entry.stage
        self.title = entry.title
        self.summary = entry.summary(with: facts)
        self.fix = entry.fixServer
        self.fixClient = entry.fixClient
        self.openssl = opensslDetail ?? entry.openssl
        self.mbedtls = entry.mbedtls
        self.curl = entry.curl
        self.docs = entry.docs
        self.depth = depth
        let severity = severityOverride ?? entry.severity
        self.exitCode = severity == .error ? (exitOverride ?? entry.exitStatus).rawValue : 0
    }

    enum CodingKeys: String, CodingKey {
        case id, severity, stage, title, summary, fix
        case fixClient = "fix_client"
        case openssl, mbedtls, curl, docs, depth
        case exitCode = "exit_code"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(severity, forKey: .severity)
        try container.encode(stage, forKey: .stage)
        try container.encode(title, forKey: .title)
        try container.encode(summary, forKey: .summary)
        try container.encode(fix, forKey: .fix)
        try container.encode(fixClient, forKey: .fixClient)
        try container.encode(openssl, forKey: .openssl)
        try container.encode(mbedtls, forKey: .mbedtls)
        try container.encode(curl, forKey: .curl)
        try container.encode(docs, forKey: .docs)
        try container.encode(depth, forKey: .depth)
        try container.encode(exitCode, forKey: .exitCode)
    }
}
