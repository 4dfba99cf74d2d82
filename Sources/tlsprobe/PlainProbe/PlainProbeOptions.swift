import ArgumentParser
import TLSProbeCore
import TLSProbeRendering

// The rows PlainProbeParser reads, one per @Option/@Flag of ProbeCommand's groups, in their
// declaration order. Defaults come from the same constants the declarations use.
// PlainProbeParserTests fails, naming the option, when a row is missing or differs from
// argument-parser's declaration (name, flag or option, `.unconditional` or not, default).

extension ProbeCommand {
    /// Every @OptionGroup of the command, in declaration order.
    static let plainGroups: [PlainGroupSlot<ProbeCommand>] = [
        .group({ $0.connection }, { $0.connection = $1 }),
        .group({ $0.proxy }, { $0.proxy = $1 }),
        .group({ $0.tls }, { $0.tls = $1 }),
        .group({ $0.verification }, { $0.verification = $1 }),
        .group({ $0.http }, { $0.http = $1 }),
        .group({ $0.appProtocols }, { $0.appProtocols = $1 }),
        .group({ $0.output }, { $0.output = $1 }),
        .group({ $0.fleet }, { $0.fleet = $1 }),
        .group({ $0.clientOptions }, { $0.clientOptions = $1 }),
        .group({ $0.save }, { $0.save = $1 }),
    ]
}

extension ConnectionOptions: PlainParsableGroup {
    static var plainDefaults: Self {
        var group = Self()
        group.connectTo = nil
        group.ipv4 = false
        group.ipv6 = false
        group.timeout = defaultTimeout
        group.connectTimeout = defaultConnectTimeout
        return group
    }

    static let plainOptions: [PlainOption<Self>] = [
        .option("--connect-to", as: String.self) { $0.connectTo = $1 },
        .flag("-4") { $0.ipv4 = true },
        .flag("-6") { $0.ipv6 = true },
        .option("--timeout", as: Double.self, parsing: .unconditional) { $0.timeout = $1 },
        .option("--connect-timeout", as: Double.self, parsing: .unconditional) { $0.connectTimeout = $1 },
    ]
}

extension ProxyOptions: PlainParsableGroup {
    static var plainDefaults: Self {
        var group = Self()
        group.proxy = nil
        group.noproxy = nil
        return group
    }

    static let plainOptions: [PlainOption<Self>] = [
        .option("--proxy", as: String.self) { $0.proxy = $1 },
        .option("--noproxy", as: String.self) { $0.noproxy = $1 },
    ]
}

extension TLSOptions: PlainParsableGroup {
    static var plainDefaults: Self {
        var group = Self()
        group.sni = nil
        group.noSNI = false
        group.tlsMin = nil
        group.tlsMax = nil
        group.ciphers = nil
        group.ciphersuites = nil
        group.groups = nil
        group.alpn = nil
        group.expectALPN = nil
        group.expectTLSMin = nil
        group.cert = nil
        group.key = nil
        return group
    }

    static let plainOptions: [PlainOption<Self>] = [
        .option("--sni", as: String.self) { $0.sni = $1 },
        .flag("--no-sni") { $0.noSNI = true },
        .option("--tls-min", as: TLSVersion.self) { $0.tlsMin = $1 },
        .option("--tls-max", as: TLSVersion.self) { $0.tlsMax = $1 },
        .option("--ciphers", as: String.self) { $0.ciphers = $1 },
        .option("--ciphersuites", as: String.self) { $0.ciphersuites = $1 },
        .option("--groups", as: String.self) { $0.groups = $1 },
        .option("--alpn", as: String.self) { $0.alpn = $1 },
        .option("--expect-alpn", as: String.self) { $0.expectALPN = $1 },
        .option("--expect-tls-min", as: TLSVersion.self) { $0.expectTLSMin = $1 },
        .option("--cert", as: String.self) { $0.cert = $1 },
        .option("--key", as: String.self) { $0.key = $1 },
    ]
}

extension VerificationOptions: PlainParsableGroup {
    static var plainDefaults: Self {
        var group = Self()
        group.cacert = nil
        group.capath = nil
        group.insecure = false
        group.warnDays = defaultWarnDays
        group.failDays = nil
        group.revocation = nil
        group.at = nil
        group.noFetch = false
        group.trustStores = false
        return group
    }

    static let plainOptions: [PlainOption<Self>] = [
        .option("--cacert", as: String.self) { $0.cacert = $1 },
        .option("--capath", as: String.self) { $0.capath = $1 },
        .flag("-k", "--insecure") { $0.insecure = true },
        .option("--warn-days", as: Int.self, parsing: .unconditional) { $0.warnDays = $1 },
        .option("--fail-days", as: Int.self, parsing: .unconditional) { $0.failDays = $1 },
        .option("--revocation", as: RevocationMode.self) { $0.revocation = $1 },
        .option("--at", as: String.self) { $0.at = $1 },
        .flag("--no-fetch") { $0.noFetch = true },
        .flag("--trust-stores") { $0.trustStores = true },
    ]
}

extension HTTPOptions: PlainParsableGroup {
    static var plainDefaults: Self {
        var group = Self()
        group.noHTTP = false
        group.noApp = false
        group.expectStatus = nil
        return group
    }

    static let plainOptions: [PlainOption<Self>] = [
        .flag("--no-http") { $0.noHTTP = true },
        .flag("--no-app") { $0.noApp = true },
        .option("--expect-status", as: String.self) { $0.expectStatus = $1 },
    ]
}

extension AppProtocolOptions: PlainParsableGroup {
    static var plainDefaults: Self {
        var group = Self()
        group.startTLS = nil
        group.mqttVersion = defaultMQTTVersion
        group.mqttUser = nil
        group.mqttPassword = nil
        group.mqttClientID = nil
        group.webSocketProtocol = nil
        return group
    }

    static let plainOptions: [PlainOption<Self>] = [
        .option("--starttls", as: String.self) { $0.startTLS = $1 },
        .option("--mqtt-version", as: MQTTVersion.self) { $0.mqttVersion = $1 },
        .option("--mqtt-user", as: String.self) { $0.mqttUser = $1 },
        .option("--mqtt-password", as: String.self) { $0.mqttPassword = $1 },
        .option("--mqtt-client-id", as: String.self) { $0.mqttClientID = $1 },
        .option("--ws-protocol", as: String.self) { $0.webSocketProtocol = $1 },
    ]
}

extension OutputOptions: PlainParsableGroup {
    static var plainDefaults: Self {
        var group = Self()
        group.json = false
        group.format = nil
        group.quiet = false
        group.verbose = false
        group.color = defaultColor
        group.strict = false
        return group
    }

    static let plainOptions: [PlainOption<Self>] = [
        .flag("--json") { $0.json = true },
        .option("--format", as: OutputFormat.self) { $0.format = $1 },
        .flag("-q", "--quiet") { $0.quiet = true },
        .flag("-v", "--verbose") { $0.verbose = true },
        .option("--color", as: ColorChoice.self) { $0.color = $1 },
        .flag("--strict") { $0.strict = true },
    ]
}

extension FleetOptions: PlainParsableGroup {
    static var plainDefaults: Self {
        var group = Self()
        group.targetsFile = nil
        group.jobs = defaultJobs
        group.unordered = false
        group.failFast = false
        group.shard = nil
        return group
    }

    static let plainOptions: [PlainOption<Self>] = [
        .option("--targets-file", as: String.self) { $0.targetsFile = $1 },
        .option("--jobs", as: Int.self, parsing: .unconditional) { $0.jobs = $1 },
        .flag("--unordered") { $0.unordered = true },
        .flag("--fail-fast") { $0.failFast = true },
        .option("--shard", as: String.self) { $0.shard = $1 },
    ]
}

extension ClientOptions: PlainParsableGroup {
    static var plainDefaults: Self {
        var group = Self()
        group.client = ClientProfiles.defaultProfile.name
        group.clientBuffer = nil
        group.clientTrust = nil
        group.chip = ESPChip.defaultChip.name
        return group
    }

    static let plainOptions: [PlainOption<Self>] = [
        .option("--client", as: String.self) { $0.client = $1 },
        .option("--client-buffer", as: Int.self, parsing: .unconditional) { $0.clientBuffer = $1 },
        .option("--client-trust", as: ClientTrust.self) { $0.clientTrust = $1 },
        .option("--chip", as: String.self) { $0.chip = $1 },
    ]
}

extension SaveOptions: PlainParsableGroup {
    static var plainDefaults: Self {
        var group = Self()
        group.saveChain = nil
        group.saveRoot = nil
        group.saveFormat = nil
        group.validUntil = nil
        return group
    }

    static let plainOptions: [PlainOption<Self>] = [
        .option("--save-chain", as: String.self) { $0.saveChain = $1 },
        .option("--save-root", as: String.self) { $0.saveRoot = $1 },
        .option("--save-format", as: CertificateFileFormat.self) { $0.saveFormat = $1 },
        .option("--valid-until", as: String.self) { $0.validUntil = $1 },
    ]
}
