/// Platform stacks that cannot run here: Android (BoringSSL/Conscrypt), Windows SChannel,
/// Apple Network.framework, Chrome and Firefox. Hellos from testssl.sh's captures; acceptance
/// rules from each vendor's documentation (the sources say which). Their root stores are not
/// on this machine: the matrix models them with the system store and says so.
extension ClientProfile {
    static let androidHello9 = HelloRecipe(
        versions: [0x0304, 0x0303, 0x0302, 0x0301],
        suites: [0x1301, 0x1302, 0x1303, 0xC02B, 0xC02F, 0xC02C, 0xC030, 0xCCA9, 0xCCA8, 0xC013, 0xC014, 0x009C, 0x009D, 0x002F, 0x0035, 0x000A],
        groups: [0x001D, 0x0017, 0x0018], keyShares: [0x001D],
        signatureSchemes: [0x0403, 0x0804, 0x0401, 0x0503, 0x0805, 0x0501, 0x0806, 0x0601, 0x0201],
        extensions: [0, 23, 65281, 10, 11, 35, 16, 5, 13, 18, 51, 45, 43], alpn: ["h2", "http/1.1"])

    static let androidHello11 = HelloRecipe(
        versions: [0x0304, 0x0303, 0x0302, 0x0301],
        suites: [0x1301, 0x1302, 0x1303, 0xC02B, 0xC02C, 0xCCA9, 0xC02F, 0xC030, 0xCCA8, 0xC009, 0xC00A, 0xC013, 0xC014, 0x009C, 0x009D, 0x002F, 0x0035],
        groups: [0x001D, 0x0017, 0x0018], keyShares: [0x001D],
        signatureSchemes: [0x0403, 0x0804, 0x0401, 0x0503, 0x0805, 0x0501, 0x0806, 0x0601, 0x0201],
        extensions: [0, 23, 65281, 10, 11, 35, 16, 5, 13, 51, 45, 43], alpn: ["http/1.1"], padsTo512: true)

    static func android(_ version: String, cnFallback: Bool) -> ClientAcceptance {
        ClientAcceptance(library: "Android \(version) Conscrypt/BoringSSL", trustStore: .android, commonNameFallback: cnFallback,
                         minRSABits: 1024, sha1Signatures: .accepted, minDHBits: nil, maxCertificateMessageBytes: nil)
    }

    static let androidSources = [
        ProfileSource("no DHE suites (removed in Android 6)", "android/platform/external/conscrypt NativeCrypto.java SUPPORTED_TLS_1_2_CIPHER_SUITES"),
        ProfileSource("no AIA fetching: the server must send its intermediates", "developer.android.com/privacy-and-security/security-ssl#MissingCa"),
        ProfileSource("SHA-1 and RSA-1024 are not refused by the platform TrustManager (apps may pin stricter)", "android/platform/external/conscrypt TrustManagerImpl.java, ChainStrengthAnalyzer.java (RSA ≥ 1024, MD2/MD5 refused)"),
    ]

    public static let android7 = matrixClient(
        "android-7", "Android 7.0 (API 24) HttpsURLConnection: TLS ≤ 1.2, only P-256, CN fallback",
        basis: "Android 7.0 native (testssl.sh capture)",
        hello: HelloRecipe(
            versions: [0x0303, 0x0302, 0x0301],
            suites: [0xC02B, 0xC02C, 0xCCA9, 0xC02F, 0xC030, 0xCCA8, 0xC013, 0xC014, 0x009C, 0x009D, 0x002F, 0x0035],
            groups: [0x0017], keyShares: [],
            signatureSchemes: [0x0601, 0x0603, 0x0501, 0x0503, 0x0401, 0x0403, 0x0301, 0x0303, 0x0201, 0x0203],
            extensions: [65281, 0, 23, 35, 13, 16, 11, 10], alpn: ["h2", "http/1.1"]),
        accepts: android("7.0", cnFallback: true),
        sources: [ProfileSource("ClientHello", "testssl/testssl.sh 3.2 etc/client-simulation.txt \"Android 7.0 (native)\""),
                  ProfileSource("OkHostnameVerifier falls back to the CN before Android 9", "android/platform/external/okhttp android/main/java/com/squareup/okhttp/internal/tls/OkHostnameVerifier.java (Android 8.1)")] + androidSources)

    public static let android9 = matrixClient(
        "android-9", "Android 9 (API 28): TLS 1.3 off by default for apps, no CN fallback",
        basis: "Android 9.0 native (testssl.sh capture)",
        hello: androidHello9, accepts: android("9", cnFallback: false),
        sources: [ProfileSource("ClientHello", "testssl/testssl.sh 3.2 etc/client-simulation.txt \"Android 9.0 (native)\" (its replayed pre_shared_key and compress_certificate left out)"),
                  ProfileSource("host names are matched against SANs only (CN fallback removed in Android 9)", "developer.android.com/about/versions/pie/android-9.0-changes-all (\"Hostname verification … no longer falls back to the CN\")")] + androidSources)

    public static let android11 = matrixClient(
        "android-11", "Android 11 (API 30): TLS 1.3, X25519, no CN fallback",
        basis: "Android 11 native (testssl.sh capture)",
        hello: androidHello11, accepts: android("11", cnFallback: false),
        sources: [ProfileSource("ClientHello", "testssl/testssl.sh 3.2 etc/client-simulation.txt \"Android 11 (native)\""),
                  ProfileSource("host names are matched against SANs only", "developer.android.com/about/versions/pie/android-9.0-changes-all")] + androidSources)

    public static let android14: ClientProfile = {
        var profile = matrixClient(
            "android-14", "Android 14 (API 34): as Android 12's Conscrypt hello (the newest capture), no CN fallback",
            basis: "Android 12 native hello (testssl.sh capture; no newer capture exists), Android 14 documented rules",
            hello: androidHello11, accepts: android("14", cnFallback: false),
            sources: [ProfileSource("ClientHello: Android 12's (identical to 11's in testssl.sh's captures)", "testssl/testssl.sh 3.2 etc/client-simulation.txt \"Android 12 (native)\""),
                      ProfileSource("root store updatable through Google Play system updates (Conscrypt module) from Android 14", "android-developers.googleblog.com 2023 'Android 14 … updatable root certificates'")] + androidSources)
        profile.acceptance?.trustStore = .android
        return profile
    }()

    static func schannel(_ version: String, sha1: ClientAcceptance.SHA1Rule) -> ClientAcceptance {
        ClientAcceptance(library: "Windows \(version) SChannel/CryptoAPI", trustStore: .windows, commonNameFallback: true,
                         minRSABits: 1024, sha1Signatures: sha1, minDHBits: 1024, maxCertificateMessageBytes: nil)
    }

    static let schannelSources = [
        ProfileSource("CryptoAPI fetches missing intermediates from the AIA caIssuers URL", "learn.microsoft.com/en-us/windows-server/security/tls/tls-registry-settings; 'Certificate Chain Building' (CertGetCertificateChain, CERT_CHAIN_DISABLE_AIA off)"),
        ProfileSource("DHE below 1024 bits refused (ClientMinKeyBitLength default)", "learn.microsoft.com/en-us/windows-server/security/tls/tls-registry-settings#keyexchangealgorithm---client-rsa-key-sizes"),
        ProfileSource("SHA-1 TLS server certificates refused for public roots since 2017 (Edge/IE 11 on Windows 10)", "learn.microsoft.com/en-us/lifecycle/announcements/sha-1-signed-content-retired"),
    ]

    public static let windows7 = matrixClient(
        "windows-7", "Windows 7 SChannel (IE 11, .NET Framework with SystemDefault): TLS ≤ 1.2, no X25519, no AEAD with ECDHE-RSA",
        basis: "IE 11 on Windows 7 (testssl.sh capture)",
        hello: HelloRecipe(
            versions: [0x0303, 0x0302, 0x0301],
            suites: [0xC028, 0xC027, 0xC014, 0xC013, 0x009F, 0x009E, 0x009D, 0x009C, 0x003D, 0x003C, 0x0035, 0x002F, 0xC02C, 0xC02B, 0xC024, 0xC023,
                     0xC00A, 0xC009, 0x006A, 0x0040, 0x0038, 0x0032, 0x000A, 0x0013],
            groups: [0x0017, 0x0018], keyShares: [],
            signatureSchemes: [0x0601, 0x0603, 0x0401, 0x0501, 0x0201, 0x0403, 0x0503, 0x0203, 0x0202],
            extensions: [0, 5, 10, 11, 13, 23, 65281]),
        accepts: schannel("7", sha1: .accepted),
        fetchesMissingIssuers: true,
            sources: [ProfileSource("ClientHello", "testssl/testssl.sh 3.2 etc/client-simulation.txt \"IE 11 Win 7\"")] + schannelSources.filter { !$0.fact.hasPrefix("SHA-1") })

    static let windows10Hello = HelloRecipe(
        versions: [0x0303, 0x0302, 0x0301],
        suites: [0xC02C, 0xC02B, 0xC030, 0xC02F, 0x009F, 0x009E, 0xC024, 0xC023, 0xC028, 0xC027, 0xC00A, 0xC009, 0xC014, 0xC013, 0x0039, 0x0033,
                 0x009D, 0x009C, 0x003D, 0x003C, 0x0035, 0x002F, 0x000A, 0x006A, 0x0040, 0x0038, 0x0032, 0x0013],
        groups: [0x0017, 0x0018], keyShares: [],
        signatureSchemes: [0x0401, 0x0501, 0x0201, 0x0403, 0x0503, 0x0203, 0x0202, 0x0601, 0x0603],
        extensions: [0, 5, 10, 11, 13, 35, 16, 23, 65281], alpn: ["h2", "http/1.1"])

    public static let windows10 = matrixClient(
        "windows-10", "Windows 10 SChannel (IE 11, .NET, PowerShell): TLS ≤ 1.2, P-256/P-384 only, AIA fetching",
        basis: "IE 11 on Windows 10 (testssl.sh capture)",
        hello: windows10Hello, accepts: schannel("10", sha1: .refusedUnderShippedRoots),
        fetchesMissingIssuers: true,
            sources: [ProfileSource("ClientHello", "testssl/testssl.sh 3.2 etc/client-simulation.txt \"IE 11 Win 10\" (its token_binding extension left out)")] + schannelSources)

    public static let windows11: ClientProfile = {
        var hello = windows10Hello
        hello.versions = [0x0304, 0x0303]
        hello.suites = [0x1302, 0x1301] + hello.suites.filter { ![0x000A, 0x0013, 0x006A, 0x0040, 0x0038, 0x0032].contains($0) }
        hello.groups = [0x001D, 0x0017, 0x0018]
        hello.keyShares = [0x001D]
        hello.signatureSchemes = [0x0403, 0x0503, 0x0603, 0x0804, 0x0805, 0x0806, 0x0401, 0x0501, 0x0601]
        hello.extensions = [0, 5, 10, 11, 13, 35, 16, 23, 43, 45, 51, 65281]
        return matrixClient(
            "windows-11", "Windows 11 SChannel: TLS 1.2–1.3 (1.0/1.1 off), X25519, AIA fetching",
            basis: "Windows 11 SChannel documented defaults; hello modelled on Windows 10's plus TLS 1.3 (no capture available)",
            hello: hello, accepts: schannel("11", sha1: .refusedUnderShippedRoots),
            fetchesMissingIssuers: true,
            sources: [ProfileSource("ClientHello: Windows 10's capture (testssl.sh \"IE 11 Win 10\") with TLS 1.3 added as documented, no capture of Windows 11 exists", "testssl/testssl.sh 3.2 etc/client-simulation.txt"),
                      ProfileSource("TLS 1.3 on and TLS 1.0/1.1 off by default; TLS_AES_256_GCM_SHA384 and TLS_AES_128_GCM_SHA256; X25519, P-256, P-384",
                                    "learn.microsoft.com/en-us/windows/win32/secauthn/tls-cipher-suites-in-windows-11, protocols-in-tls-ssl--schannel-ssp-")] + schannelSources)
    }()

    static func apple(_ version: String) -> ClientAcceptance {
        ClientAcceptance(library: "Apple \(version) Security.framework", trustStore: .apple, commonNameFallback: false,
                         minRSABits: 2048, sha1Signatures: .refused, minDHBits: 1024, maxCertificateMessageBytes: nil)
    }

    static let appleSources = [
        ProfileSource("iOS 13 / macOS 10.15: RSA ≥ 2048, SHA-2 signatures, DNS name in the SAN (the CN is never used), ≤ 825 days validity",
                      "support.apple.com/en-us/103769 'Requirements for trusted certificates in iOS 13 and macOS 10.15'"),
        ProfileSource("missing intermediates are fetched from the AIA caIssuers URL", "developer.apple.com/documentation/security/sectrust (SecTrustEvaluateWithError: network fetch allowed by default)"),
    ]

    public static let ios12 = matrixClient(
        "ios-12", "iOS 12 / Safari 12.1: TLS 1.0–1.3, CN still accepted, SHA-1 accepted for private roots",
        basis: "Safari 12.1 on iOS 12.2 (testssl.sh capture)",
        hello: HelloRecipe(
            versions: [0x0304, 0x0303, 0x0302, 0x0301],
            suites: [0x1303, 0x1301, 0x1302, 0xC02C, 0xC02B, 0xC024, 0xC023, 0xC00A, 0xC009, 0xCCA9, 0xC030, 0xC02F, 0xC028, 0xC027, 0xC014, 0xC013,
                     0xCCA8, 0x009D, 0x009C, 0x003D, 0x003C, 0x0035, 0x002F, 0xC008, 0xC012, 0x000A],
            groups: [0x001D, 0x0017, 0x0018, 0x0019], keyShares: [0x001D],
            signatureSchemes: [0x0403, 0x0804, 0x0401, 0x0503, 0x0203, 0x0805, 0x0501, 0x0806, 0x0601, 0x0201],
            extensions: [65281, 0, 23, 13, 5, 18, 16, 11, 51, 45, 43, 10], alpn: ["h2", "http/1.1"], padsTo512: true),
        accepts: ClientAcceptance(library: "Apple iOS 12 Security.framework", trustStore: .apple, commonNameFallback: true,
                                  minRSABits: 1024, sha1Signatures: .refusedUnderShippedRoots, minDHBits: 1024, maxCertificateMessageBytes: nil),
        fetchesMissingIssuers: true,
            sources: [ProfileSource("ClientHello", "testssl/testssl.sh 3.2 etc/client-simulation.txt \"Safari 12.1 (iOS 12.2)\" (NPN, replayed pre_shared_key and old h2 drafts left out)"),
                  ProfileSource("before iOS 13: the CN still counts without a DNS SAN, RSA-1024 and SHA-1 under private roots still pass (iOS 13 made all three fail)", "support.apple.com/en-us/103769")] + appleSources.suffix(1))

    public static let macos12 = matrixClient(
        "macos-12", "macOS 12 / Safari 15: TLS 1.2–1.3 preferred, SAN required, SHA-2 and RSA ≥ 2048 required",
        basis: "Safari 15.4 on macOS 12.3.1 (testssl.sh capture)",
        hello: HelloRecipe(
            versions: [0x0304, 0x0303, 0x0302, 0x0301],
            suites: [0x1301, 0x1302, 0x1303, 0xC02C, 0xC02B, 0xCCA9, 0xC030, 0xC02F, 0xCCA8, 0xC00A, 0xC009, 0xC014, 0xC013, 0x009D, 0x009C, 0x0035,
                     0x002F, 0xC008, 0xC012, 0x000A],
            groups: [0x001D, 0x0017, 0x0018, 0x0019], keyShares: [0x001D],
            signatureSchemes: [0x0403, 0x0804, 0x0401, 0x0503, 0x0203, 0x0805, 0x0501, 0x0806, 0x0601, 0x0201],
            extensions: [0, 23, 65281, 10, 11, 16, 5, 13, 18, 51, 45, 43, 27], alpn: ["h2", "http/1.1"], padsTo512: true,
            rawBodies: [27: [0x02, 0x00, 0x01]]),
        accepts: apple("macOS 12"),
        fetchesMissingIssuers: true,
            sources: [ProfileSource("ClientHello", "testssl/testssl.sh 3.2 etc/client-simulation.txt \"Safari 15.4 (macOS 12.3.1)\"")] + appleSources)

    public static let chrome: ClientProfile = matrixClient(
        "chrome-101", "Chrome 101 (BoringSSL, Chrome Root Store): TLS 1.2–1.3, SAN required, AIA fetching on Windows/macOS/Android",
        basis: "Chrome 101 on Windows 10 (testssl.sh capture, GREASE left out)",
        hello: HelloRecipe(
            versions: [0x0304, 0x0303],
            suites: [0x1301, 0x1302, 0x1303, 0xC02B, 0xC02F, 0xC02C, 0xC030, 0xCCA9, 0xCCA8, 0xC013, 0xC014, 0x009C, 0x009D, 0x002F, 0x0035],
            groups: [0x001D, 0x0017, 0x0018], keyShares: [0x001D],
            signatureSchemes: [0x0403, 0x0804, 0x0401, 0x0503, 0x0805, 0x0501, 0x0806, 0x0601],
            extensions: [0, 23, 65281, 10, 11, 35, 16, 5, 13, 18, 51, 45, 43, 27, 17513], alpn: ["h2", "http/1.1"], padsTo512: true,
            rawBodies: [27: [0x02, 0x00, 0x02], 17513: [0x00, 0x03, 0x02, 0x68, 0x32]]),
        accepts: ClientAcceptance(library: "Chrome 101 (BoringSSL, platform verifier)", trustStore: .chrome, commonNameFallback: false,
                                  minRSABits: 1024, sha1Signatures: .refused, minDHBits: nil, maxCertificateMessageBytes: nil),
        fetchesMissingIssuers: true,
            sources: [ProfileSource("ClientHello", "testssl/testssl.sh 3.2 etc/client-simulation.txt \"Chrome 101 (Win 10)\""),
                  ProfileSource("no CN fallback (Chrome 58), SHA-1 refused (Chrome 56), no DHE (Chrome 53)", "chromestatus.com features 4981025180483584, 6601657605423104; security.googleblog.com 2016-11 SHA-1"),
                  ProfileSource("AIA fetching for missing intermediates", "chromium.org/Home/chromium-security/root-ca-policy; net/cert/internal/cert_issuer_source_aia.cc")])

    public static let firefox: ClientProfile = matrixClient(
        "firefox-100", "Firefox 100 (NSS, Mozilla roots): TLS 1.2–1.3, SAN required, intermediate preloading instead of AIA",
        basis: "Firefox 100 on Windows 10 (testssl.sh capture)",
        hello: HelloRecipe(
            versions: [0x0304, 0x0303],
            suites: [0x1301, 0x1303, 0x1302, 0xC02B, 0xC02F, 0xCCA9, 0xCCA8, 0xC02C, 0xC030, 0xC00A, 0xC009, 0xC013, 0xC014, 0x009C, 0x009D, 0x002F, 0x0035],
            groups: [0x001D, 0x0017, 0x0018, 0x0019, 0x0100, 0x0101], keyShares: [0x001D, 0x0017],
            signatureSchemes: [0x0403, 0x0503, 0x0603, 0x0804, 0x0805, 0x0806, 0x0401, 0x0501, 0x0601, 0x0203, 0x0201],
            extensions: [0, 23, 65281, 10, 11, 35, 16, 5, 34, 51, 43, 13, 45, 28], alpn: ["h2", "http/1.1"], padsTo512: true,
            rawBodies: [34: [0x00, 0x08, 0x04, 0x03, 0x05, 0x03, 0x06, 0x03, 0x02, 0x03], 28: [0x40, 0x01]]),
        accepts: ClientAcceptance(library: "Firefox 100 (NSS)", trustStore: .mozilla, commonNameFallback: false,
                                  minRSABits: 1024, sha1Signatures: .refused, minDHBits: 1023, maxCertificateMessageBytes: nil),
        fetchesMissingIssuers: true,
            sources: [ProfileSource("ClientHello", "testssl/testssl.sh 3.2 etc/client-simulation.txt \"Firefox 100 (Win 10)\""),
                  ProfileSource("intermediates of the Mozilla program are preloaded (security.remote_settings.intermediates.enabled), which completes most chains as AIA would",
                                "blog.mozilla.org/security/2020/11/13/preloading-intermediate-ca-certificates-into-firefox/"),
                  ProfileSource("no CN fallback (Firefox 48), SHA-1 refused (Firefox 52)", "bugzilla.mozilla.org 1245280; blog.mozilla.org/security/2017/02/23/the-end-of-sha-1-on-the-public-web/")])
}
