/// JSSE (Java 8/11/17/21), Go crypto/tls (1.17, 1.19) and GnuTLS 3.7. Java 17, Go 1.19 and
/// GnuTLS 3.7.9 hellos were captured here (Tests/Oracle runs the same clients against the
/// lab); Java 8/11 and Go 1.17 come from testssl.sh's captures.
extension ClientProfile {
    static func jsse(_ release: String, sha1: ClientAcceptance.SHA1Rule = .refusedUnderShippedRoots) -> ClientAcceptance {
        ClientAcceptance(library: "JSSE \(release)", trustStore: .javaCacerts, commonNameFallback: true, minRSABits: 1024,
                         sha1Signatures: sha1, minDHBits: 1024, maxCertificateMessageBytes: 32_768)
    }

    static let jsseSources = [
        ProfileSource("jdk.certpath.disabledAlgorithms: MD2, MD5, SHA1 jdkCA & usage TLSServer, RSA keySize < 1024, DSA keySize < 1024, EC keySize < 224",
                      "openjdk/jdk17u src/java.base/share/conf/security/java.security"),
        ProfileSource("jdk.tls.disabledAlgorithms: SSLv3, TLSv1, TLSv1.1, RC4, DES, MD5withRSA, DH keySize < 1024, EC keySize < 224, 3DES_EDE_CBC, anon, NULL",
                      "openjdk/jdk17u src/java.base/share/conf/security/java.security"),
        ProfileSource("a handshake message over jdk.tls.maxHandshakeMessageSize (32768) fails", "openjdk/jdk17u src/java.base/share/classes/sun/security/ssl/SSLConfiguration.java maxHandshakeMessageSize"),
        ProfileSource("HTTPS endpoint identification: DNS SANs, the CN only without a DNS SAN; IP SANs for IP hosts", "openjdk/jdk17u src/java.base/share/classes/sun/security/util/HostnameChecker.java matchDNS/matchIP"),
        ProfileSource("no AIA fetching unless com.sun.security.enableAIAcaIssuers=true", "openjdk/jdk17u src/java.base/share/classes/sun/security/provider/certpath/URICertStore.java; docs PKI Programmer's Guide"),
    ]

    public static let java17 = matrixClient(
        "java-17", "Java 17 JSSE defaults (HttpsURLConnection, HttpClient): TLS 1.2–1.3, status_request, cacerts",
        basis: "OpenJDK 17.0.15 (Debian 12); hello captured from Tests/Oracle/JavaTLSClient.java",
        hello: HelloRecipe(
            versions: [0x0304, 0x0303],
            suites: [0x1302, 0x1301, 0x1303, 0xC02C, 0xC02B, 0xCCA9, 0xC030, 0xCCA8, 0xC02F, 0x009F, 0xCCAA, 0x00A3, 0x009E, 0x00A2, 0xC024, 0xC028,
                     0xC023, 0xC027, 0x006B, 0x006A, 0x0067, 0x0040, 0xC00A, 0xC014, 0xC009, 0xC013, 0x0039, 0x0038, 0x0033, 0x0032, 0x009D, 0x009C,
                     0x003D, 0x003C, 0x0035, 0x002F, 0x00FF],
            groups: [0x001D, 0x0017, 0x0018, 0x0019, 0x001E, 0x0100, 0x0101, 0x0102, 0x0103, 0x0104], keyShares: [0x001D, 0x0017],
            signatureSchemes: [0x0403, 0x0503, 0x0603, 0x0807, 0x0808, 0x0804, 0x0805, 0x0806, 0x0809, 0x080A, 0x080B, 0x0401, 0x0501, 0x0601, 0x0402,
                               0x0303, 0x0301, 0x0302, 0x0203, 0x0201, 0x0202],
            extensions: [0, 5, 10, 11, 17, 23, 35, 13, 43, 45, 50, 51], pointFormats: [0],
            rawBodies: [17: [0x00, 0x07, 0x02, 0x00, 0x04, 0x00, 0x00, 0x00, 0x00],
                        50: [0x00, 0x2A, 0x04, 0x03, 0x05, 0x03, 0x06, 0x03, 0x08, 0x07, 0x08, 0x08, 0x08, 0x04, 0x08, 0x05, 0x08, 0x06, 0x08, 0x09,
                             0x08, 0x0A, 0x08, 0x0B, 0x04, 0x01, 0x05, 0x01, 0x06, 0x01, 0x04, 0x02, 0x03, 0x03, 0x03, 0x01, 0x03, 0x02, 0x02, 0x03,
                             0x02, 0x01, 0x02, 0x02]]),
        accepts: jsse("17.0.15"),
        sources: [ProfileSource("ClientHello", "captured here from OpenJDK 17.0.15 (Tests/Oracle/JavaTLSClient.java), scripts/capture-client-hello.py")] + jsseSources)

    public static let java21: ClientProfile = {
        var profile = java17
        profile.name = "java-21"
        profile.summary = "Java 21 JSSE defaults: as Java 17 (same suites, groups and disabled algorithms), TLS_ECDH_* also disabled"
        profile.basis = "OpenJDK 21 documented defaults, modelled on the Java 17 capture; not run here"
        profile.acceptance?.library = "JSSE 21"
        profile.sources = [ProfileSource("ClientHello: Java 17's (21 changed no default suite, group or signature scheme the server sees first)",
                                         "openjdk/jdk21u src/java.base/share/classes/sun/security/ssl/CipherSuite.java, NamedGroup.java; JDK 21 release notes (TLS_ECDH_* disabled)")] + jsseSources
        return profile
    }()

    public static let java11 = matrixClient(
        "java-11", "Java 11 JSSE defaults: TLS 1.0–1.3 offered (1.0/1.1 disabled from 11.0.11), secp256r1 key share",
        basis: "OpenJDK 11.0.2 (testssl.sh capture)",
        hello: HelloRecipe(
            versions: [0x0304, 0x0303, 0x0302, 0x0301],
            suites: [0x1301, 0x1302, 0xC02C, 0xC02B, 0xC030, 0x009D, 0xC02E, 0xC032, 0x009F, 0x00A3, 0xC02F, 0x009C, 0xC02D, 0xC031, 0x009E, 0x00A2,
                     0xC024, 0xC028, 0x003D, 0xC026, 0xC02A, 0x006B, 0x006A, 0xC00A, 0xC014, 0x0035, 0xC005, 0xC00F, 0x0039, 0x0038, 0xC023, 0xC027,
                     0x003C, 0xC025, 0xC029, 0x0067, 0x0040, 0xC009, 0xC013, 0x002F, 0xC004, 0xC00E, 0x0033, 0x0032],
            groups: [0x0017, 0x0018, 0x0019, 0x0009, 0x000A, 0x000B, 0x000C, 0x000D, 0x000E, 0x0016, 0x0100, 0x0101, 0x0102, 0x0103, 0x0104], keyShares: [0x0017],
            signatureSchemes: [0x0403, 0x0503, 0x0603, 0x0804, 0x0805, 0x0806, 0x0809, 0x080A, 0x080B, 0x0401, 0x0501, 0x0601, 0x0402, 0x0303, 0x0301,
                               0x0302, 0x0203, 0x0201, 0x0202],
            extensions: [0, 5, 10, 11, 13, 17, 23, 43, 45, 51, 65281],
            rawBodies: [17: [0x00, 0x07, 0x02, 0x00, 0x04, 0x00, 0x00, 0x00, 0x00]]),
        accepts: jsse("11"),
        sources: [ProfileSource("ClientHello", "testssl/testssl.sh 3.2 etc/client-simulation.txt \"Java 11.0.2 (OpenJDK)\"")] + jsseSources)

    public static let java8 = matrixClient(
        "java-8", "Java 8 JSSE (8u161): TLS ≤ 1.2, no X25519, no ALPN before 8u252",
        basis: "Oracle/OpenJDK 8u161 (testssl.sh capture)",
        hello: HelloRecipe(
            versions: [0x0303, 0x0302, 0x0301],
            suites: [0xC024, 0xC028, 0x003D, 0xC026, 0xC02A, 0x006B, 0x006A, 0xC00A, 0xC014, 0x0035, 0xC005, 0xC00F, 0x0039, 0x0038, 0xC023, 0xC027,
                     0x003C, 0xC025, 0xC029, 0x0067, 0x0040, 0xC009, 0xC013, 0x002F, 0xC004, 0xC00E, 0x0033, 0x0032, 0xC02C, 0xC02B, 0xC030, 0x009D,
                     0xC02E, 0xC032, 0x009F, 0x00A3, 0xC02F, 0x009C, 0xC02D, 0xC031, 0x009E, 0x00A2, 0xC008, 0xC012, 0x000A, 0xC003, 0xC00D, 0x0016,
                     0x0013, 0x00FF],
            groups: [0x0017, 0x0018, 0x0019, 0x0009, 0x000A, 0x000B, 0x000C, 0x000D, 0x000E, 0x0016], keyShares: [],
            signatureSchemes: [0x0603, 0x0601, 0x0503, 0x0501, 0x0403, 0x0401, 0x0402, 0x0203, 0x0201, 0x0202],
            extensions: [10, 11, 13, 23, 0]),
        accepts: jsse("8u161", sha1: .accepted),
        sources: [ProfileSource("ClientHello", "testssl/testssl.sh 3.2 etc/client-simulation.txt \"Java 8u161\""),
                  ProfileSource("SHA-1 TLS server chains to shipped roots disabled only from 8u311 (here: accepted)", "Oracle JRE 8u311 release notes (JDK-8269654 is 17; 8: 'SHA-1 signed JARs'); openjdk/jdk8u java.security of 8u161")] + jsseSources)

    static let goSources = [
        ProfileSource("no CN fallback: a certificate without SANs fails (\"x509: certificate relies on legacy Common Name field\")", "golang/go go1.15 release notes; src/crypto/x509/verify.go VerifyHostname"),
        ProfileSource("SHA-1 signatures refused (\"x509: cannot verify signature: insecure algorithm SHA1-RSA\")", "golang/go go1.18 release notes; src/crypto/x509/x509.go"),
        ProfileSource("client minimum TLS 1.2 (tls.Config.MinVersion default)", "golang/go go1.18 release notes; src/crypto/tls/common.go"),
        ProfileSource("no DHE suites at all; RSA keys of any size accepted before go1.24", "golang/go src/crypto/tls/cipher_suites.go; go1.24 release notes (RSA < 1024 refused)"),
        ProfileSource("a handshake message over 65536 bytes fails (\"tls: handshake message of length … bytes exceeds maximum\")", "golang/go src/crypto/tls/conn.go maxHandshake"),
        ProfileSource("the system roots (/etc/ssl/certs); the chain is built from any sent certificate; no AIA fetching on Linux", "golang/go src/crypto/x509/root_linux.go, verify.go buildChains"),
    ]

    /// What Go 1.19 checks beyond OpenSSL's default and where it is laxer, each held to a real
    /// go1.19.8 client by GoStrictProfileTests.
    static let go119StrictSources = [
        ProfileSource("a v3 CA without basicConstraints CA:TRUE, the root included, cannot sign (\"x509: invalid signature: parent certificate cannot sign this kind of certificate\"); a v1 root can",
                      "golang/go go1.19 src/crypto/x509/x509.go CheckSignatureFrom (parent.Version == 3 && !parent.BasicConstraintsValid), verify.go isValid; GoStrictProfileTests against go1.19.8"),
        ProfileSource("a CA's extendedKeyUsage applies to the certificates below it (\"x509: certificate specifies an incompatible key usage\")",
                      "golang/go go1.19 src/crypto/x509/verify.go checkChainForKeyUsage; GoStrictProfileTests against go1.19.8"),
        ProfileSource("critical authority and subject key identifiers are accepted (OpenSSL 3 calls them unhandled critical extensions)",
                      "golang/go go1.19 src/crypto/x509/parser.go processExtensions (cases 35 and 14 parse AKI and SKI whatever their critical flag); GoStrictProfileTests against go1.19.8"),
        ProfileSource("not checked: basicConstraints criticality, missing key identifiers, a CA without keyUsage, serial numbers, malformed SAN names, wildcards over public suffixes",
                      "GoStrictProfileTests against go1.19.8 (each connects)"),
    ]

    /// Go's parser handles these when critical; OpenSSL 3.0's X509_supported_extension does not list them.
    static let goHandledCriticalExtensions: Set<String> = ["X509v3 Authority Key Identifier", "X509v3 Subject Key Identifier"]

    public static let go119: ClientProfile = {
        var profile = go119Hello
        profile.strictRules = StrictRule.go
        profile.acceptance?.handledCriticalExtensions = goHandledCriticalExtensions
        profile.sources += go119StrictSources
        return profile
    }()

    private static let go119Hello = matrixClient(
        "go-1.19", "Go 1.19 crypto/tls defaults (net/http): TLS 1.2–1.3, no DHE, no CN fallback, no SHA-1",
        basis: "go1.19.8 (Debian 12 golang-go); hello captured from Tests/Oracle/go_tls_client.go",
        hello: HelloRecipe(
            versions: [0x0304, 0x0303],
            suites: [0xC02B, 0xC02F, 0xC02C, 0xC030, 0xCCA9, 0xCCA8, 0xC009, 0xC013, 0xC00A, 0xC014, 0x009C, 0x009D, 0x002F, 0x0035, 0xC012, 0x000A,
                     0x1301, 0x1302, 0x1303],
            groups: [0x001D, 0x0017, 0x0018, 0x0019], keyShares: [0x001D],
            signatureSchemes: [0x0804, 0x0403, 0x0807, 0x0805, 0x0806, 0x0401, 0x0501, 0x0601, 0x0503, 0x0603, 0x0201, 0x0203],
            extensions: [0, 5, 10, 11, 13, 65281, 18, 43, 51]),
        accepts: ClientAcceptance(library: "Go 1.19 crypto/tls", trustStore: .system, commonNameFallback: false, minRSABits: 0,
                                  sha1Signatures: .refused, minDHBits: nil, maxCertificateMessageBytes: 65_536),
        sources: [ProfileSource("ClientHello", "captured here from go1.19.8 (Tests/Oracle/go_tls_client.go), scripts/capture-client-hello.py")] + goSources)

    public static let go117 = matrixClient(
        "go-1.17", "Go 1.17 crypto/tls: TLS 1.0–1.3 offered, SHA-1 still accepted, no CN fallback",
        basis: "go1.17.8 (testssl.sh capture)",
        hello: HelloRecipe(
            versions: [0x0304, 0x0303, 0x0302, 0x0301],
            suites: [0xC02B, 0xC02F, 0xC02C, 0xC030, 0xCCA9, 0xCCA8, 0xC009, 0xC013, 0xC00A, 0xC014, 0x009C, 0x009D, 0x002F, 0x0035, 0xC012, 0x000A,
                     0x1301, 0x1302, 0x1303],
            groups: [0x001D, 0x0017, 0x0018, 0x0019], keyShares: [0x001D],
            signatureSchemes: [0x0804, 0x0403, 0x0807, 0x0805, 0x0806, 0x0401, 0x0501, 0x0601, 0x0503, 0x0603, 0x0201, 0x0203],
            extensions: [0, 5, 10, 11, 13, 65281, 16, 18, 43, 51], alpn: ["h2", "http/1.1"]),
        accepts: ClientAcceptance(library: "Go 1.17 crypto/tls", trustStore: .system, commonNameFallback: false, minRSABits: 0,
                                  sha1Signatures: .accepted, minDHBits: nil, maxCertificateMessageBytes: 65_536),
        sources: [ProfileSource("ClientHello", "testssl/testssl.sh 3.2 etc/client-simulation.txt \"go 1.17.8\"")] + goSources.filter { !$0.fact.hasPrefix("SHA-1") && !$0.fact.hasPrefix("client minimum") })

    public static let gnutls37 = matrixClient(
        "gnutls-3.7", "GnuTLS 3.7 NORMAL priority (gnutls-cli, wget, apt's https, glib-networking): status_request, record_size_limit",
        basis: "GnuTLS 3.7.9 (Debian 12); hello captured from gnutls-cli",
        hello: HelloRecipe(
            versions: [0x0304, 0x0303, 0x0302, 0x0301],
            suites: [0x1302, 0x1303, 0x1301, 0x1304, 0xC02C, 0xCCA9, 0xC0AD, 0xC00A, 0xC02B, 0xC0AC, 0xC009, 0xC030, 0xCCA8, 0xC014, 0xC02F, 0xC013,
                     0x009D, 0xC09D, 0x0035, 0x009C, 0xC09C, 0x002F, 0x009F, 0xCCAA, 0xC09F, 0x0039, 0x009E, 0xC09E, 0x0033],
            groups: [0x0017, 0x0018, 0x0019, 0x001D, 0x001E, 0x0100, 0x0101, 0x0102, 0x0103, 0x0104], keyShares: [0x0017, 0x001D],
            signatureSchemes: [0x0401, 0x0809, 0x0804, 0x0403, 0x0807, 0x0501, 0x080A, 0x0805, 0x0503, 0x0808, 0x0601, 0x080B, 0x0806, 0x0603, 0x0201, 0x0203],
            extensions: [5, 10, 11, 13, 22, 23, 35, 51, 43, 65281, 0, 45, 28], pskModes: [1, 0], rawBodies: [28: [0x40, 0x01]]),
        accepts: ClientAcceptance(library: "GnuTLS 3.7.9", trustStore: .system, commonNameFallback: true, minRSABits: 1024,
                                  sha1Signatures: .refused, minDHBits: 1024, maxCertificateMessageBytes: nil),
        sources: [ProfileSource("ClientHello", "captured here from gnutls-cli 3.7.9 (Debian 12), scripts/capture-client-hello.py"),
                  ProfileSource("SHA-1 certificate signatures are insecure for certificates (GNUTLS_CERT_INSECURE_ALGORITHM)", "gnutls 3.7 lib/algorithms/sign.c (SHA1 flags GNUTLS_SIGN_FLAG_INSECURE_REVERTIBLE for certs); NEWS 3.6.0"),
                  ProfileSource("default verification profile low: RSA ≥ 1024 (80-bit); DH ≥ 1024", "gnutls 3.7 lib/algorithms/secparams.c, lib/priority.c (NORMAL: %PROFILE_LOW)"),
                  ProfileSource("host name: DNS SANs, the CN only without any DNS SAN", "gnutls 3.7 lib/x509/hostname-verify.c gnutls_x509_crt_check_hostname2"),
                  ProfileSource("the sent chain is sorted before verification (GNUTLS_VERIFY_DO_NOT_ALLOW_UNSORTED_CHAIN off)", "gnutls 3.7 lib/cert-session.c, NEWS 3.4.0")])
}
