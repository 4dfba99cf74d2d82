/// ESP-IDF's "common" bundle (CONFIG_MBEDTLS_CERTIFICATE_BUNDLE_DEFAULT_CMN): the roots of
/// `cacrt_all.pem` whose mk-ca-bundle title is listed in `cmn_crt_authorities.csv` (CAs with
/// more than 1 % market share per w3techs), which `gen_crt_bundle.py --filter` keeps.
///
/// Source: espressif/esp-idf components/mbedtls/esp_crt_bundle/cmn_crt_authorities.csv (commit
/// 03433aad49169183b9619626ecc42b18eb5b4411, 39 titles). Refresh: copy the CSV's second
/// column here; a test checks that every title names a root of the full bundle.
extension ESPCertificateBundle {
    static let commonAuthorityTitles: [String] = [
        "Amazon Root CA 1", "Amazon Root CA 2", "Amazon Root CA 3", "Amazon Root CA 4",
        "Starfield Services Root Certificate Authority - G2",
        "DigiCert Assured ID Root CA", "DigiCert Assured ID Root G2", "DigiCert Assured ID Root G3",
        "DigiCert Global Root CA", "DigiCert Global Root G2", "DigiCert Global Root G3",
        "DigiCert High Assurance EV Root CA", "DigiCert TLS ECC P384 Root G5", "DigiCert TLS RSA4096 Root G5",
        "DigiCert Trusted Root G4",
        "GlobalSign ECC Root CA - R5", "GlobalSign Root CA - R6", "GlobalSign Root CA - R3", "GlobalSign Root E46",
        "GlobalSign Root R46",
        "Go Daddy Root Certificate Authority - G2", "Starfield Class 2 CA", "Starfield Root Certificate Authority - G2",
        "GlobalSign ECC Root CA - R4", "GTS Root R1", "GTS Root R2", "GTS Root R3", "GTS Root R4",
        "IdenTrust Commercial Root CA 1", "IdenTrust Public Sector Root CA 1",
        "ISRG Root X1", "ISRG Root X2",
        "COMODO Certification Authority", "COMODO ECC Certification Authority", "COMODO RSA Certification Authority",
        "Sectigo Public Server Authentication Root E46", "Sectigo Public Server Authentication Root R46",
        "USERTrust ECC Certification Authority", "USERTrust RSA Certification Authority",
    ]

    /// The common subset of `full` (what the device holds with ..._DEFAULT_CMN).
    static func common(of full: ESPCertificateBundle) -> ESPCertificateBundle {
        let titles = Set(commonAuthorityTitles)
        return ESPCertificateBundle(
            name: full.name.replacingEvery("-full", with: "-common"),
            source: full.source + ", filtered by cmn_crt_authorities.csv",
            snapshot: full.snapshot, roots: full.roots.filter { titles.contains($0.name) })
    }

    public static let v5_5_4_common: ESPCertificateBundle = common(of: .v5_5_4)
}
