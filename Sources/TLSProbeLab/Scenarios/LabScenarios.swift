/// Every lab scenario, grouped by the stage that goes wrong.
public enum LabScenarios {
    public static let all: [LabScenario] = healthy + certificates + protocols + transport + http + embedded

    /// The scenario called `name`, or the one a former name now stands for.
    public static func named(_ name: String) -> LabScenario? {
        let current = formerNames[name] ?? name
        return all.first { $0.name == current }
    }

    /// Names that still work in `lab serve` although the scenario was merged into another:
    /// missing-intermediate-aia is what missing-intermediate now is (its CA Issuers URL is
    /// served by the lab).
    public static let formerNames = ["missing-intermediate-aia": "missing-intermediate"]

    /// A TLS server sending `chain` (leaf first), otherwise default and healthy.
    static func serve(_ chain: [LabCertificate], _ adjust: (inout LabTLSServerConfig) -> Void = { _ in }) throws -> LabServerRecipe {
        var config = LabTLSServerConfig(chain: chain)
        adjust(&config)
        return .tls(config)
    }

    /// A localhost leaf issued by the lab intermediate, with `adjust` applied to its spec.
    static func leaf(_ pki: LabPKIBundle, _ adjust: (inout LabCertificateSpec) -> Void) throws -> LabCertificate {
        var spec = LabCertificateSpec.server()
        adjust(&spec)
        return try pki.issueLeaf(spec)
    }
}
