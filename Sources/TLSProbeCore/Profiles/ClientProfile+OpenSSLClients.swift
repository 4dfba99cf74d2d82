/// Clients on OpenSSL: the library's own defaults (s_client), curl and Python on Debian 12's
/// OpenSSL 3.0, Node's bundled OpenSSL, and the Debian 10/11 (1.1.1) and 1.0.2 generations.
/// The 3.0 hellos were captured on this machine (scripts/capture-client-hello.py); the older
/// ones come from testssl.sh's etc/client-simulation.txt (captured by its authors).
extension ClientProfile {
    /// Debian 12's OpenSSL 3.0 rules, shared by everything linked against it.
    static let debianOpenSSL3Acceptance = ClientAcceptance(
        library: "OpenSSL 3.0 (Debian 12)", trustStore: .system, commonNameFallback: true, securityLevel: 2,
        minRSABits: 2048, sha1Signatures: .refused, minDHBits: 2048, maxCertificateMessageBytes: 102_400)

    static let openSSL3Sources = [
        ProfileSource("security level 2 (RSA/DH ≥ 2048 bits, no SHA-1 signatures): Debian's system default", "Debian 12 /etc/ssl/openssl.cnf [system_default_sect] CipherString = DEFAULT:@SECLEVEL=2; OpenSSL 3.0 doc/man3/SSL_CTX_set_security_level.pod"),
        ProfileSource("a Certificate message over 100 KiB fails (\"excessive message size\")", "OpenSSL 3.0 doc/man3/SSL_CTX_set_max_cert_list.pod (default 100 KiB)"),
        ProfileSource("host name: DNS SANs, else the subject CN (X509_check_host without X509_CHECK_FLAG_NEVER_CHECK_SUBJECT)", "OpenSSL 3.0 doc/man3/X509_check_host.pod"),
        ProfileSource("alternative chains are tried (X509_V_FLAG_TRUSTED_FIRST is the default since 1.1.0)", "OpenSSL 1.1.0 CHANGES; doc/man1/openssl-verification-options.pod"),
        ProfileSource("no AIA fetching: a missing intermediate fails", "OpenSSL 3.0 crypto/x509/x509_vfy.c (no network access)"),
    ]

    static let openSSL3Hello = HelloRecipe(
        versions: [0x0304, 0x0303, 0x0302, 0x0301],
        suites: [0x1302, 0x1303, 0x1301, 0xC02C, 0xC030, 0x009F, 0xCCA9, 0xCCA8, 0xCCAA, 0xC02B, 0xC02F, 0x009E, 0xC024, 0xC028, 0x006B, 0xC023,
                 0xC027, 0x0067, 0xC00A, 0xC014, 0x0039, 0xC009, 0xC013, 0x0033, 0x009D, 0x009C, 0x003D, 0x003C, 0x0035, 0x002F, 0x00FF],
        groups: [0x001D, 0x0017, 0x001E, 0x0019, 0x0018, 0x0100, 0x0101, 0x0102, 0x0103, 0x0104],
        keyShares: [0x001D],
        signatureSchemes: [0x0403, 0x0503, 0x0603, 0x0807, 0x0808, 0x0809, 0x080A, 0x080B, 0x0804, 0x0805, 0x0806, 0x0401, 0x0501, 0x0601,
                           0x0303, 0x0301, 0x0302, 0x0402, 0x0502, 0x0602],
        extensions: [0, 11, 10, 35, 22, 23, 13, 43, 45, 51],
        pointFormats: [0, 1, 2])

    public static let openSSL30 = matrixClient(
        "openssl-3.0", "OpenSSL 3.0 library defaults (openssl s_client, any program on Debian 12's libssl3)",
        basis: "OpenSSL 3.0.19, Debian 12; hello captured from openssl s_client",
        hello: openSSL3Hello, accepts: debianOpenSSL3Acceptance,
        sources: [ProfileSource("ClientHello", "captured here from `openssl s_client -connect` (OpenSSL 3.0.19, Debian 12), scripts/capture-client-hello.py")] + openSSL3Sources)

    public static let curl788: ClientProfile = {
        var hello = openSSL3Hello
        hello.extensions = [0, 11, 10, 16, 22, 23, 49, 13, 43, 45, 51]
        hello.alpn = ["h2", "http/1.1"]
        hello.padsTo512 = true
        return matrixClient(
            "curl-7.88", "curl 7.88 on Debian 12's OpenSSL 3.0: ALPN h2, no session ticket, padded hello",
            basis: "curl 7.88.1 (OpenSSL 3.0.19), Debian 12; hello captured from curl",
            hello: hello, accepts: debianOpenSSL3Acceptance,
            sources: [ProfileSource("ClientHello", "captured here from `curl https://…` (7.88.1-10+deb12u14), scripts/capture-client-hello.py"),
                      ProfileSource("host name checked by OpenSSL (SSL_set1_host): DNS SANs, else the CN", "curl 7.88.1 lib/vtls/openssl.c ossl_connect_step1 (SSL_set1_host), verifyhost")] + openSSL3Sources)
    }()

    public static let python311: ClientProfile = {
        var hello = openSSL3Hello
        hello.versions = [0x0304, 0x0303]
        hello.suites = [0x1302, 0x1303, 0x1301, 0xC02C, 0xC030, 0xC02B, 0xC02F, 0xCCA9, 0xCCA8, 0xC024, 0xC028, 0xC023, 0xC027, 0x009F, 0x009E, 0x006B, 0x0067, 0x00FF]
        hello.padsTo512 = true
        var accepts = debianOpenSSL3Acceptance
        accepts.library = "Python 3.11 ssl on OpenSSL 3.0"
        return matrixClient(
            "python-3.11", "Python 3.11 ssl.create_default_context() (urllib, requests with the system store): TLS 1.2+, AEAD/PFS suites",
            basis: "CPython 3.11.7 on OpenSSL 3.0.19; hello captured from ssl.create_default_context()",
            hello: hello, accepts: accepts,
            sources: [ProfileSource("ClientHello", "captured here from Python 3.11.7 ssl.create_default_context().wrap_socket, scripts/capture-client-hello.py"),
                      ProfileSource("TLS 1.2 minimum and the PY_SSL_DEFAULT_CIPHER_STRING suites", "cpython v3.11 Modules/_ssl.c (PY_SSL_DEFAULT_CIPHERS, minimum_version = TLSv1_2 since 3.10)"),
                      ProfileSource("host name: hostname_checks_common_name (X509_CHECK_FLAG_NEVER_CHECK_SUBJECT off unless set)", "cpython v3.11 Doc/library/ssl.rst SSLContext.hostname_checks_common_name")] + openSSL3Sources)
    }()

    /// Python requests: urllib3 2's context on the same ssl module, but certifi's roots and no
    /// CN fallback. (python-3.11 is the ssl module's own default context: the system store.)
    public static let requests234: ClientProfile = {
        var hello = python311.matrixHello
        hello.extensions = [0, 11, 10, 16, 22, 23, 49, 13, 43, 45, 51]
        hello.alpn = ["http/1.1"]
        hello.rawBodies = [49: []]
        var accepts = debianOpenSSL3Acceptance
        accepts.library = "Python requests 2.34 (urllib3 2.7, ssl on OpenSSL 3.0)"
        accepts.trustStore = .certifi
        accepts.commonNameFallback = false
        return matrixClient(
            "requests-2.34", "Python requests 2.34 / urllib3 2.7 on Python 3.11: certifi's roots (requests' default verify=True), no CN fallback",
            basis: "requests 2.34.2, urllib3 2.7.0, certifi, CPython 3.11.7 on OpenSSL 3.0.19; hello captured from requests.get",
            hello: hello, accepts: accepts,
            sources: [ProfileSource("ClientHello", "captured here from requests.get('https://localhost:PORT/') (requests 2.34.2, urllib3 2.7.0, Python 3.11.7), scripts/capture-client-hello.py"),
                      ProfileSource("trusts certifi's cacert.pem (REQUESTS_CA_BUNDLE / CURL_CA_BUNDLE or verify=PATH replace it)", "requests 2.34 src/requests/utils.py DEFAULT_CA_BUNDLE_PATH = certs.where(); adapters.py cert_verify"),
                      ProfileSource("no CN fallback: hostname_checks_common_name = False; ALPN http/1.1; post-handshake auth; no session ticket", "urllib3 2.7 src/urllib3/util/ssl_.py create_urllib3_context, ssl_wrap_socket (ALPN_PROTOCOLS)")] + openSSL3Sources)
    }()

    public static let node20: ClientProfile = {
        var accepts = debianOpenSSL3Acceptance
        accepts.library = "Node.js 20 bundled OpenSSL 3.0"
        accepts.trustStore = .nodeBundled
        accepts.securityLevel = 1
        accepts.minRSABits = 1024
        accepts.minDHBits = 1024
        accepts.commonNameFallback = false
        var hello = openSSL3Hello
        hello.extensions = [0, 11, 10, 16, 35, 22, 23, 13, 43, 45, 51]
        hello.alpn = []
        return matrixClient(
            "node-20", "Node.js 20 https/tls: its bundled OpenSSL 3 at security level 1 and its own Mozilla root snapshot",
            basis: "Node.js 20 LTS (bundled OpenSSL 3.0), documented defaults; not run here",
            hello: hello, accepts: accepts,
            sources: [ProfileSource("bundled OpenSSL without the distribution's openssl.cnf: security level 1 (RSA/DH ≥ 1024)", "nodejs/node v20 doc/api/tls.md (Modifying the default TLS cipher suite; --openssl-config); deps/openssl"),
                      ProfileSource("trusts its compiled-in Mozilla roots unless --use-openssl-ca", "nodejs/node v20 src/node_root_certs.h, doc/api/cli.md --use-bundled-ca"),
                      ProfileSource("tls.checkServerIdentity: DNS SANs only when present; the CN only without any SAN", "nodejs/node v20 lib/tls.js checkServerIdentity"),
                      ProfileSource("ClientHello: the OpenSSL 3 default list (Node's DEFAULT_CIPHERS) — modelled on the capture of openssl s_client", "nodejs/node v20 src/node_constants.h DEFAULT_CIPHER_LIST_CORE")])
    }()

    public static let openSSL111: ClientProfile = matrixClient(
        "openssl-1.1.1", "OpenSSL 1.1.1 on Debian 10/11 (curl 7.64–7.74, Python 3.7–3.9): TLS 1.2 minimum, security level 2",
        basis: "OpenSSL 1.1.1d, Debian 10 (testssl.sh capture)",
        hello: HelloRecipe(
            versions: [0x0304, 0x0303],
            suites: [0x1302, 0x1303, 0x1301, 0xC02C, 0xC030, 0x009F, 0xCCA9, 0xCCA8, 0xCCAA, 0xC02B, 0xC02F, 0x009E, 0xC024, 0xC028, 0x006B, 0xC023,
                     0xC027, 0x0067, 0xC00A, 0xC014, 0x0039, 0xC009, 0xC013, 0x0033, 0x009D, 0x009C, 0x003D, 0x003C, 0x0035, 0x002F, 0x00FF],
            groups: [0x001D, 0x0017, 0x001E, 0x0019, 0x0018], keyShares: [0x001D],
            signatureSchemes: [0x0403, 0x0503, 0x0603, 0x0807, 0x0808, 0x0809, 0x080A, 0x080B, 0x0804, 0x0805, 0x0806, 0x0401, 0x0501, 0x0601,
                               0x0303, 0x0301, 0x0302, 0x0402, 0x0502, 0x0602],
            extensions: [0, 11, 10, 35, 22, 23, 13, 43, 45, 51], pointFormats: [0, 1, 2]),
        accepts: ClientAcceptance(library: "OpenSSL 1.1.1 (Debian 10/11)", trustStore: .system, commonNameFallback: true, securityLevel: 2,
                                  minRSABits: 2048, sha1Signatures: .refused, minDHBits: 2048, maxCertificateMessageBytes: 102_400),
        sources: [ProfileSource("ClientHello", "testssl/testssl.sh 3.2 etc/client-simulation.txt \"OpenSSL 1.1.1d (Debian)\""),
                  ProfileSource("MinProtocol = TLSv1.2, CipherString = DEFAULT@SECLEVEL=2", "Debian 10 openssl 1.1.1d debian/patches/Set-systemwide-default-settings-for-libssl-users.patch"),
                  ProfileSource("SHA-1 (80 security bits) is below level 2's 112 bits: SHA-1-signed certificates fail (\"ca md too weak\"); OpenSSL 3.0 moved that refusal down to level 1", "OpenSSL 1.1.1 doc/man3/SSL_CTX_set_security_level.pod; OpenSSL 3.0 CHANGES.md")])

    public static let openSSL102: ClientProfile = matrixClient(
        "openssl-1.0.2", "OpenSSL 1.0.2 (RHEL/CentOS 7, old appliances): TLS ≤ 1.2, no security levels, first chain only",
        basis: "OpenSSL 1.0.2e (testssl.sh capture)",
        hello: HelloRecipe(
            versions: [0x0303, 0x0302, 0x0301],
            suites: [0xC030, 0xC02C, 0xC028, 0xC024, 0xC014, 0xC00A, 0x00A5, 0x00A3, 0x00A1, 0x009F, 0x006B, 0x006A, 0x0069, 0x0068, 0x0039, 0x0038,
                     0x0037, 0x0036, 0x0088, 0x0087, 0x0086, 0x0085, 0xC032, 0xC02E, 0xC02A, 0xC026, 0xC00F, 0xC005, 0x009D, 0x003D, 0x0035, 0x0084,
                     0xC02F, 0xC02B, 0xC027, 0xC023, 0xC013, 0xC009, 0x00A4, 0x00A2, 0x00A0, 0x009E, 0x0067, 0x0040, 0x003F, 0x003E, 0x0033, 0x0032,
                     0x0031, 0x0030, 0x009A, 0x0099, 0x0098, 0x0097, 0x0045, 0x0044, 0x0043, 0x0042, 0xC031, 0xC02D, 0xC029, 0xC025, 0xC00E, 0xC004,
                     0x009C, 0x003C, 0x002F, 0x0096, 0x0041, 0x0007, 0xC011, 0xC007, 0xC00C, 0xC002, 0x0005, 0x0004, 0xC012, 0xC008, 0x0016, 0x0013,
                     0x0010, 0x000D, 0xC00D, 0xC003, 0x000A, 0x0015, 0x0012, 0x000F, 0x000C, 0x0009, 0x00FF],
            groups: [0x0017, 0x0019, 0x001C, 0x001B, 0x0018, 0x001A, 0x0016, 0x000E, 0x000D, 0x000B, 0x000C, 0x0009, 0x000A], keyShares: [],
            signatureSchemes: [0x0601, 0x0602, 0x0603, 0x0501, 0x0502, 0x0503, 0x0401, 0x0402, 0x0403, 0x0301, 0x0302, 0x0303, 0x0201, 0x0202, 0x0203],
            extensions: [0, 11, 10, 35, 13, 5, 15], pointFormats: [0, 1, 2], rawBodies: [15: [0x01]]),
        accepts: ClientAcceptance(library: "OpenSSL 1.0.2", trustStore: .system, alternativeChains: false, commonNameFallback: true,
                                  minRSABits: 512, sha1Signatures: .accepted, minDHBits: 768, maxCertificateMessageBytes: 102_400),
        sources: [ProfileSource("ClientHello", "testssl/testssl.sh 3.2 etc/client-simulation.txt \"OpenSSL 1.0.2e\""),
                  ProfileSource("no security levels; DH below 768 bits refused (Logjam fix)", "OpenSSL 1.0.2 CHANGES (1.0.2b: \"Reject DH handshakes with parameters shorter than 768 bits\")"),
                  ProfileSource("the first chain built is the only one tried (no X509_V_FLAG_TRUSTED_FIRST by default)", "OpenSSL 1.0.2 crypto/x509/x509_vfy.c X509_verify_cert; doc/apps/verify.pod -trusted_first")])
}
