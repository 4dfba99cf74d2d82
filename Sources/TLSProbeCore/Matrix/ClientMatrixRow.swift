/// One client of `tlsprobe clients`: whether it would connect, where it would stop, what it
/// would negotiate, and why it fails. JSON: one element of the report's `clients` array.
public struct ClientMatrixRow: Codable, Sendable, Equatable {
    public enum Outcome: String, Codable, Sendable {
        case connects
        case fails
    }

    /// What the client would negotiate (from the server's answer to its own ClientHello).
    public struct Negotiated: Codable, Sendable, Equatable {
        public var version: String?
        public var cipher: String?
        public var group: String?

        public init(version: String? = nil, cipher: String? = nil, group: String? = nil) {
            self.version = version
            self.cipher = cipher
            self.group = group
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(version, forKey: .version)
            try container.encode(cipher, forKey: .cipher)
            try container.encode(group, forKey: .group)
        }
    }

    /// The profile name (`java-17`, `esp-idf@4.4` …).
    public var name: String
    public var outcome: Outcome
    /// The stage the client would stop at; nil when it connects.
    public var failedStage: StageName?
    public var tls: Negotiated
    /// tlsprobe's diagnosis for this client's failure (its summary says it in this client's terms).
    public var diagnosis: Diagnosis?
    /// The trust store the chain was judged against, and what it stands for.
    public var trustStore: String
    /// What the prediction had to assume (a root store modelled by another, a suite OpenSSL
    /// could not reproduce, a warning for this client).
    public var notes: [String]
    /// The release the profile describes.
    public var basis: String

    public init(name: String, outcome: Outcome, failedStage: StageName? = nil, tls: Negotiated = Negotiated(), diagnosis: Diagnosis? = nil,
                trustStore: String, notes: [String] = [], basis: String) {
        self.name = name
        self.outcome = outcome
        self.failedStage = failedStage
        self.tls = tls
        self.diagnosis = diagnosis
        self.trustStore = trustStore
        self.notes = notes
        self.basis = basis
    }

    enum CodingKeys: String, CodingKey {
        case name, outcome
        case failedStage = "failed_stage"
        case tls, diagnosis
        case trustStore = "trust_store"
        case notes, basis
    }

    // `failed_stage` and `diagnosis` appear as null, not vanish.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(outcome, forKey: .outcome)
        try container.encode(failedStage, forKey: .failedStage)
        try container.encode(tls, forKey: .tls)
        try container.encode(diagnosis, forKey: .diagnosis)
        try container.encode(trustStore, forKey: .trustStore)
        try container.encode(notes, forKey: .notes)
        try container.encode(basis, forKey: .basis)
    }

    public static func == (lhs: ClientMatrixRow, rhs: ClientMatrixRow) -> Bool {
        lhs.name == rhs.name && lhs.outcome == rhs.outcome && lhs.failedStage == rhs.failedStage && lhs.tls == rhs.tls
            && lhs.diagnosis?.id == rhs.diagnosis?.id
    }
}

extension Diagnosis {
    /// This diagnosis for one client of the matrix: the catalogue's id, title, fix and codes,
    /// with the summary in that client's terms.
    static func forClient(_ id: String, _ summary: String, stage: StageName? = nil) -> Diagnosis {
        var diagnosis = Diagnosis(id: id, facts: [:], stageOverride: stage)
        diagnosis.summary = summary.asSentence
        return diagnosis
    }
}

extension String {
    /// The text ending as a sentence: a final period unless it already ends with ".", "!" or "?"
    /// (closing quotes and parentheses after it aside). The device model's reasons are clauses,
    /// and a matrix row's summary is followed by " Fix: …".
    var asSentence: String {
        let end = self.reversed().drop { $0 == "\"" || $0 == ")" || $0 == "\u{201D}" || $0 == " " }.first
        return end.map { ".!?".contains($0) } == true ? self : self + "."
    }
}
