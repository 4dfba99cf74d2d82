import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif
internal import COpenSSL
internal import CTLSProbeShims

/// Reads certificates and keys from files in the forms servers and CAs hand out: PEM (any
/// number of certificates; keys and comments in between are skipped), DER (one certificate),
/// PKCS#7 certs-only (.p7b/.p7c, DER or PEM) — decoded by `ParsedCertificate.decodeAll`, as AIA
/// answers are — and, for trust stores, PKCS#12. Every read is bounded.
enum CertificateFileReader {
    enum Failure: Error, CustomStringConvertible {
        /// The file cannot be opened or read (exit 66).
        case unreadable(path: String, reason: String)
        /// It was read but holds no certificate tlsprobe understands (exit 66).
        case noCertificates(path: String, reason: String)

        var description: String {
            switch self {
            case .unreadable(let path, let reason): "cannot read '\(SafeText.escape(path))': \(reason)"
            case .noCertificates(let path, let reason): "no certificate in '\(SafeText.escape(path))': \(reason)"
            }
        }
    }

    /// Chain files and trust stores larger than this are refused (the Mozilla store is ~230 KB).
    static let maxFileBytes = 16 * 1024 * 1024

    static func bytes(of path: String, limit: Int = maxFileBytes) throws(Failure) -> [UInt8] {
        var info = stat()
        guard stat(path, &info) == 0 else { throw .unreadable(path: path, reason: systemErrorText(errno)) }
        guard (info.st_mode & S_IFMT) != S_IFDIR else { throw .unreadable(path: path, reason: "it is a directory") }
        guard Int(info.st_size) <= limit else { throw .unreadable(path: path, reason: "larger than \(limit / (1024 * 1024)) MB") }
        guard let file = fopen(path, "rb") else { throw .unreadable(path: path, reason: systemErrorText(errno)) }
        defer { fclose(file) }
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while result.count <= limit {
            let count = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
            if count == 0 { break }
            result += chunk[0..<count]
        }
        if ferror(file) != 0 { throw .unreadable(path: path, reason: systemErrorText(errno)) }
        guard result.count <= limit else { throw .unreadable(path: path, reason: "larger than \(limit / (1024 * 1024)) MB") }
        return result
    }

    /// Every certificate in `path`, in file order, and the form it was in ("PEM", "DER", "PKCS#7").
    static func certificates(at path: String) throws(Failure) -> (stack: X509Stack, form: String) {
        let data = try bytes(of: path)
        guard let (stack, form) = certificates(in: data), stack.count > 0 else {
            throw .noCertificates(path: path, reason: data.isEmpty ? "the file is empty" : "expected PEM certificates, a DER certificate or a PKCS#7 (.p7b) bundle")
        }
        return (stack, form)
    }

    /// The certificates in `data` (PEM, DER, PKCS#7; `ParsedCertificate.decodeAll`) and the form.
    static func certificates(in data: [UInt8], limit: Int = 10_000) -> (X509Stack, String)? {
        guard let (encoding, certificates) = ParsedCertificate.decodeAll(data, limit: limit), let stack = X509Stack() else { return nil }
        for certificate in certificates { stack.append(sharing: certificate.pointer) }
        let form = switch encoding {
        case .der: "DER"
        case .pem: "PEM"
        case .pkcs7: "PKCS#7"
        }
        return (stack, form)
    }

    /// The certificates of a PKCS#12 file (a JDK 18+ `cacerts`, password-less or "changeit").
    static func pkcs12Certificates(in data: [UInt8], passwords: [String] = ["changeit", ""]) -> X509Stack? {
        defer { OpenSSLErrorQueue.clear() }
        let parsed = data.withUnsafeBufferPointer { buffer -> OpaquePointer? in
            var cursor = buffer.baseAddress
            return d2i_PKCS12(nil, &cursor, buffer.count)
        }
        guard let p12 = parsed else { return nil }
        defer { PKCS12_free(p12) }
        for password in passwords {
            var key: OpaquePointer?
            var certificate: OpaquePointer?
            var others: OpaquePointer?
            guard PKCS12_parse(p12, password, &key, &certificate, &others) == 1 else { OpenSSLErrorQueue.clear(); continue }
            if let key { EVP_PKEY_free(key) }
            guard let stack = X509Stack() else { return nil }
            if let certificate { stack.append(owned: certificate) }
            if let others {
                let copy = X509Stack(copying: others)
                tlsprobe_sk_X509_pop_free(others)
                for member in copy?.certificates ?? [] { stack.append(sharing: member) }
            }
            return stack
        }
        return nil
    }

    /// A private key from PEM or DER, unencrypted (a passphrase prompt would hang a CI job).
    static func privateKey(at path: String) throws(Failure) -> PrivateKey {
        let data = try bytes(of: path, limit: 1024 * 1024)
        defer { OpenSSLErrorQueue.clear() }
        let pem = withBIO(data) { bio in PEM_read_bio_PrivateKey(bio, nil, { _, _, _, _ in -1 }, nil) } ?? nil
        if let pem { return PrivateKey(owning: pem) }
        let der = data.withUnsafeBufferPointer { buffer -> OpaquePointer? in
            var cursor = buffer.baseAddress
            return d2i_AutoPrivateKey(nil, &cursor, buffer.count)
        }
        if let der { return PrivateKey(owning: der) }
        let encrypted = containsText(data, "ENCRYPTED")
        throw .noCertificates(path: path, reason: encrypted ? "the key is encrypted; decrypt it first (openssl pkey -in KEY -out plain.pem)" : "expected an unencrypted PEM or DER private key")
    }

    private static func withBIO<T>(_ data: [UInt8], _ body: (OpaquePointer) -> T) -> T? {
        data.withUnsafeBytes { buffer -> T? in
            guard let bio = BIO_new_mem_buf(buffer.baseAddress, Int32(buffer.count)) else { return nil }
            defer { BIO_free(bio) }
            return body(bio)
        }
    }

    private static func containsText(_ data: [UInt8], _ text: String) -> Bool {
        let needle = Array(text.utf8)
        guard let first = needle.first, data.count >= needle.count else { return false }
        return data.withUnsafeBufferPointer { haystack in
            var index = 0
            while index <= haystack.count - needle.count {
                if haystack[index] == first && haystack[index..<index + needle.count].elementsEqual(needle) { return true }
                index += 1
            }
            return false
        }
    }
}
