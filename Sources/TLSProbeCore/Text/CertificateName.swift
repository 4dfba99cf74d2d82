/// How a certificate is named in a sentence. A certificate may carry an empty subject (RFC 5280
/// allows it when the names are in subjectAltName) or none OpenSSL can print; a quoted `""` or
/// `"?"` tells the reader nothing, so it is named by its place in the chain instead.
public enum CertificateName {
    public static func shown(_ subject: String, depth: Int) -> String {
        if subject.contains(where: { $0 != " " }) && subject != "?" { return subject }
        return depth == 0 ? "the leaf (no subject name)" : "the certificate at depth \(depth) (no subject name)"
    }
}
