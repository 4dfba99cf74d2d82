import Foundation
import TLSProbeCore

/// What sslscan (`--xml=-`) and testssl.sh (`--jsonfile`) report for a server, as sets keyed the
/// way the scan keys them (version keys "tls1_2", code points as integers).
public struct OracleView: Equatable {
    public init() {}

    public var versions: [String: Bool] = [:]
    /// Accepted suites per version, in the order the tool lists them.
    public var suites: [String: [UInt16]] = [:]
    public var groups: [String: Set<UInt16>] = [:]
    public var signatureSchemes: [String: Set<UInt16>] = [:]
    public var secureRenegotiation: Bool?
    public var fallbackSCSV: Bool?
    public var leafKey: (type: String, bits: Int)?
    /// sslscan: the DH prime sizes its DHE suites reported (`dhebits`).
    public var dheBits: Set<Int> = []

    public static func == (lhs: OracleView, rhs: OracleView) -> Bool {
        lhs.versions == rhs.versions && lhs.suites == rhs.suites && lhs.groups == rhs.groups && lhs.signatureSchemes == rhs.signatureSchemes
    }
}

public enum SSLScanOracle {
    public static var isAvailable: Bool { TestProcess.has("sslscan") }

    /// `sslscan --show-sigs --xml=-` against 127.0.0.1:port (SNI off: the lab leaf names localhost);
    /// `options` adds sslscan's own (`--starttls-smtp` …).
    public static func run(port: UInt16, options: [String] = []) throws -> OracleView {
        let output = try TestProcess.tool("sslscan", ["--no-colour", "--show-sigs", "--xml=-"] + options + ["127.0.0.1:\(port)"], timeout: 120)
        return parse(output.stdout)
    }

    public static func parse(_ xml: String) -> OracleView {
        var view = OracleView()
        for line in xml.split(separator: "\n") {
            let text = line.trimmingCharacters(in: .whitespaces)
            let attributes = Self.attributes(text)
            if text.hasPrefix("<protocol ") {
                let key = attributes["type"] == "ssl" ? "ssl\(attributes["version"] ?? "")" : "tls" + (attributes["version"] ?? "").replacingOccurrences(of: ".", with: "_")
                view.versions[key] = attributes["enabled"] == "1"
            } else if text.hasPrefix("<cipher "), let version = attributes["sslversion"].map(versionKey), let id = attributes["id"].flatMap(code) {
                view.suites[version, default: []].append(id)
                if let bits = attributes["dhebits"].flatMap({ Int($0) }) { view.dheBits.insert(bits) }
            } else if text.hasPrefix("<group "), let version = attributes["sslversion"].map(versionKey), let id = attributes["id"].flatMap(code) {
                view.groups[version, default: []].insert(id)
            } else if text.hasPrefix("<connection-signature-algorithm "), let version = attributes["sslversion"].map(versionKey),
                      let id = attributes["id"].flatMap(code) {
                view.signatureSchemes[version, default: []].insert(id)
            } else if text.hasPrefix("<renegotiation ") {
                view.secureRenegotiation = attributes["secure"] == "1"
            } else if text.hasPrefix("<pk "), view.leafKey == nil, let type = attributes["type"], let bits = attributes["bits"].flatMap({ Int($0) }) {
                view.leafKey = (type, bits)
            }
        }
        return view
    }

    /// "TLSv1.2" → "tls1_2", "SSLv3" → "ssl3".
    public static func versionKey(_ name: String) -> String {
        if name == "SSLv3" { return "ssl3" }
        let number = name.replacingOccurrences(of: "TLSv", with: "").replacingOccurrences(of: ".", with: "_")
        return "tls" + (number.contains("_") ? number : number + "_0")
    }

    public static func code(_ text: String) -> UInt16? {
        UInt16(text.lowercased().replacingOccurrences(of: "0x", with: ""), radix: 16)
    }

    static func attributes(_ element: String) -> [String: String] {
        var result: [String: String] = [:]
        var rest = Substring(element)
        while let equals = rest.firstIndex(of: "=") {
            let name = rest[..<equals].split(separator: " ").last.map(String.init) ?? ""
            let afterEquals = rest.index(after: equals)
            guard afterEquals < rest.endIndex, rest[afterEquals] == "\"" else { rest = rest[afterEquals...]; continue }
            let valueStart = rest.index(after: afterEquals)
            guard let close = rest[valueStart...].firstIndex(of: "\"") else { break }
            result[name] = String(rest[valueStart..<close])
            rest = rest[rest.index(after: close)...]
        }
        return result
    }
}


public enum TestSSLOracle {
    public static var isAvailable: Bool { TestProcess.has("testssl") }

    /// testssl.sh with a narrow option set (protocols, cipher order per protocol, fallback SCSV):
    /// one to two minutes against one server here, so once per process and only against one. The
    /// full comparison (-E, every cipher per protocol) is `bench/scan-compare.sh`.
    /// `options` adds testssl.sh's own (`-t smtp` …).
    public static func run(port: UInt16, directory: URL, options: [String] = []) throws -> OracleView {
        let file = directory.appending(path: "testssl-\(port).json")
        try? FileManager.default.removeItem(at: file)
        _ = try TestProcess.tool("testssl", ["--quiet", "--warnings", "off", "--color", "0", "-p", "-P", "-Z"] + options + ["--jsonfile", file.path, "127.0.0.1:\(port)"],
                                 timeout: 300)
        return try parse(Data(contentsOf: file))
    }

    /// testssl.sh -p (protocols only): which versions it finds offered, keyed like the scan.
    public static func protocols(port: UInt16, directory: URL) throws -> [String: Bool] {
        let file = directory.appending(path: "testssl-protocols-\(port).json")
        try? FileManager.default.removeItem(at: file)
        _ = try TestProcess.tool("testssl", ["--quiet", "--warnings", "off", "--color", "0", "-p", "--jsonfile", file.path, "127.0.0.1:\(port)"], timeout: 120)
        return try parse(Data(contentsOf: file)).versions
    }

    /// testssl.sh -R (renegotiation, a few seconds): secure renegotiation (RFC 5746) and whether
    /// the server renegotiates when the client asks ("VULNERABLE, DoS threat" / "not vulnerable").
    public static func renegotiation(port: UInt16, directory: URL) throws -> (secure: Bool?, clientInitiated: Bool?) {
        let file = directory.appending(path: "testssl-reneg-\(port).json")
        try? FileManager.default.removeItem(at: file)
        _ = try TestProcess.tool("testssl", ["--quiet", "--warnings", "off", "--color", "0", "-R", "--jsonfile", file.path, "127.0.0.1:\(port)"], timeout: 120)
        let entries = (try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [[String: Any]]) ?? []
        var result: (secure: Bool?, clientInitiated: Bool?) = (nil, nil)
        for entry in entries {
            guard let id = entry["id"] as? String, let finding = entry["finding"] as? String else { continue }
            if id == "secure_renego" { result.secure = finding.hasPrefix("supported") }
            if id == "secure_client_renego" {
                if finding.hasPrefix("VULNERABLE") { result.clientInitiated = true }
                else if finding.hasPrefix("not vulnerable") { result.clientInitiated = false }
            }
        }
        return result
    }

    /// testssl.sh -J (LOGJAM, a few seconds): the published prime it recognised in the DHE
    /// ServerKeyExchange ("RFC7919/ffdhe2048"), or the size of one it did not ("Unknown DH group
    /// has only 1024 bits", said for primes under 2048 bits).
    public static func logjam(port: UInt16, directory: URL) throws -> (commonPrime: String?, unknownBits: Int?) {
        let file = directory.appending(path: "testssl-logjam-\(port).json")
        try? FileManager.default.removeItem(at: file)
        _ = try TestProcess.tool("testssl", ["--quiet", "--warnings", "off", "--color", "0", "-J", "--jsonfile", file.path, "127.0.0.1:\(port)"], timeout: 120)
        let entries = (try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [[String: Any]]) ?? []
        var common: String?
        var unknownBits: Int?
        for entry in entries {
            guard let id = entry["id"] as? String, let finding = entry["finding"] as? String else { continue }
            if id == "LOGJAM-common_primes" { common = finding }
            if id == "LOGJAM", let range = finding.range(of: "Unknown DH group has only ") {
                unknownBits = Int(finding[range.upperBound...].prefix { $0.isNumber })
            }
        }
        return (common, unknownBits)
    }

    public static func parse(_ data: Data) throws -> OracleView {
        let entries = (try JSONSerialization.jsonObject(with: data) as? [[String: Any]]) ?? []
        var view = OracleView()
        let names = ["SSLv2": "ssl2", "SSLv3": "ssl3", "TLS1": "tls1_0", "TLS1_1": "tls1_1", "TLS1_2": "tls1_2", "TLS1_3": "tls1_3"]
        for entry in entries {
            guard let id = entry["id"] as? String, let finding = entry["finding"] as? String else { continue }
            if let key = names[id] {
                // SSLv2 offered reads "vulnerable with 3 ciphers" (DROWN) or "offered, no cipher".
                view.versions[key] = finding.hasPrefix("offered") || finding.hasPrefix("vulnerable")
            } else if id.hasPrefix("cipherorder_") || id.hasPrefix("supportedciphers_") {
                // cipherorder_TLSv1_2: "ECDHE-RSA-AES256-GCM-SHA384 …" (OpenSSL or IANA names) in the server's order.
                let version = names[id.replacingOccurrences(of: "cipherorder_", with: "").replacingOccurrences(of: "supportedciphers_", with: "")
                    .replacingOccurrences(of: "TLSv1_", with: "TLS1_").replacingOccurrences(of: "TLSv1", with: "TLS1")] ?? id
                view.suites[version] = finding.split(separator: " ").compactMap { CipherNameMap.code(String($0)) }
            } else if id == "secure_renego" {
                view.secureRenegotiation = finding.hasPrefix("supported")
            } else if id == "fallback_SCSV" {
                view.fallbackSCSV = finding.hasPrefix("supported")
            }
        }
        return view
    }
}

/// OpenSSL or IANA cipher name → code point, from the scan's own table (generated from
/// testssl.sh's mapping, so both spellings are there).
public enum CipherNameMap {
    public static func code(_ name: String) -> UInt16? { CipherSuiteTable.code(named: name) }
}
