/// Ids for the X.509 path-validation rules (RFC 5280 §4.2 and §6) and for what the chain as sent
/// shows about a missing issuer. Facts every one of them may use: {subject} {depth} {detail}
/// (what the certificates say about the rule: the constraint, the extension, the key identifiers).
extension DiagnosisID {
    public static let chainLeafNotFirst = "chain.leaf_not_first"  // {subject} (sent first) {leaf} (valid for the name) {position}
    public static let chainInterception = "chain.interception"  // {product} {kind} {root}
    public static let chainWrongIssuerSent = "chain.wrong_issuer_sent"  // {issuer} (the name both carry)
    public static let chainAnchorUnusable = "chain.anchor_unusable"  // {issuer} the store's certificate of that name
    public static let chainNameConstraints = "chain.name_constraints"  // {ca} (the constraining CA)
    public static let chainPathLength = "chain.path_length"  // {ca} {pathlen} {below}
    public static let chainIssuerNotCA = "chain.issuer_not_ca"
    public static let chainCAKeyUsage = "chain.ca_key_usage"
    public static let chainCAPurpose = "chain.ca_purpose"  // {eku}
    public static let chainKeyIdentifier = "chain.key_identifier"
    public static let chainPolicy = "chain.policy"
    public static let chainStrict = "chain.strict"  // warning: {rule} {why}
    public static let certKeyUsage = "cert.key_usage"
    public static let certBasicConstraints = "cert.basic_constraints"
    public static let certCriticalExtension = "cert.critical_extension"
    public static let certInvalidExtension = "cert.invalid_extension"
    public static let certUnusableKey = "cert.unusable_key"
    public static let certSignatureAlgorithm = "cert.signature_algorithm"
    public static let certVerifyUnspecified = "cert.verify_unspecified"
    public static let certNotAfterBoundary = "cert.not_after_boundary"  // info, --at exactly at notAfter: {not_after}

    static let chainRulesAll: [String] = [
        chainLeafNotFirst, chainInterception, chainWrongIssuerSent, chainAnchorUnusable, chainNameConstraints,
        chainPathLength, chainIssuerNotCA, chainCAKeyUsage, chainCAPurpose, chainKeyIdentifier, chainPolicy, chainStrict,
        certKeyUsage, certBasicConstraints, certCriticalExtension, certInvalidExtension, certUnusableKey,
        certSignatureAlgorithm, certVerifyUnspecified, certNotAfterBoundary,
    ]
}
