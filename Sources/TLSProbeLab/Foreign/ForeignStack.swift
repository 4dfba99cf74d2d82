import FoundationEssentials
import Glibc

/// The TLS implementations the lab can run as foreign servers, all from Debian packages.
public enum ForeignStack: String, CaseIterable, Sendable {
    case gnutls = "gnutls-serv"
    case botan = "botan tls_server"
    case go = "go crypto/tls"
    case lighttpdWolfSSL = "lighttpd+wolfssl"
    case lighttpdMbedTLS = "lighttpd+mbedtls"
    case openssl = "openssl s_server"
    case java = "java jsse"

    public var name: String { rawValue }

    /// The Debian packages that provide it (scripts/test.sh installs them).
    public var debianPackages: [String] {
        switch self {
        case .gnutls: ["gnutls-bin"]
        case .botan: ["botan"]
        case .go: ["golang-go"]
        case .lighttpdWolfSSL: ["lighttpd", "lighttpd-mod-wolfssl"]
        case .lighttpdMbedTLS: ["lighttpd", "lighttpd-mod-mbedtls"]
        case .openssl: ["openssl"]
        case .java: ["openjdk-17-jdk-headless"]
        }
    }

    /// Whether this machine can run it.
    public var isAvailable: Bool {
        switch self {
        case .gnutls: ForeignTools.find("gnutls-serv") != nil
        case .botan: ForeignTools.find("botan") != nil
        case .go: ForeignTools.find("go") != nil
        case .lighttpdWolfSSL: ForeignTools.find("lighttpd") != nil && FileManager.default.fileExists(atPath: ForeignTools.lighttpdModules + "/mod_wolfssl.so")
        case .lighttpdMbedTLS: ForeignTools.find("lighttpd") != nil && FileManager.default.fileExists(atPath: ForeignTools.lighttpdModules + "/mod_mbedtls.so")
        case .openssl: ForeignTools.find("openssl") != nil
        case .java: ForeignTools.find("java") != nil && ForeignTools.find("javac") != nil
        }
    }
}

/// How to run a foreign server: its identity and what to restrict. Cipher and version settings
/// are in the stack's own syntax (a GnuTLS priority string, Botan policy lines, an OpenSSL or
/// lighttpd cipher list, Go suite names), because a test is about that stack's behaviour.
public struct ForeignServerSpec: Sendable {
    /// Leaf first; the leaf's key is the server key.
    public var chain: [LabCertificate]
    /// Require a client certificate issued by this CA.
    public var requireClientCertificateFrom: LabCertificate?
    /// GnuTLS --priority, lighttpd ssl.cipher-list, s_server -cipher, Go -ciphers, JSSE suite names (comma-separated).
    public var ciphers: String?
    /// Botan policy lines ("ciphers = Camellia-128/GCM"), added to its default text policy.
    public var botanPolicy: [String] = []
    /// More command-line arguments (s_server, gnutls-serv, the Go and Java servers; for Java, `-D…`
    /// system properties go to the JVM) or lighttpd config lines.
    public var extra: [String] = []
    public var host = "127.0.0.1"

    public init(chain: [LabCertificate]) {
        self.chain = chain
    }
}

extension ForeignTLSServer {
    /// Starts `stack` with `spec` on a port the OS handed out.
    public static func start(_ stack: ForeignStack, _ spec: ForeignServerSpec) throws -> ForeignTLSServer {
        var lastError: (any Error)?
        for _ in 0..<2 {  // the free port may be taken between asking and binding: try twice
            let directory = FileManager.default.temporaryDirectory.appending(path: "tlsprobe-foreign-\(getpid())-\(UUID().uuidString.prefix(8))")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            do {
                let port = try freeLoopbackPort(host: spec.host)
                let (executable, arguments) = try ForeignLaunch.command(stack, spec, port: port, directory: directory)
                return try ForeignTLSServer(stack: stack, host: spec.host, port: port, executable: executable, arguments: arguments, directory: directory)
            } catch {
                try? FileManager.default.removeItem(at: directory)
                lastError = error
            }
        }
        throw lastError ?? LabError("\(stack.name) did not start")
    }
}

enum ForeignTools {
    static let lighttpdModules = "/usr/lib/lighttpd"

    static func find(_ tool: String) -> String? {
        let path = getenv("PATH").map { String(cString: $0) } ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") + ["/usr/sbin", "/usr/bin"] {
            let candidate = "\(directory)/\(tool)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    static func require(_ tool: String) throws -> String {
        guard let path = find(tool) else { throw LabError("\(tool) is not installed (scripts/test.sh installs it)") }
        return path
    }
}

/// The command line (and files) for each stack.
enum ForeignLaunch {
    static func command(_ stack: ForeignStack, _ spec: ForeignServerSpec, port: UInt16, directory: URL) throws -> (String, [String]) {
        guard let leaf = spec.chain.first else { throw LabError("a foreign server needs a certificate") }
        let chainPath = directory.appending(path: "chain.pem")
        let keyPath = directory.appending(path: "key.pem")
        try LabCertificate.writeBundle(spec.chain, to: chainPath)
        try leaf.keyPEM.write(to: keyPath, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: keyPath.path)
        let caPath = directory.appending(path: "client-ca.pem")
        if let ca = spec.requireClientCertificateFrom { try ca.write(certTo: caPath) }
        try "tlsprobe foreign server\n".write(to: directory.appending(path: "index.html"), atomically: true, encoding: .utf8)

        switch stack {
        case .gnutls:
            var arguments = ["--port", String(port), "--x509certfile", chainPath.path, "--x509keyfile", keyPath.path, "--http", "-q"]
            if spec.host.contains(":") { arguments.append("--ipv6") }  // gnutls-serv listens on all addresses of the family
            if let priority = spec.ciphers { arguments += ["--priority", priority] }
            if spec.requireClientCertificateFrom != nil {
                arguments += ["--require-client-cert", "--verify-client-cert", "--x509cafile", caPath.path]
            } else {
                arguments.append("--disable-client-cert")
            }
            return (try ForeignTools.require("gnutls-serv"), arguments + spec.extra)
        case .botan:
            let policyPath = directory.appending(path: "policy.txt")
            try (spec.botanPolicy.joined(separator: "\n") + "\n").write(to: policyPath, atomically: true, encoding: .utf8)
            let policy = spec.botanPolicy.isEmpty ? "default" : policyPath.path
            return (try ForeignTools.require("botan"), ["tls_server", chainPath.path, keyPath.path, "--port=\(port)", "--policy=\(policy)"] + spec.extra)
        case .openssl:
            var arguments = ["s_server", "-accept", "\(spec.host.contains(":") ? "[\(spec.host)]" : spec.host):\(port)", "-cert", chainPath.path, "-key", keyPath.path, "-www", "-quiet"]
            if let ciphers = spec.ciphers { arguments += ["-cipher", ciphers] }
            if spec.requireClientCertificateFrom != nil { arguments += ["-Verify", "1", "-CAfile", caPath.path] }
            return (try ForeignTools.require("openssl"), arguments + spec.extra)
        case .lighttpdWolfSSL, .lighttpdMbedTLS:
            let module = stack == .lighttpdWolfSSL ? "mod_wolfssl" : "mod_mbedtls"
            var lines = [
                "server.document-root = \"\(directory.path)\"",
                "server.bind = \"\(spec.host)\"",
                "server.port = \(port)",
                "server.errorlog = \"\(directory.appending(path: "lighttpd-error.log").path)\"",
                "server.modules += (\"\(module)\")",
                "ssl.engine = \"enable\"",
                "index-file.names = (\"index.html\")",
                "ssl.pemfile = \"\(chainPath.path)\"",
                "ssl.privkey = \"\(keyPath.path)\"",
            ]
            if let ciphers = spec.ciphers { lines.append("ssl.cipher-list = \"\(ciphers)\"") }
            if spec.requireClientCertificateFrom != nil {
                lines += ["ssl.ca-file = \"\(caPath.path)\"", "ssl.verifyclient.activate = \"enable\"", "ssl.verifyclient.enforce = \"enable\""]
            }
            lines += spec.extra
            let configPath = directory.appending(path: "lighttpd.conf")
            try (lines.joined(separator: "\n") + "\n").write(to: configPath, atomically: true, encoding: .utf8)
            return (try ForeignTools.require("lighttpd"), ["-D", "-f", configPath.path, "-m", ForeignTools.lighttpdModules])
        case .java:
            let keystore = directory.appending(path: "identity.p12")
            try ForeignJavaServer.writePKCS12(chain: chainPath.path, key: keyPath.path, to: keystore.path)
            var arguments = spec.extra.filter { $0.hasPrefix("-D") } + ["-cp", try ForeignJavaServer.classDirectory(), "TLSProbeJavaServer",
                             "--keystore", keystore.path, "--host", spec.host, "--port", String(port)]
            if let ciphers = spec.ciphers { arguments += ["--ciphers", ciphers] }
            if spec.requireClientCertificateFrom != nil { arguments += ["--clientca", caPath.path] }
            return (try ForeignTools.require("java"), arguments + spec.extra.filter { !$0.hasPrefix("-D") })
        case .go:
            var arguments = ["-addr", "\(spec.host.contains(":") ? "[\(spec.host)]" : spec.host):\(port)", "-cert", chainPath.path, "-key", keyPath.path]
            if let ciphers = spec.ciphers { arguments += ["-ciphers", ciphers] }
            if spec.requireClientCertificateFrom != nil { arguments += ["-clientca", caPath.path] }
            return (try ForeignGoServer.binary(), arguments + spec.extra)
        }
    }
}
