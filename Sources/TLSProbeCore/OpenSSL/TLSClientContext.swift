#if canImport(Glibc)
import Glibc
#endif
internal import COpenSSL
internal import CTLSProbeShims

/// What to offer in the ClientHello.
struct TLSOffer: Sendable, Equatable {
    var minVersion: TLSVersion
    var maxVersion: TLSVersion
    var cipherList: String
    var cipherSuites: String?
    var groups: String?
    /// signature_algorithms (`SSL_CTX_set1_sigalgs_list` syntax); nil → OpenSSL's default list.
    var sigalgs: String? = nil
    /// OpenSSL security level. 0 lets the probe *see* weak servers; policy is judged separately.
    var securityLevel: Int32

    /// Probe permissively: every version and every authenticated suite OpenSSL can do, strongest
    /// first, so a server's real limits show instead of "legacy sigalg disallowed".
    static func permissive(options: ProbeOptions) -> TLSOffer {
        TLSOffer(
            minVersion: options.tlsMin ?? .tls10, maxVersion: options.tlsMax ?? .tls13,
            cipherList: options.ciphers ?? "ALL:!PSK:!SRP:!aNULL:!eNULL:@SECLEVEL=0",
            cipherSuites: options.cipherSuites, groups: options.groups, securityLevel: 0)
    }

    /// What a modern default OpenSSL client offers (TLS ≥ 1.2, security level 2).
    static func normalClient(options: ProbeOptions) -> TLSOffer {
        TLSOffer(minVersion: .tls12, maxVersion: .tls13, cipherList: "DEFAULT:@SECLEVEL=2", cipherSuites: nil, groups: nil, securityLevel: 2)
    }

    /// The widest offer there is, for follow-up probes that ask "what does the server accept at all".
    static func widest(version: TLSVersion) -> TLSOffer {
        TLSOffer(minVersion: version, maxVersion: version, cipherList: "ALL:COMPLEMENTOFALL:@SECLEVEL=0", cipherSuites: nil, groups: nil, securityLevel: 0)
    }

    var label: String {
        let versions = minVersion == maxVersion ? minVersion.label : "\(minVersion.label)–\(maxVersion.rawValue)"
        return securityLevel == 0 ? "\(versions), all suites" : "\(versions), modern default suites"
    }
}

enum TLSContextError: Error, CustomStringConvertible {
    case openSSL(String)
    /// One style for every unreadable input file: "cannot read CA file '/x': No such file or directory".
    case unreadable(path: String, detail: String)

    var description: String {
        switch self {
        case .openSSL(let text): text
        case .unreadable(_, let detail): detail
        }
    }

    static func file(_ verb: String, _ what: String, _ path: String, _ reason: String) -> TLSContextError {
        .unreadable(path: path, detail: "\(verb) \(what) '\(SafeText.escape(path))': \(reason)")
    }
}

/// The probe's SSL_CTX (an `SSLContextHandle`) with its trust store, offer and client
/// certificate. Built once per run and shared by every probe of a fleet, so the trust store is
/// loaded once.
final class TLSClientContext: Sendable {
    let handle: SSLContextHandle
    let offer: TLSOffer
    let trustLabel: String

    /// The SSL_CTX, borrowed for OpenSSL calls.
    var context: OpaquePointer { handle.pointer }

    init(offer: TLSOffer, options: ProbeOptions) throws {
        OpenSSLRuntime.prepare()
        guard let handle = SSLContextHandle(.client) else {
            throw TLSContextError.openSSL("SSL_CTX_new failed: \(OpenSSLErrorQueue.drain().map(\.text).joined(separator: "; "))")
        }
        // A failed setup (bad --cacert, a follow-up offer OpenSSL refuses) throws here and the
        // handle's deinit frees the SSL_CTX.
        trustLabel = try Self.configure(handle, offer: offer, options: options)
        self.handle = handle
        self.offer = offer
        OpenSSLErrorQueue.clear()
    }

    /// Applies the offer, the trust store and the client identity; returns the trust label.
    private static func configure(_ handle: SSLContextHandle, offer: TLSOffer, options: ProbeOptions) throws -> String {
        let context = handle.pointer
        handle.setSecurityLevel(offer.securityLevel)
        _ = handle.setMinVersion(offer.minVersion.wireValue)
        _ = handle.setMaxVersion(offer.maxVersion.wireValue)
        // Large enough to see (and report) an oversized chain; bounded so a hostile server
        // cannot make us buffer without limit.
        _ = tlsprobe_SSL_CTX_set_max_cert_list(context, Self.maxCertificateListBytes)
        guard handle.setCipherList(offer.cipherList) else {
            throw TLSContextError.openSSL("no usable cipher in '\(offer.cipherList)'")
        }
        if let suites = offer.cipherSuites, !handle.setCipherSuites(suites) {
            throw TLSContextError.openSSL("no usable TLS 1.3 cipher suite in '\(suites)'")
        }
        if let groups = offer.groups, !handle.setGroups(groups) {
            throw TLSContextError.openSSL("unknown group in '\(groups)'")
        }
        if let sigalgs = offer.sigalgs, !handle.setSignatureAlgorithms(sigalgs) {
            throw TLSContextError.openSSL("unknown signature algorithm in '\(sigalgs)'")
        }
        let trustLabel = try Self.loadTrust(options.trust, into: context)
        // --at: every verification on this context (the handshake's and the offline ones) runs as of that time.
        if let at = options.at, let param = SSL_CTX_get0_param(context) {
            X509_VERIFY_PARAM_set_time(param, at.wholeUnixSeconds)
        }
        if let certificatePath = options.clientCertificatePath {
            try Self.loadClientIdentity(certificatePath: certificatePath, keyPath: options.clientKeyPath ?? certificatePath, into: context)
        }
        return trustLabel
    }

    static let maxCertificateListBytes = 1024 * 1024
    /// OpenSSL's default limit, which a stock client enforces.
    static let defaultCertificateListLimit = 100 * 1024

    private static func loadTrust(_ trust: TrustSource, into context: OpaquePointer) throws -> String {
        let environment = ProcessEnvironment.self
        switch trust {
        case .file(let path):
            try loadFile(path, into: context)
            return path
        case .directory(let path):
            try loadDirectory(path, into: context)
            return path
        case .fileAndDirectory(let file, let directory):
            try loadFile(file, into: context)
            try loadDirectory(directory, into: context)
            return "\(file) + \(directory)"
        case .system:
            // Honour SSL_CERT_FILE / SSL_CERT_DIR as OpenSSL's own tools do. Otherwise look roots
            // up lazily in the hashed directory: parsing a whole bundle costs ~50 ms per run.
            var labels: [String] = []
            if let file = environment.value("SSL_CERT_FILE") {
                try loadFile(file, into: context)
                labels.append(file)
            }
            if let directory = environment.value("SSL_CERT_DIR") {
                for part in directory.split(separator: ":") { try loadDirectory(String(part), into: context) }
                labels.append(directory)
            }
            if labels.isEmpty {
                let directory = OpenSSLVersion.defaultCertificateDirectory
                if access(directory, R_OK) == 0 {
                    try loadDirectory(directory, into: context)
                    labels.append(directory)
                } else {
                    let file = OpenSSLVersion.defaultCertificateFile
                    try loadFile(file, into: context)
                    labels.append(file)
                }
            }
            return "system (\(labels.joined(separator: ", ")))"
        }
    }

    /// Says "no such file" or "permission denied" in words, before OpenSSL's "system lib".
    private static func requireReadableFile(_ path: String, what: String) throws {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw TLSContextError.file("cannot read", what, path, systemErrorText(errno))
        }
        guard (info.st_mode & S_IFMT) != S_IFDIR else {
            throw TLSContextError.file("cannot read", what, path, "it is a directory\(what == "CA file" ? " (use --capath for a hashed directory)" : "")")
        }
        guard access(path, R_OK) == 0 else {
            throw TLSContextError.file("cannot read", what, path, systemErrorText(errno))
        }
    }

    private static func loadFile(_ path: String, into context: OpaquePointer) throws {
        try requireReadableFile(path, what: "CA file")
        guard SSL_CTX_load_verify_file(context, path) == 1 else {
            let detail = OpenSSLErrorQueue.drain().last?.reason ?? "no certificates found"
            throw TLSContextError.file("cannot load", "CA file", path, "\(detail); expected PEM certificates")
        }
    }

    private static func loadDirectory(_ path: String, into context: OpaquePointer) throws {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else {
            throw TLSContextError.file("cannot read", "CA directory", path, "not a readable directory")
        }
        guard SSL_CTX_load_verify_dir(context, path) == 1 else {
            throw TLSContextError.file("cannot use", "CA directory", path, "OpenSSL refused it")
        }
    }

    private static func loadClientIdentity(certificatePath: String, keyPath: String, into context: OpaquePointer) throws {
        try requireReadableFile(certificatePath, what: "client certificate")
        try requireReadableFile(keyPath, what: "private key")
        guard SSL_CTX_use_certificate_chain_file(context, certificatePath) == 1 else {
            let detail = OpenSSLErrorQueue.drain().last?.reason ?? "unreadable"
            throw TLSContextError.file("cannot load", "client certificate", certificatePath, "\(detail); expected PEM")
        }
        // A passphrase prompt would hang a CI job; refuse encrypted keys instead.
        SSL_CTX_set_default_passwd_cb(context) { _, _, _, _ in -1 }
        guard SSL_CTX_use_PrivateKey_file(context, keyPath, SSL_FILETYPE_PEM) == 1 else {
            let detail = OpenSSLErrorQueue.drain().last?.reason ?? "unreadable"
            throw TLSContextError.file("cannot load", "private key", keyPath, "\(detail); expected an unencrypted PEM key")
        }
        guard SSL_CTX_check_private_key(context) == 1 else {
            OpenSSLErrorQueue.clear()
            throw TLSContextError.file("cannot use", "private key", keyPath, "it does not match the client certificate '\(SafeText.escape(certificatePath))'")
        }
    }
}

enum ProcessEnvironment {
    static func value(_ name: String) -> String? {
        guard let raw = getenv(name) else { return nil }
        let value = String(cString: raw)
        return value.isEmpty ? nil : value
    }
}
