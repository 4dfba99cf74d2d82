/// Every lab scenario, grouped by the stage that goes wrong.
public enum LabScenarios {
    public static let all: [LabScenario] = healthy + certificates + protocols + transport + http + embedded

    public static func named(_ name: String) -> LabScenario? {
        all.first { $0.name == name }
    }

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
