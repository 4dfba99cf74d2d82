/// The trust stores tlsprobe can compare, each standing for the clients that use it: the
/// system store (curl, wget, OpenSSL-based tools, Go on Linux), a `--cacert` file (what a
/// pinned client embeds), ESP-IDF's certificate bundles (esp_crt_bundle_attach), Python's certifi
/// (requests, httpx, pip) and a JDK's `cacerts` (Java's default TrustManager).
public enum TrustStoreKind: String, Codable, Sendable, CaseIterable {
    case system
    case cacert
    case espIDFFull = "esp-idf-full"
    case espIDFCommon = "esp-idf-common"
    case certifi
    case java

    /// How the text output names it ("trusted by: system ✓, ESP-IDF common bundle ✗ …").
    public var title: String {
        switch self {
        case .system: "system"
        case .cacert: "--cacert"
        case .espIDFFull: "ESP-IDF full bundle"
        case .espIDFCommon: "ESP-IDF common bundle"
        case .certifi: "Python certifi"
        case .java: "Java cacerts"
        }
    }

    /// The clients that use this store by default, for the words of a verdict.
    public var usedBy: String {
        switch self {
        case .system: "curl, wget, openssl, Go and most Linux programs"
        case .cacert: "a client given this CA file"
        case .espIDFFull: "ESP-IDF with CONFIG_MBEDTLS_CERTIFICATE_BUNDLE_DEFAULT_FULL (the default)"
        case .espIDFCommon: "ESP-IDF with CONFIG_MBEDTLS_CERTIFICATE_BUNDLE_DEFAULT_CMN"
        case .certifi: "Python requests, httpx, pip and aiohttp"
        case .java: "Java's default TrustManager (HttpClient, OkHttp on a JVM, Spring)"
        }
    }
}
