/// Everything one probe found. Renderers (text, JSON, nagios, prometheus) read only this.
/// Every type here is Codable with explicit snake_case keys: the JSON output is a contract.
public struct ProbeReport: Codable, Sendable {
    public static let schemaVersion = 1

    public var schemaVersion: Int = ProbeReport.schemaVersion
    public var tool: ToolInfo = .current
    public var target: TargetInfo
    /// The `--client` profile the probe acted as ("openssl" by default).
    public var client: String = ClientProfiles.defaultProfile.name
    public var outcome: Outcome = .ok
    public var exitCode: Int32 = 0
    public var failedStage: StageName?
    public var stages: [StageReport] = []
    public var tls = TLSSummary()
    public var certificates: [CertificateSummary] = []
    public var verification = VerificationSummary()
    public var http: HTTPSummary?
    public var diagnoses: [Diagnosis] = []
    /// Extra connections made to explain a failure (follow-up probes), with what each found.
    public var followUps: [FollowUpProbe] = []
    /// What the `--client` device itself would get (Mbed TLS profiles only).
    public var device: DevicePrediction?
    /// What --revocation learned, per certificate and source; absent without --revocation.
    public var revocation: [RevocationResult]?
    /// `tlsprobe clients`: one row per client profile; absent for a plain probe.
    public var clients: [ClientMatrixRow]?
    /// What `tlsprobe scan` found the server accepts; absent for a plain probe.
    public var scan: ScanReport?
    /// --trust-stores (and `tlsprobe check`): which stores trust the chain, by which path; absent otherwise.
    public var trustStores: TrustComparison?
    /// `tlsprobe check`: the files read and the key matched; absent for probes.
    public var check: CheckInput?
    public var startedAt: String = ""
    public var durationMs: Double = 0
    /// --warn-days and --fail-days as this probe applied them (Nagios perfdata thresholds).
    public var expiryThresholds = ExpiryThresholds()

    public init(target: TargetInfo) {
        self.target = target
    }

    /// The diagnosis that decides the run: the first error, else the first warning. The one
    /// rule; every renderer (text verdict, Nagios, fleet table, JUnit, Markdown, lab checks) and
    /// `decisive` in the JSON use it.
    public var decisive: Diagnosis? {
        diagnoses.first { $0.severity == .error } ?? diagnoses.first { $0.severity == .warning }
    }

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version"
        case tool, target, client, outcome
        case exitCode = "exit_code"
        case failedStage = "failed_stage"
        case stages, tls, certificates, verification, http, diagnoses
        case followUps = "follow_ups"
        case device, revocation, clients, scan
        case trustStores = "trust_stores"
        case check
        case startedAt = "started_at"
        case durationMs = "duration_ms"
        case expiryThresholds = "expiry_thresholds"
    }

    /// Keys written from derived values (not decoded).
    private enum DerivedKeys: String, CodingKey { case decisive }

    // `failed_stage` and `http` must appear as null, not vanish, so scripts can rely on the keys.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(schemaVersion, forKey: .schemaVersion)
        try container.encode(tool, forKey: .tool)
        try container.encode(target, forKey: .target)
        try container.encode(client, forKey: .client)
        try container.encode(outcome, forKey: .outcome)
        try container.encode(exitCode, forKey: .exitCode)
        try container.encode(failedStage, forKey: .failedStage)
        try container.encode(stages, forKey: .stages)
        try container.encode(tls, forKey: .tls)
        try container.encode(certificates, forKey: .certificates)
        try container.encode(verification, forKey: .verification)
        try container.encode(http, forKey: .http)
        try container.encode(diagnoses, forKey: .diagnoses)
        try container.encode(followUps, forKey: .followUps)
        try container.encodeIfPresent(device, forKey: .device)
        try container.encodeIfPresent(revocation, forKey: .revocation)
        try container.encodeIfPresent(clients, forKey: .clients)
        try container.encodeIfPresent(scan, forKey: .scan)
        try container.encodeIfPresent(trustStores, forKey: .trustStores)
        try container.encodeIfPresent(check, forKey: .check)
        try container.encode(startedAt, forKey: .startedAt)
        try container.encode(durationMs, forKey: .durationMs)
        try container.encode(expiryThresholds, forKey: .expiryThresholds)
        var derived = encoder.container(keyedBy: DerivedKeys.self)
        try derived.encode(decisive?.id, forKey: .decisive)
    }

    public func stage(_ name: StageName) -> StageReport? {
        stages.first { $0.name == name }
    }

    /// The certificate stage's AIA completion (what browsers build), when an issuer was missing.
    public var aiaCompletion: ChainCompletion? { stage(.certificate)?.details.certificate?.aiaCompletion }
}

public enum Outcome: String, Codable, Sendable {
    case ok, warning, fail
}

public struct ToolInfo: Codable, Sendable {
    public var name = "tlsprobe"
    public var version = TLSProbeVersion.current
    /// The OpenSSL the tool runs with (which may differ from the one it was built with).
    public var openssl = OpenSSLVersion.runtime

    public static let current = ToolInfo()
}

public struct TargetInfo: Codable, Sendable {
    public var input: String
    public var host: String
    public var port: Int
    public var path: String
    /// The name sent as SNI, or null when none was sent.
    public var sni: String?
    /// The address actually connected to ("192.0.2.1:443", "[::1]:443"), null before TCP succeeded.
    public var connectAddress: String?
    /// The protocol spoken: "https", "mqtts", "smtp" (a STARTTLS scheme), …
    public var appProtocol: String = AppProtocol.https.rawValue

    public init(input: String, host: String, port: Int, path: String, sni: String?) {
        self.input = input
        self.host = host
        self.port = port
        self.path = path
        self.sni = sni
    }

    enum CodingKeys: String, CodingKey {
        case input, host, port, path, sni
        case connectAddress = "connect_address"
        case appProtocol = "protocol"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(input, forKey: .input)
        try container.encode(host, forKey: .host)
        try container.encode(port, forKey: .port)
        try container.encode(path, forKey: .path)
        try container.encode(sni, forKey: .sni)
        try container.encode(connectAddress, forKey: .connectAddress)
        try container.encode(appProtocol, forKey: .appProtocol)
    }
}

public struct FollowUpProbe: Codable, Sendable {
    /// Why the extra connection was made, e.g. "which versions does the server speak".
    public var purpose: String
    /// What was offered, e.g. "TLS 1.0 only, all cipher suites".
    public var offer: String
    /// What happened, e.g. "accepted: TLS 1.0, ECDHE-RSA-AES128-SHA" or "rejected: alert handshake_failure (40)".
    public var result: String
    public var accepted: Bool

    public init(purpose: String, offer: String, result: String, accepted: Bool) {
        self.purpose = purpose
        self.offer = offer
        self.result = result
        self.accepted = accepted
    }
}

/// The expiry thresholds a probe judged with: warn below `warn_days` whole days left, fail below
/// `fail_days` (null: no --fail-days).
public struct ExpiryThresholds: Codable, Sendable, Equatable {
    public var warnDays: Int = 14
    public var failDays: Int?

    public init(warnDays: Int = 14, failDays: Int? = nil) {
        self.warnDays = warnDays
        self.failDays = failDays
    }

    enum CodingKeys: String, CodingKey {
        case warnDays = "warn_days"
        case failDays = "fail_days"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(warnDays, forKey: .warnDays)
        try container.encode(failDays, forKey: .failDays)
    }
}
