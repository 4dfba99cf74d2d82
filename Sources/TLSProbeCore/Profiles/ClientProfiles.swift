/// The registry of `--client` profiles. Adding a profile: add `ClientProfile+<Name>.swift` with
/// one literal, then one line here.
public enum ClientProfiles {
    public static let all: [ClientProfile] = [
        .openSSL,
        .espIDF,
    ]

    public static let defaultProfile = ClientProfile.openSSL

    public static func named(_ name: String) -> ClientProfile? {
        all.first { $0.name == name.lowercased() }
    }
}
