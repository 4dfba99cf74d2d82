import Foundation
import TLSProbeLab

/// The one lab fixture: one lab PKI for the whole test process (key generation is the slow
/// part), written to private temporary directories that are removed when the process exits
/// (they hold private keys).
public enum LabPKIFixture {
    public static let pki: LabPKIBundle = {
        do { return try LabPKI.standard() } catch { fatalError("lab PKI: \(error)") }
    }()

    /// A fresh directory (mode 0700) holding the lab PKI's files (root.pem, leaf and client
    /// certificates and keys); `name` keeps the suites' directories apart.
    public static func directory(_ name: String) -> URL {
        do {
            let url = try TestDirectory.make("tlsprobe-\(name)")
            try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: url.path)
            try pki.write(to: url)
            return url
        } catch {
            fatalError("lab PKI directory: \(error)")
        }
    }
}
