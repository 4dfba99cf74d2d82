/// Where the dns and tcp stages connect: the target itself, or the HTTP proxy that tunnels to
/// it (then the proxy resolves the target's name). Both routes run the same dns and tcp stages;
/// only the words and the diagnoses differ, and they are chosen here by `role`.
struct ConnectEndpoint {
    enum Role {
        case target
        case proxy(ProxyEndpoint)
    }

    let host: String
    let port: Int
    let role: Role

    init(for context: ProbeContext) {
        if let proxy = context.proxy {
            host = proxy.host
            port = proxy.port
            role = .proxy(proxy)
        } else {
            host = context.connectHost
            port = context.target.port
            role = .target
        }
    }

    /// Why the probe stops when this endpoint cannot be reached.
    func unreachableReason(direct: String) -> String {
        switch role {
        case .target: direct
        case .proxy: "proxy not reachable"
        }
    }

    /// With a proxy, every dns and tcp failure is one diagnosis: the proxy cannot be reached.
    static func proxyUnreachable(_ proxy: ProxyEndpoint, detail: String, stage: StageName, in context: ProbeContext) -> Diagnosis {
        context.diagnosis(DiagnosisID.proxyRefused, ["proxy": proxy.label, "detail": detail], stage: stage)
    }
}
