import Foundation
import TLSProbeTestSupport
import TLSProbeCore
import TLSProbeLab

/// The foreign servers of the fault-class tests, one configuration per fault and stack in each
/// stack's own syntax, started once per test process (`ForeignServerPool`) and shared by the
/// per-fault tests and the stack × class table.
enum StackFaultServers {
    static var chain: [LabCertificate] { LabFixture.pki.chain }

    /// `stack` started once per process for this configuration name, with `configure`'s spec.
    private static func pooled(_ stack: ForeignStack, _ configuration: String, _ configure: (inout ForeignServerSpec) throws -> Void) throws -> ForeignTLSServer {
        try ForeignServerPool.server("\(stack.name)-\(configuration)") {
            var spec = ForeignServerSpec(chain: chain)
            try configure(&spec)
            return try ForeignTLSServer.start(stack, spec)
        }
    }

    /// The stack as it comes.
    static func plain(_ stack: ForeignStack) throws -> ForeignTLSServer {
        try pooled(stack, "default") { _ in }
    }

    /// Only suites OpenSSL 3 cannot negotiate: Camellia-GCM (GnuTLS, Botan, Mbed TLS) or RC4 (Go, tlslite-ng).
    static func suitesOpenSSLLacks(_ stack: ForeignStack) throws -> ForeignTLSServer {
        try pooled(stack, "camellia-gcm") { spec in
            switch stack {
            case .go:
                spec.ciphers = "TLS_ECDHE_RSA_WITH_RC4_128_SHA,TLS_RSA_WITH_RC4_128_SHA"
                spec.extra = ["-maxversion", "1.2"]
            case .tlslite:
                spec.ciphers = "rc4"
                spec.extra = ["--max-ver", "tls1.2"]
            case .lighttpdMbedTLS:
                spec.ciphers = "TLS-ECDHE-RSA-WITH-CAMELLIA-128-GCM-SHA256:TLS-ECDHE-RSA-WITH-CAMELLIA-256-GCM-SHA384"
            default:
                spec.ciphers = "NORMAL:-CIPHER-ALL:+CAMELLIA-128-GCM:+CAMELLIA-256-GCM:-VERS-TLS1.3"
                spec.botanPolicy = ["ciphers = Camellia-128/GCM Camellia-256/GCM"]
            }
        }
    }

    /// TLS 1.2, and SHA-1 the only signature hash the server may use.
    static func sha1SignaturesOnly(_ stack: ForeignStack) throws -> ForeignTLSServer {
        try pooled(stack, "sha1-signatures-only") { spec in
            switch stack {
            case .gnutls: spec.ciphers = "NORMAL:-SIGN-ALL:+SIGN-RSA-SHA1:-VERS-TLS1.3:-KX-ALL:+ECDHE-RSA"
            case .java:
                spec.ciphers = "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"
                spec.extra = ["-Djdk.tls.server.SignatureSchemes=rsa_pkcs1_sha1", "--protocols", "TLSv1.2"]
            default:
                spec.ciphers = "ECDHE:@SECLEVEL=0"
                spec.botanPolicy = ["signature_methods = RSA", "signature_hashes = SHA-1"]
                spec.extra = stack == .openssl ? ["-sigalgs", "RSA+SHA1", "-no_tls1_3"] : []
            }
        }
    }

    /// A client certificate from the lab's client CA, required by the TLS stack itself.
    static func clientCertificateRequired(_ stack: ForeignStack) throws -> ForeignTLSServer {
        try pooled(stack, "client-cert") { spec in
            spec.requireClientCertificateFrom = LabFixture.pki.clientCA
        }
    }

    /// CBC-mode suites only (TLS 1.2).
    static func cbcOnly(_ stack: ForeignStack) throws -> ForeignTLSServer {
        try pooled(stack, "cbc-only") { spec in
            switch stack {
            case .gnutls: spec.ciphers = "NORMAL:-CIPHER-ALL:+AES-128-CBC:+AES-256-CBC:-VERS-TLS1.3"
            case .java:
                spec.ciphers = "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA,TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA"
                spec.extra = ["--protocols", "TLSv1.2"]
            case .go:
                spec.ciphers = "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA"
                spec.extra = ["-maxversion", "1.2"]
            case .lighttpdMbedTLS: spec.ciphers = "TLS-ECDHE-RSA-WITH-AES-128-CBC-SHA256"
            case .tlslite:
                spec.ciphers = "aes128"
                spec.extra = ["--max-ver", "tls1.2"]
            case .lighttpdWolfSSL:
                spec.ciphers = "ECDHE-RSA-AES128-SHA256"
                spec.extra = ["ssl.openssl.ssl-conf-cmd = (\"MaxProtocol\" => \"TLSv1.2\")"]
            default:
                spec.ciphers = "ECDHE-RSA-AES128-SHA:ECDHE-RSA-AES256-SHA"
                spec.extra = stack == .openssl ? ["-no_tls1_3"] : []
                spec.botanPolicy = ["ciphers = AES-128 AES-256", "macs = SHA-1 SHA-256 SHA-384"]
            }
        }
    }

    /// DHE only, on the RFC 5114 2048-bit prime with a 224-bit subgroup (not a safe prime), TLS 1.2.
    static func rfc5114Prime(_ stack: ForeignStack) throws -> ForeignTLSServer {
        try ForeignServerPool.server("\(stack.name)-dh-rfc5114") {
            let dhFile = LabFixture.directory.appending(path: "dh-rfc5114-2048-224.pem")
            if !FileManager.default.fileExists(atPath: dhFile.path) {
                let openssl = try TestProcess.tool("openssl", ["genpkey", "-genparam", "-algorithm", "DH", "-pkeyopt", "dh_rfc5114:2", "-out", dhFile.path])
                guard openssl.status == 0 else { throw LabError("openssl genpkey: \(openssl.stderr)") }
            }
            var spec = ForeignServerSpec(chain: chain)
            switch stack {
            case .tlslite:
                // No elliptic curve group: DHE, and on the file's prime for a hello listing no ffdhe group.
                spec.extra = ["--param", dhFile.path, "--groups", "ffdhe2048", "--max-ver", "tls1.2"]
            case .lighttpdMbedTLS, .lighttpdWolfSSL:
                spec.ciphers = stack == .lighttpdMbedTLS ? "TLS-DHE-RSA-WITH-AES-128-GCM-SHA256" : "DHE-RSA-AES128-GCM-SHA256"
                // lighttpd 1.4.69 ignores ssl.dh-file ("unknown config-key"): the prime goes through ssl-conf-cmd.
                spec.extra = ["ssl.openssl.ssl-conf-cmd = (\"MaxProtocol\" => \"TLSv1.2\", \"DHParameters\" => \"\(dhFile.path)\")"]
            default:
                // No RFC 7919 group, so GnuTLS uses its own parameters for DHE.
                spec.ciphers = "NORMAL:-KX-ALL:+DHE-RSA:-GROUP-FFDHE2048:-GROUP-FFDHE3072:-GROUP-FFDHE4096:-GROUP-FFDHE6144:-GROUP-FFDHE8192:-VERS-TLS1.3"
                spec.extra = ["--dhparams", dhFile.path]
            }
            return try ForeignTLSServer.start(stack, spec)
        }
    }
}
