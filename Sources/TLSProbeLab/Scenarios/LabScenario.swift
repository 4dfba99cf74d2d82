import TLSProbeCore

/// One broken (or healthy) server for `tlsprobe lab`, with what tlsprobe should say about it.
public struct LabScenario: Sendable {
    /// Stable, lower-case, e.g. "missing-intermediate".
    public let name: String
    /// What is wrong, in one sentence.
    public let summary: String
    /// The DiagnosisID the probe should report first; nil for a healthy server.
    public let expectedDiagnosis: String?
    public let expectedExit: ExitStatus
    /// The client must trust `LabPKIBundle.root` (e.g. `--cacert root.pem`) for the result to hold.
    public let needsTrustAnchor: Bool
    /// The name to connect with and send as SNI ("localhost" unless the scenario is about names).
    public let host: String
    /// Takes seconds to start (e.g. RSA-8192 key generation): leave out of quick runs.
    public let isSlow: Bool
    /// What to serve, built from the session's PKI (certificates are issued here, so validity
    /// is always relative to now).
    public let recipe: @Sendable (LabPKIBundle) throws -> LabServerRecipe

    public init(
        name: String, summary: String, expectedDiagnosis: String?, expectedExit: ExitStatus,
        needsTrustAnchor: Bool = true, host: String = "localhost", isSlow: Bool = false,
        recipe: @escaping @Sendable (LabPKIBundle) throws -> LabServerRecipe
    ) {
        self.name = name
        self.summary = summary
        self.expectedDiagnosis = expectedDiagnosis
        self.expectedExit = expectedExit
        self.needsTrustAnchor = needsTrustAnchor
        self.host = host
        self.isSlow = isSlow
        self.recipe = recipe
    }

    /// Starts the scenario's server at `address` (loopback and a kernel-chosen port by default;
    /// `companionPort` for a CA Issuers URL's server, if the scenario has one).
    public func make(
        _ pki: LabPKIBundle, at address: LabListenAddress = .loopback, companionPort: UInt16 = 0,
        observer: LabConnectionObserver? = nil
    ) throws -> any LabServer {
        try recipe(pki).start(at: address, companionPort: companionPort, observer: observer)
    }
}
