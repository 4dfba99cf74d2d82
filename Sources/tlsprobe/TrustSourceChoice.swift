import TLSProbeCore

extension TrustSource {
    /// The trust anchors `--cacert` / `--capath` choose, the same for every command that verifies
    /// (probe, clients, scan, check): both together, either one, else the system store.
    init(cacert: String?, capath: String?) {
        switch (cacert, capath) {
        case (let file?, let directory?): self = .fileAndDirectory(file, directory)
        case (let file?, nil): self = .file(file)
        case (nil, let directory?): self = .directory(directory)
        case (nil, nil): self = .system
        }
    }
}

extension ConnectionOptions {
    /// `--connect-to` without the brackets an IPv6 literal may be written in ("[::1]" → "::1").
    var connectToHost: String? {
        connectTo.map { $0.hasPrefix("[") && $0.hasSuffix("]") ? String($0.dropFirst().dropLast()) : $0 }
    }
}
