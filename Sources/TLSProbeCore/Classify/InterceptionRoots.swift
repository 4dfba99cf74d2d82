/// Roots of TLS-intercepting products, recognised by the names they put in the certificates
/// they mint. Matched, case-insensitively, against the issuer and subject names of the chain;
/// each pattern is specific enough not to match a public CA.
struct InterceptionProduct: Sendable {
    let product: String
    let kind: String
    let patterns: [String]
    /// The product's CA private key was published: anyone can intercept a client trusting it.
    let keyPublished: Bool
}

enum InterceptionRoots {
    static let products: [InterceptionProduct] = [
        InterceptionProduct(product: "Superfish (VisualDiscovery)", kind: "adware preinstalled on Lenovo laptops", patterns: ["superfish"], keyPublished: true),
        InterceptionProduct(product: "Dell eDellRoot", kind: "a vendor root installed by Dell Foundation Services", patterns: ["edellroot"], keyPublished: true),
        InterceptionProduct(product: "Dell DSDTestProvider", kind: "a vendor root installed by Dell System Detect", patterns: ["dsdtestprovider"], keyPublished: true),
        InterceptionProduct(product: "preact-cli's development CA", kind: "a development-server CA whose key was published with the package", patterns: ["preact-cli", "preact cli"], keyPublished: true),
        InterceptionProduct(product: "webpack-dev-server's development CA", kind: "a development-server CA whose key was published with the package", patterns: ["webpack-dev-server", "o=webpack"], keyPublished: true),
        InterceptionProduct(product: "mitmproxy", kind: "a debugging proxy", patterns: ["mitmproxy"], keyPublished: false),
        InterceptionProduct(product: "Fiddler", kind: "a debugging proxy", patterns: ["fiddlerroot", "o=do_not_trust", "fiddler"], keyPublished: false),
        InterceptionProduct(product: "Charles Proxy", kind: "a debugging proxy", patterns: ["charles proxy", "charlesproxy"], keyPublished: false),
        InterceptionProduct(product: "Burp Suite", kind: "a security-testing proxy", patterns: ["portswigger"], keyPublished: false),
        InterceptionProduct(product: "Zscaler", kind: "corporate TLS inspection", patterns: ["zscaler"], keyPublished: false),
        InterceptionProduct(product: "Netskope", kind: "corporate TLS inspection", patterns: ["netskope"], keyPublished: false),
        InterceptionProduct(product: "Fortinet FortiGate", kind: "corporate TLS inspection", patterns: ["fortigate", "fortinet"], keyPublished: false),
        InterceptionProduct(product: "Palo Alto Networks", kind: "corporate TLS inspection", patterns: ["palo alto networks", "paloalto"], keyPublished: false),
        InterceptionProduct(product: "Cisco Umbrella", kind: "corporate TLS inspection", patterns: ["cisco umbrella", "opendns"], keyPublished: false),
        InterceptionProduct(product: "Sophos", kind: "corporate TLS inspection / antivirus web protection", patterns: ["sophos"], keyPublished: false),
        InterceptionProduct(product: "Kaspersky", kind: "an antivirus web shield", patterns: ["kaspersky"], keyPublished: false),
        InterceptionProduct(product: "Avast/AVG", kind: "an antivirus web shield", patterns: ["avast", "avg web/mail shield", "avg technologies"], keyPublished: false),
        InterceptionProduct(product: "ESET", kind: "an antivirus web shield", patterns: ["eset ssl filter", "o=eset", "eset, spol"], keyPublished: false),
        InterceptionProduct(product: "Bitdefender", kind: "an antivirus web shield", patterns: ["bitdefender"], keyPublished: false),
    ]

    /// The product whose name appears in `names` (distinguished names, RFC 2253 text), if any.
    static func match(_ names: [String]) -> (product: InterceptionProduct, name: String)? {
        for name in names where !name.isEmpty {
            let lower = name.lowercased()
            if let product = products.first(where: { $0.patterns.contains { lower.contains($0) } }) { return (product, name) }
        }
        return nil
    }
}
