import FoundationEssentials
import Glibc

/// An executable and its arguments.
struct ForeignCommand {
    let executable: String
    let arguments: [String]
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
                let command = try stack.command(try ForeignLaunch(spec, port: port, directory: directory))
                return try ForeignTLSServer(stack: stack, host: spec.host, port: port, executable: command.executable,
                                            arguments: command.arguments, directory: directory)
            } catch {
                try? FileManager.default.removeItem(at: directory)
                lastError = error
            }
        }
        throw lastError ?? LabError("\(stack.name) did not start")
    }
}

/// One launch of a foreign server: the files every stack reads (chain, key, client CA, an index
/// page) written into its directory, and each stack's command line over them.
struct ForeignLaunch {
    let spec: ForeignServerSpec
    let port: UInt16
    let directory: URL
    let chainPath: String
    let keyPath: String
    let clientCAPath: String

    init(_ spec: ForeignServerSpec, port: UInt16, directory: URL) throws {
        guard let leaf = spec.chain.first else { throw LabError("a foreign server needs a certificate") }
        self.spec = spec
        self.port = port
        self.directory = directory
        let chain = directory.appending(path: "chain.pem")
        let key = directory.appending(path: "key.pem")
        let clientCA = directory.appending(path: "client-ca.pem")
        try LabCertificate.writeBundle(spec.chain, to: chain)
        try leaf.keyPEM.write(to: key, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: key.path)
        if let ca = spec.requireClientCertificateFrom { try ca.write(certTo: clientCA) }
        try "tlsprobe foreign server\n".write(to: directory.appending(path: "index.html"), atomically: true, encoding: .utf8)
        chainPath = chain.path
        keyPath = key.path
        clientCAPath = clientCA.path
    }

    private var requiresClientCertificate: Bool { spec.requireClientCertificateFrom != nil }

    /// The stacks without an application of ours (gnutls-serv, botan, s_server, lighttpd) cannot
    /// close on a missing certificate themselves.
    private func refuseApplicationClose(_ stack: String) throws {
        if spec.closeWithoutClientCertificate != nil { throw LabError("\(stack) has no way to request a client certificate and close without one in its application") }
    }
    /// host:port, with an IPv6 host in brackets.
    private var hostAndPort: String { "\(spec.host.contains(":") ? "[\(spec.host)]" : spec.host):\(port)" }

    func gnutls() throws -> ForeignCommand {
        try refuseApplicationClose("gnutls-serv")
        var arguments = ["--port", String(port), "--x509certfile", chainPath, "--x509keyfile", keyPath, "--http", "-q"]
        if spec.host.contains(":") { arguments.append("--ipv6") }  // gnutls-serv listens on all addresses of the family
        if let priority = spec.ciphers { arguments += ["--priority", priority] }
        if requiresClientCertificate {
            arguments += ["--require-client-cert", "--verify-client-cert", "--x509cafile", clientCAPath]
        } else {
            arguments.append("--disable-client-cert")
        }
        return ForeignCommand(executable: try ForeignTools.require("gnutls-serv"), arguments: arguments + spec.extra)
    }

    func botan() throws -> ForeignCommand {
        try refuseApplicationClose("botan tls_server")
        let policyPath = directory.appending(path: "policy.txt")
        try (spec.botanPolicy.joined(separator: "\n") + "\n").write(to: policyPath, atomically: true, encoding: .utf8)
        let policy = spec.botanPolicy.isEmpty ? "default" : policyPath.path
        return ForeignCommand(executable: try ForeignTools.require("botan"),
                              arguments: ["tls_server", chainPath, keyPath, "--port=\(port)", "--policy=\(policy)"] + spec.extra)
    }

    func openssl() throws -> ForeignCommand {
        try refuseApplicationClose("openssl s_server")
        var arguments = ["s_server", "-accept", hostAndPort, "-cert", chainPath, "-key", keyPath, "-www", "-quiet"]
        // -cert sends only the file's first certificate: the intermediates go with -cert_chain.
        if spec.chain.count > 1 {
            let intermediates = directory.appending(path: "intermediates.pem")
            try LabCertificate.writeBundle(Array(spec.chain.dropFirst()), to: intermediates)
            arguments += ["-cert_chain", intermediates.path]
        }
        if let ciphers = spec.ciphers { arguments += ["-cipher", ciphers] }
        if requiresClientCertificate { arguments += ["-Verify", "1", "-CAfile", clientCAPath] }
        return ForeignCommand(executable: try ForeignTools.require("openssl"), arguments: arguments + spec.extra)
    }

    /// lighttpd with `module` (mod_wolfssl, mod_mbedtls) as its TLS engine; `extra` are config lines.
    func lighttpd(module: String) throws -> ForeignCommand {
        try refuseApplicationClose("lighttpd")
        var lines = [
            "server.document-root = \"\(directory.path)\"",
            "server.bind = \"\(spec.host)\"",
            "server.port = \(port)",
            "server.errorlog = \"\(directory.appending(path: "lighttpd-error.log").path)\"",
            "server.modules += (\"\(module)\")",
            "ssl.engine = \"enable\"",
            "index-file.names = (\"index.html\")",
            "ssl.pemfile = \"\(chainPath)\"",
            "ssl.privkey = \"\(keyPath)\"",
        ]
        if let ciphers = spec.ciphers { lines.append("ssl.cipher-list = \"\(ciphers)\"") }
        if requiresClientCertificate {
            lines += ["ssl.ca-file = \"\(clientCAPath)\"", "ssl.verifyclient.activate = \"enable\"", "ssl.verifyclient.enforce = \"enable\""]
        }
        lines += spec.extra
        let configPath = directory.appending(path: "lighttpd.conf")
        try (lines.joined(separator: "\n") + "\n").write(to: configPath, atomically: true, encoding: .utf8)
        return ForeignCommand(executable: try ForeignTools.require("lighttpd"),
                              arguments: ["-D", "-f", configPath.path, "-m", ForeignTools.lighttpdModules])
    }

    /// `-D…` entries of `extra` go to the JVM, the rest to the server.
    func java() throws -> ForeignCommand {
        let keystore = directory.appending(path: "identity.p12")
        try ForeignJavaServer.writePKCS12(chain: chainPath, key: keyPath, to: keystore.path)
        var arguments = spec.extra.filter { $0.hasPrefix("-D") } + ["-cp", try ForeignJavaServer.classDirectory(), "TLSProbeJavaServer",
                         "--keystore", keystore.path, "--host", spec.host, "--port", String(port)]
        if let ciphers = spec.ciphers { arguments += ["--ciphers", ciphers] }
        if requiresClientCertificate { arguments += ["--clientca", clientCAPath] }
        if let close = spec.closeWithoutClientCertificate {
            guard close == .closeNotify else { throw LabError("the Java server closes an SSLSocket with close_notify only") }
            arguments += ["--closewithoutcert", close.rawValue]
        }
        return ForeignCommand(executable: try ForeignTools.require("java"), arguments: arguments + spec.extra.filter { !$0.hasPrefix("-D") })
    }

    /// tlslite-ng's `tls.py server` (an HTTP server over its TLS): `ciphers` is its --cipherlist
    /// (aes128, rc4 …); `extra` more options (--max-ver tls1.2, --param DHFILE, --groups …).
    /// --reqcert only requests a client certificate: it serves clients without one.
    func tlslite() throws -> ForeignCommand {
        try refuseApplicationClose("tlslite-ng")
        var arguments = ["server", "-c", chainPath, "-k", keyPath]
        if let ciphers = spec.ciphers { arguments += ["--cipherlist", ciphers] }
        if requiresClientCertificate { arguments.append("--reqcert") }
        return ForeignCommand(executable: try ForeignTools.require("tls.py"), arguments: arguments + spec.extra + [hostAndPort])
    }

    func go() throws -> ForeignCommand {
        var arguments = ["-addr", hostAndPort, "-cert", chainPath, "-key", keyPath]
        if let ciphers = spec.ciphers { arguments += ["-ciphers", ciphers] }
        if requiresClientCertificate { arguments += ["-clientca", clientCAPath] }
        if let close = spec.closeWithoutClientCertificate { arguments += ["-closewithoutcert", close.rawValue] }
        return ForeignCommand(executable: try ForeignGoServer.binary(), arguments: arguments + spec.extra)
    }
}
