import FoundationEssentials

/// The lab PKI on disk (`tlsprobe lab serve --dir`): reused while every file parses and every
/// certificate stays valid for a while yet, regenerated otherwise. Reuse keeps the root stable,
/// so a device that was given root.pem or root.h keeps trusting the lab across restarts.
public enum LabPKIDirectory {
    /// Certificate file and key file of each bundle member. The CA keys are kept (mode 0600) only
    /// so the same hierarchy can issue fresh scenario leaves next time.
    static let files: [(certificate: String, key: String)] = [
        ("root.pem", "root.key"), ("intermediate.pem", "intermediate.key"), ("leaf.pem", "leaf.key"),
        ("foreign-root.pem", "foreign-root.key"), ("client-ca.pem", "client-ca.key"), ("client.pem", "client.key"),
    ]
    public static let headerFile = "root.h"

    public struct Prepared: Sendable {
        public let bundle: LabPKIBundle
        /// false when it was generated just now (first run, or the old one was unusable).
        public let reused: Bool
        /// Why the existing files were not reused, when they were not (nil on a first run).
        public let regenerationReason: String?
    }

    /// Loads the PKI in `directory` if it is usable for at least `minimumValidity` more seconds,
    /// else generates a new one there. Either way root.h is rewritten from root.pem.
    public static func prepare(at directory: URL, minimumValidity: TimeInterval = LabTime.day) throws -> Prepared {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let prepared: Prepared
        let rootPath = directory.appending(path: files[0].certificate).path
        if !FileManager.default.fileExists(atPath: rootPath) {
            prepared = Prepared(bundle: try generate(into: directory), reused: false, regenerationReason: nil)
        } else {
            do {
                prepared = Prepared(bundle: try load(from: directory, minimumValidity: minimumValidity), reused: true, regenerationReason: nil)
            } catch {
                prepared = Prepared(bundle: try generate(into: directory), reused: false, regenerationReason: "\(error)")
            }
        }
        try LabRootHeader.render(rootPEM: try prepared.bundle.root.pem)
            .write(to: directory.appending(path: headerFile), atomically: true, encoding: .utf8)
        return prepared
    }

    /// The bundle stored in `directory`; throws naming the first file that is missing, unreadable
    /// or expiring within `minimumValidity`.
    public static func load(from directory: URL, minimumValidity: TimeInterval) throws -> LabPKIBundle {
        let certificates = try files.map { pair in
            let certificate: LabCertificate
            do {
                certificate = try LabCertificate(
                    pem: try String(contentsOf: directory.appending(path: pair.certificate), encoding: .utf8),
                    keyPEM: try String(contentsOf: directory.appending(path: pair.key), encoding: .utf8))
            } catch {
                throw LabError("\(pair.certificate)/\(pair.key): \(error)")
            }
            guard certificate.isValid(forAtLeast: minimumValidity) else {
                throw LabError("\(pair.certificate) expires within \(Int(minimumValidity / 3600)) hours (or is not valid yet)")
            }
            return certificate
        }
        return LabPKIBundle(
            root: certificates[0], intermediate: certificates[1], leaf: certificates[2],
            foreignRoot: certificates[3], clientCA: certificates[4], clientCertificate: certificates[5])
    }

    private static func generate(into directory: URL) throws -> LabPKIBundle {
        let bundle = try LabPKI.standard()
        let members = [bundle.root, bundle.intermediate, bundle.leaf, bundle.foreignRoot, bundle.clientCA, bundle.clientCertificate]
        for (certificate, pair) in zip(members, files) {
            let keyURL = directory.appending(path: pair.key)
            try certificate.write(certTo: directory.appending(path: pair.certificate), keyTo: keyURL)
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: keyURL.path)
        }
        return bundle
    }
}
