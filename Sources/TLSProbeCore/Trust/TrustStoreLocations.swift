import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// Where each store of the catalogue lives on this machine, found without running Python or
/// Java: the files those runtimes read, searched where their installers put them.
public struct TrustStoreLocations: Sendable, Equatable {
    /// The system store as OpenSSL's own tools load it: SSL_CERT_FILE / SSL_CERT_DIR when set,
    /// else the distribution's hashed directory (or its bundle file).
    public var systemFile: String?
    public var systemDirectories: [String] = []
    /// `--cacert`.
    public var cacert: String?
    /// certifi's cacert.pem, and how it was found.
    public var certifi: String?
    public var certifiNotFound = "no Python certifi found (looked in $VIRTUAL_ENV, pyenv, ~/.local, /usr/local/lib and /usr/lib/python3)"
    /// A JDK's cacerts.
    public var javaCacerts: String?
    public var javaNotFound = "no JDK found (looked at $JAVA_HOME, java on PATH, /usr/lib/jvm and /etc/ssl/certs/java)"
    /// The ESP-IDF bundles are data inside tlsprobe; false leaves them out.
    public var espIDFBundles = true

    public init() {}

    /// Everything this machine has, with `cacert` as the --cacert store.
    /// `environment` nil: this process's.
    public static func discover(cacert: String?, environment: [String: String]? = nil) -> TrustStoreLocations {
        let environment = environment ?? ProcessEnvironment.all()
        var locations = TrustStoreLocations()
        let home = environment["HOME"]
        locations.cacert = cacert
        if let file = environment["SSL_CERT_FILE"], !file.isEmpty { locations.systemFile = file }
        if let directories = environment["SSL_CERT_DIR"], !directories.isEmpty {
            locations.systemDirectories = directories.split(separator: ":").map(String.init)
        }
        if locations.systemFile == nil && locations.systemDirectories.isEmpty {
            let directory = OpenSSLVersion.defaultCertificateDirectory
            if FileProbe.isDirectory(directory) { locations.systemDirectories = [directory] } else { locations.systemFile = OpenSSLVersion.defaultCertificateFile }
        }
        locations.certifi = certifiCandidates(environment: environment, home: home).first(where: FileProbe.isReadableFile)
        locations.javaCacerts = javaCandidates(environment: environment).first(where: FileProbe.isReadableFile)
        return locations
    }

    /// certifi's cacert.pem in the order a user's `python3` would import it: the active virtual
    /// environment, the pyenv version, the user's site-packages, then the system's.
    static func certifiCandidates(environment: [String: String], home: String?) -> [String] {
        var prefixes: [String] = []
        if let venv = environment["VIRTUAL_ENV"], !venv.isEmpty { prefixes.append(venv) }
        if let home {
            let pyenvRoot = environment["PYENV_ROOT"].flatMap { $0.isEmpty ? nil : $0 } ?? home + "/.pyenv"
            let version = environment["PYENV_VERSION"].flatMap { $0.isEmpty ? nil : $0 }
                ?? FileProbe.firstLine(of: pyenvRoot + "/version")
            for name in (version ?? "").split(separator: ":") where name != "system" { prefixes.append("\(pyenvRoot)/versions/\(name)") }
            prefixes.append(home + "/.local")
        }
        prefixes += ["/usr/local", "/usr"]
        var candidates: [String] = []
        for prefix in prefixes {
            for python in FileProbe.entries(of: prefix + "/lib", prefix: "python3").sorted(by: >) {
                for packages in ["site-packages", "dist-packages"] {
                    candidates.append("\(prefix)/lib/\(python)/\(packages)/certifi/cacert.pem")
                }
            }
        }
        // Debian's python3-certifi ships no cacert.pem: its where() names the system bundle.
        candidates.append("/usr/lib/python3/dist-packages/certifi/cacert.pem")
        if FileProbe.isDirectory("/usr/lib/python3/dist-packages/certifi") { candidates.append("/etc/ssl/certs/ca-certificates.crt") }
        return candidates
    }

    /// A JDK's cacerts: $JAVA_HOME, the `java` on PATH, the distribution's default JVM, then
    /// Debian's shared store.
    static func javaCandidates(environment: [String: String]) -> [String] {
        var homes: [String] = []
        if let javaHome = environment["JAVA_HOME"], !javaHome.isEmpty { homes.append(javaHome) }
        for directory in (environment["PATH"] ?? "").split(separator: ":") {
            let java = "\(directory)/java"
            guard FileProbe.isExecutable(java), let real = FileProbe.realPath(java) else { continue }
            // .../bin/java → the JDK (or JRE) home.
            let bin = real.split(separator: "/", omittingEmptySubsequences: false).dropLast()
            if bin.last == "bin" { homes.append(bin.dropLast().joined(separator: "/")) }
            break
        }
        homes.append("/usr/lib/jvm/default-java")
        homes += FileProbe.entries(of: "/usr/lib/jvm", prefix: "").sorted().map { "/usr/lib/jvm/\($0)" }
        return homes.flatMap { ["\($0)/lib/security/cacerts", "\($0)/jre/lib/security/cacerts"] } + ["/etc/ssl/certs/java/cacerts"]
    }
}

/// Small filesystem questions, without Foundation's FileManager.
enum FileProbe {
    static func isReadableFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG && access(path, R_OK) == 0
    }

    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    static func isExecutable(_ path: String) -> Bool { access(path, X_OK) == 0 && !isDirectory(path) }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Names in `directory` starting with `prefix` (at most 256; none when unreadable).
    static func entries(of directory: String, prefix: String) -> [String] {
        guard let handle = opendir(directory) else { return [] }
        defer { closedir(handle) }
        var names: [String] = []
        while names.count < 256, let entry = readdir(handle) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name != ".", name != "..", name.hasPrefix(prefix) { names.append(name) }
        }
        return names
    }

    static func firstLine(of path: String) -> String? {
        guard let bytes = try? CertificateFileReader.bytes(of: path, limit: 4096) else { return nil }
        let line = String(decoding: bytes, as: UTF8.self).split(separator: "\n").first.map { String($0).trimmingWhitespace() }
        return line?.isEmpty == false ? line : nil
    }
}

extension ProcessEnvironment {
    /// The whole environment, for discovery that tests can replace.
    static func all() -> [String: String] {
        var result: [String: String] = [:]
        var cursor = environ
        while let entry = cursor.pointee {
            let text = String(cString: entry)
            if let equals = text.firstIndex(of: "=") { result[String(text[..<equals])] = String(text[text.index(after: equals)...]) }
            cursor += 1
        }
        return result
    }
}
