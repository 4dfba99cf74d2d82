internal import COpenSSL
internal import CTLSProbeShims

/// Runs `write` against a fresh memory BIO and returns what it wrote, as text.
/// Used for PEM output and name printing, which OpenSSL only offers through BIOs.
func withMemoryBIO(_ what: String, _ write: (OpaquePointer) -> Int32) throws -> String {
    guard let bio = BIO_new(BIO_s_mem()) else { throw LabError.openSSL("BIO_new(\(what))") }
    defer { BIO_free(bio) }
    guard write(bio) > 0 else { throw LabError.openSSL(what) }
    var data: UnsafeMutablePointer<CChar>?
    let length = tlsprobe_BIO_get_mem_data(bio, &data)
    guard let data, length > 0 else { return "" }
    return String(decoding: UnsafeRawBufferPointer(start: data, count: Int(length)), as: UTF8.self)
}
