/// A Certificate message no client accepts (over OpenSSL's 100 KB default) that carries more
/// certificates than any client verifies (OpenSSL's default depth is 100) is not decoded whole:
/// OpenSSL would hold every certificate as an X509 with its decoded key, ~3.5 KB each, which
/// is where a thousand-certificate chain took the probe past 20 MB (#16). The message callback
/// reads the list first: the exact count and size, and the DER of the first certificates (the
/// ones the report lists) are kept, and the list's length field is made not to match, so
/// OpenSSL refuses the message ("length mismatch") before it decodes a single certificate.
/// The certificate stage then judges the first certificates as `tlsprobe check` judges files.
///
/// The callback's buffer is OpenSSL's own message buffer, which it parses right after the
/// callback returns (statem_lib.c tls_get_message_body, OpenSSL 3.0). Should an OpenSSL ever
/// hand over a copy, nothing breaks: the list is decoded whole, as before.
struct CertificateListCut {
    /// Certificates in the list, and the whole message's size (header included).
    let count: Int
    let messageBytes: Int
    /// DER of the first `ChainUnderTest.maxListedCertificates` certificates, leaf first.
    let firstCertificates: [[UInt8]]

    /// More than this many certificates (with the message over the default limit) is cut.
    static let maxCertificates = 100

    /// The list of the server's Certificate `message` (4-byte header included), when it is to be
    /// cut; nil when it is within bounds or does not parse (OpenSSL then reports that itself).
    static func inspect(_ message: UnsafeRawBufferPointer, tls13: Bool) -> (cut: CertificateListCut, lengthOffset: Int)? {
        guard message.count > TLSClientContext.defaultCertificateListLimit, message.first == HandshakeType.certificate else { return nil }
        // One copy of the message (at most the 1 MB limit) to read it with the shared bounds-checked reader.
        var reader = ByteReader(Array(message), from: 4)
        if tls13 {
            guard let context = reader.u8(), reader.take(Int(context)) != nil else { return nil }
        }
        let lengthOffset = reader.offset
        guard let listLength = reader.u24(), listLength == message.count - reader.offset else { return nil }
        var count = 0
        var first: [[UInt8]] = []
        while reader.remaining > 0 {
            guard let length = reader.u24() else { return nil }
            if first.count < ChainUnderTest.maxListedCertificates {
                guard let der = reader.take(length) else { return nil }
                first.append(der)
            } else {
                guard reader.slice(length) != nil else { return nil }  // skipped, not copied
            }
            if tls13 {
                guard let extensions = reader.u16(), reader.take(Int(extensions)) != nil else { return nil }
            }
            count += 1
        }
        guard count > maxCertificates else { return nil }
        return (CertificateListCut(count: count, messageBytes: message.count, firstCertificates: first), lengthOffset)
    }

    /// Makes the list's 3-byte length one more than what follows: OpenSSL's check that the
    /// length matches the bytes left fails before it decodes any certificate.
    static func cut(_ message: UnsafeMutableRawBufferPointer, lengthOffset: Int) {
        let mismatched = (message.count - lengthOffset - 3 + 1) & 0xFF_FFFF
        message[lengthOffset] = UInt8(mismatched >> 16 & 0xFF)
        message[lengthOffset + 1] = UInt8(mismatched >> 8 & 0xFF)
        message[lengthOffset + 2] = UInt8(mismatched & 0xFF)
    }
}
