internal import COpenSSL

/// Adds the v3 extensions a spec asks for, using OpenSSL's own config syntax so each line reads
/// exactly like an openssl.cnf `[v3_ca]` section.
enum LabCertificateExtensions {
    static func add(to x509: OpaquePointer, spec: LabCertificateSpec, issuer: OpaquePointer?) throws {
        var context = X509V3_CTX()
        // The issuer is needed for authorityKeyIdentifier; a self-signed cert is its own issuer.
        X509V3_set_ctx(&context, issuer ?? x509, x509, nil, nil, 0)
        guard spec.version == 3 else { return }  // v1/v2 certificates carry no extensions
        var list = extensions(for: spec, hasIssuer: issuer != nil).map { (name: String(cString: OBJ_nid2sn($0.0)), value: $0.1) }
        for override in spec.extensionOverrides {
            if let index = list.firstIndex(where: { $0.name == override.name }) {
                if let value = override.value { list[index].value = value } else { list.remove(at: index) }
            } else if let value = override.value {
                list.append((override.name, value))
            }
        }
        for (name, value) in list {
            guard let extensionPointer = X509V3_EXT_nconf(nil, &context, name, value) else {
                throw LabError.openSSL("extension \(name) = \(value)")
            }
            defer { X509_EXTENSION_free(extensionPointer) }
            guard X509_add_ext(x509, extensionPointer, -1) == 1 else { throw LabError.openSSL("X509_add_ext") }
        }
    }

    private static func extensions(for spec: LabCertificateSpec, hasIssuer: Bool) -> [(Int32, String)] {
        var list: [(Int32, String)] = []
        if spec.isCA {
            let pathLength = spec.pathLength.map { ",pathlen:\($0)" } ?? ""
            list.append((NID_basic_constraints, "critical,CA:TRUE\(pathLength)"))
            list.append((NID_key_usage, "critical,keyCertSign,cRLSign,digitalSignature"))
        } else {
            list.append((NID_basic_constraints, "critical,CA:FALSE"))
            // keyEncipherment only makes sense for RSA (static RSA key exchange, e.g. NULL-SHA256).
            let usage = if case .rsa = spec.key { "digitalSignature,keyEncipherment" } else { "digitalSignature" }
            list.append((NID_key_usage, "critical,\(usage)"))
        }
        // Subject key id first: the authority key id of a self-signed cert is read from it.
        list.append((NID_subject_key_identifier, "hash"))
        if hasIssuer { list.append((NID_authority_key_identifier, "keyid:always")) }
        if !spec.extendedKeyUsage.isEmpty {
            list.append((NID_ext_key_usage, spec.extendedKeyUsage.map(\.rawValue).joined(separator: ",")))
        }
        let names = spec.dnsNames.map { "DNS:\($0)" } + spec.ipAddresses.map { "IP:\($0)" }
        if spec.includeSAN && !names.isEmpty {
            list.append((NID_subject_alt_name, names.joined(separator: ",")))
        }
        if let url = spec.aiaCAIssuersURL {
            list.append((NID_info_access, "caIssuers;URI:\(url)"))
        }
        return list
    }
}
