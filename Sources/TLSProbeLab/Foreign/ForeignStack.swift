import FoundationEssentials
import Glibc

/// One TLS implementation the lab can run as a foreign server, all from Debian packages: each
/// stack is one row below with everything about it (its packages, what it needs installed, its
/// command line), so adding a stack is adding a row and its `ForeignLaunch` method.
public struct ForeignStack: Sendable, Hashable, CustomStringConvertible {
    /// What people read: "gnutls-serv", "lighttpd+wolfssl".
    public let name: String
    /// The Debian packages that provide it (scripts/test.sh installs them).
    public let debianPackages: [String]
    /// The executables it needs on the PATH.
    let tools: [String]
    /// The lighttpd modules it loads (files in `ForeignTools.lighttpdModules`).
    let lighttpdModules: [String]
    /// Its command line for one server.
    let command: @Sendable (ForeignLaunch) throws -> ForeignCommand

    public static let gnutls = ForeignStack(
        name: "gnutls-serv", debianPackages: ["gnutls-bin"], tools: ["gnutls-serv"]) { try $0.gnutls() }
    public static let botan = ForeignStack(
        name: "botan tls_server", debianPackages: ["botan"], tools: ["botan"]) { try $0.botan() }
    public static let go = ForeignStack(
        name: "go crypto/tls", debianPackages: ["golang-go"], tools: ["go"]) { try $0.go() }
    public static let lighttpdWolfSSL = ForeignStack(
        name: "lighttpd+wolfssl", debianPackages: ["lighttpd", "lighttpd-mod-wolfssl"], tools: ["lighttpd"],
        lighttpdModules: ["mod_wolfssl"]) { try $0.lighttpd(module: "mod_wolfssl") }
    public static let lighttpdMbedTLS = ForeignStack(
        name: "lighttpd+mbedtls", debianPackages: ["lighttpd", "lighttpd-mod-mbedtls"], tools: ["lighttpd"],
        lighttpdModules: ["mod_mbedtls"]) { try $0.lighttpd(module: "mod_mbedtls") }
    public static let openssl = ForeignStack(
        name: "openssl s_server", debianPackages: ["openssl"], tools: ["openssl"]) { try $0.openssl() }
    public static let java = ForeignStack(
        name: "java jsse", debianPackages: ["openjdk-17-jdk-headless"], tools: ["java", "javac"]) { try $0.java() }

    /// tlslite-ng 0.8.2, pure Python, from PyPI (Debian has no package): scripts/test.sh installs
    /// it with pip into a virtual environment of its own (`ForeignTools.tlsliteBin`).
    public static let tlslite = ForeignStack(
        name: "tlslite-ng", debianPackages: ["python3-venv"], tools: ["tls.py"]) { try $0.tlslite() }

    public static let allCases: [ForeignStack] = [.gnutls, .botan, .go, .lighttpdWolfSSL, .lighttpdMbedTLS, .openssl, .java, .tlslite]

    init(name: String, debianPackages: [String], tools: [String], lighttpdModules: [String] = [],
         command: @escaping @Sendable (ForeignLaunch) throws -> ForeignCommand) {
        self.name = name
        self.debianPackages = debianPackages
        self.tools = tools
        self.lighttpdModules = lighttpdModules
        self.command = command
    }

    /// Whether this machine can run it.
    public var isAvailable: Bool {
        tools.allSatisfy { ForeignTools.find($0) != nil }
            && lighttpdModules.allSatisfy { FileManager.default.fileExists(atPath: "\(ForeignTools.lighttpdModules)/\($0).so") }
    }

    public var description: String { name }

    // A row is its name: the command closure has no identity to compare.
    public static func == (left: ForeignStack, right: ForeignStack) -> Bool { left.name == right.name }
    public func hash(into hasher: inout Hasher) { hasher.combine(name) }
}

enum ForeignTools {
    static let lighttpdModules = "/usr/lib/lighttpd"
    /// Where scripts/test.sh installs tlslite-ng (`pip install tlslite-ng==0.8.2` into a venv).
    static var tlsliteBin: String { "\(getenv("HOME").map { String(cString: $0) } ?? "/root")/.cache/tlsprobe/tlslite-ng/bin" }

    static func find(_ tool: String) -> String? {
        let path = getenv("PATH").map { String(cString: $0) } ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") + ["/usr/sbin", "/usr/bin", tlsliteBin[...]] {
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
