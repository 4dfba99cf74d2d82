/// The registry of `--client` profiles. Adding a profile: add `ClientProfile+<Name>.swift` with
/// one literal, then one line here.
public enum ClientProfiles {
    public static let all: [ClientProfile] = [
        .openSSL,
        .espIDF,
        .espIDF44,
        .espIDF52,
        .espIDF5,
        .espIDF5TLS13,
        .espIDF6,
        .arduinoESP32,
    ]

    public static let defaultProfile = ClientProfile.openSSL

    public static func named(_ name: String) -> ClientProfile? {
        all.first { $0.name == name.lowercased() }
    }
}
