/// One mbedTLS error code as a device logs it, with what it means for an HTTPS client.
/// Numbers, names and modules are facts from mbedTLS headers (via the team's reference notes);
/// the wording is ours.
public struct MbedTLSCode: Sendable, Equatable {
    /// Which mbedTLS major versions use this meaning of the value.
    public enum Era: String, Sendable {
        /// 3.x (ESP-IDF 5.x) and, unless replaced by a PSA code, 2.x and 4.x too.
        case current
        /// Only 2.x (ESP-IDF ≤ 4.4); 3.0 removed or reused the value.
        case legacy2x
        /// A PSA Crypto code, which 4.x (ESP-IDF 6.x) returns instead of legacy codes.
        case psa4x
    }

    /// As mbedTLS returns it: negative. `-0x2700` is stored as -0x2700.
    public let value: Int
    public let name: String
    /// "ssl", "x509", "net", "pk", … or "combined" for a well-known high + low sum.
    public let module: String
    public let era: Era
    public let meaning: String
    public var causes: [String] = []
    public var fixes: [String] = []
    /// What an OpenSSL client reports for the same fault.
    public var openssl: [String] = []
    /// How 2.x / 3.x / 4.x differ for this value or name.
    public var versionNote: String? = nil
    /// tlsprobe diagnosis ids that predict this code: the rows that name it.
    public var diagnoses: [String] { module == "combined" ? [] : CatalogCrossReferences.diagnoses(naming: name) }

    /// "-0x2700" — the form ESP-IDF logs.
    public var hex: String { MbedTLSCode.hex(value) }

    public static func hex(_ value: Int) -> String {
        let magnitude = value.magnitude
        let digits = String(magnitude, radix: 16, uppercase: true)
        return (value < 0 ? "-0x" : "0x") + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}

/// The table of known codes, indexed once.
public enum MbedTLSCodes {
    public static let all: [MbedTLSCode] = ssl + sslLegacy + x509 + net + publicKey + lowLevel + combined + psa

    /// Every row for a value; several when 2.x and 3.x gave the value different meanings.
    /// Current meanings come first.
    public static func rows(for value: Int) -> [MbedTLSCode] {
        rowsByValue[value] ?? []
    }

    public static func row(named name: String) -> MbedTLSCode? {
        rowsByName[name.uppercased()]
    }

    private static let rowsByValue: [Int: [MbedTLSCode]] = Dictionary(grouping: all, by: \.value)
        .mapValues { rows in rows.sorted { eraRank($0.era) < eraRank($1.era) } }

    // Combined rows have descriptive names ("X509_… + ASN1_…"), not C identifiers: not looked up by name.
    // When a name exists in two eras (none today), the current meaning wins.
    private static let rowsByName: [String: MbedTLSCode] = Dictionary(
        all.filter { $0.module != "combined" }.map { ($0.name, $0) },
        uniquingKeysWith: { first, second in eraRank(first.era) <= eraRank(second.era) ? first : second })

    private static func eraRank(_ era: MbedTLSCode.Era) -> Int {
        switch era {
        case .current: 0
        case .psa4x: 1
        case .legacy2x: 2
        }
    }
}

extension MbedTLSCode {
    /// Compact constructor for the data files: value, name, module and meaning first.
    static func row(
        _ value: Int, _ name: String, _ module: String, _ meaning: String, era: Era = .current,
        causes: [String] = [], fixes: [String] = [], openssl: [String] = [], note: String? = nil
    ) -> MbedTLSCode {
        MbedTLSCode(
            value: value, name: name, module: module, era: era, meaning: meaning, causes: causes, fixes: fixes,
            openssl: openssl, versionNote: note)
    }
}
