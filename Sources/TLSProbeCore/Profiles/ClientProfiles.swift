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

extension ClientProfiles {
    /// Every client of `tlsprobe clients`, in table order: the desktop/server libraries first,
    /// then platforms and browsers, then the embedded profiles (which `--client` also takes).
    public static let matrix: [ClientProfile] = [
        .openSSL30, .curl788, .python311, .requests234, .node20, .openSSL111, .openSSL102,
        .gnutls37, .java8, .java11, .java17, .java21, .go117, .go119,
        .android7, .android9, .android11, .android14, .windows7, .windows10, .windows11,
        .ios12, .macos12, .chrome, .firefox,
    ] + all.filter { !$0.isOpenSSLDefault }

    public static func matrixClient(named name: String) -> ClientProfile? {
        matrix.first { $0.name == name.lowercased() }
    }
}
