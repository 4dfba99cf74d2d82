import FoundationEssentials

/// `tlsprobe clients TARGET`: one row per client profile. Each client's own ClientHello is
/// replayed with the raw component (so suites OpenSSL lacks count); the server's answer is the
/// negotiation. The chain the server sends for that negotiation comes from one OpenSSL
/// handshake per distinct negotiation, and each client judges it with its own rules. Mbed TLS
/// profiles are predicted by the device model (`--client`'s path, checked against a real Mbed
/// TLS client). Everything runs in parallel, each connection bounded by the deadline.
public struct ClientMatrix: Sendable {
    public let options: ProbeOptions
    public let clients: [ClientProfile]
    /// Names whose failure fails the run (`--require-clients`); "all" requires every client.
    public let required: [String]
    public var concurrency = 8
    /// Where the clients' own trust stores are (system, Java cacerts, certifi); nil: what this
    /// machine has (`TrustStoreLocations.discover`). Tests hand in stores made at test time.
    public var trustLocations: TrustStoreLocations?

    public init(options: ProbeOptions, clients: [ClientProfile], required: [String] = []) {
        self.options = options
        self.clients = clients
        self.required = required
    }

    /// The default probe's report (tlsprobe's own client, no application exchange) with the
    /// matrix in `clients`; its exit code and outcome are the matrix's (see `settle`).
    public func run(_ target: ProbeTarget) -> ProbeReport {
        let started = Deadline.now
        let deadline = Deadline.after(seconds: options.timeout)
        var probeOptions = options
        probeOptions.runHTTP = false
        probeOptions.clientProfile = ClientProfiles.defaultProfile
        let host = target.host
        let connectHost = options.connectTo ?? target.connectTo ?? host

        // The default probe, the address and the clients' trust stores are made alongside.
        let frozenProbeOptions = probeOptions
        let options = self.options
        let wanted = Set(clients.compactMap { $0.acceptance?.trustStore })
        let locations = trustLocations
        let setup = WorkerThreads.map(count: 3, width: 3, name: "tlsprobe-matrix") { job -> MatrixSetup in
            switch job {
            case 0: .probe((try? ProbeEngine(options: frozenProbeOptions))?.probe(target))
            case 1: .address(Resolver.resolve(host: connectHost, port: target.port, family: options.family, deadline: deadline).map { $0[0] })
            default: .stores(ClientStores(user: options.trust, locations: locations, wanted: wanted))
            }
        }
        guard case .probe(let probed) = setup[0], case .address(let address) = setup[1], case .stores(let stores) = setup[2] else {
            preconditionFailure("setup jobs return in order")
        }
        var report = probed ?? ProbeReport(target: TargetInfo(input: target.input, host: host, port: target.port, path: target.path, sni: nil))
        switch address {
        case .failure:
            let diagnosis = report.decisive ?? Diagnosis.forClient(DiagnosisID.dnsResolverFailure, "\(connectHost) does not resolve.", stage: .dns)
            report.clients = clients.map { profile in
                ClientMatrixRow(name: profile.name, outcome: .fails, failedStage: diagnosis.stage, diagnosis: diagnosis, trustStore: "-", basis: profile.basis)
            }
        case .success(let address):
            report.clients = rows(target: target, address: address, deadline: deadline, probe: report, stores: stores)
        }
        settle(&report)
        report.durationMs = Deadline.millisecondsSince(started)
        return report
    }

    /// Exit code and outcome: a required client that fails decides (its diagnosis's exit
    /// code); an unreachable target keeps the probe's; otherwise the matrix ran: 0.
    func settle(_ report: inout ProbeReport) {
        let rows = report.clients ?? []
        let requiredRows = rows.filter { row in required.contains("all") || required.contains { Self.matches(row.name, $0) } }
        if let failing = requiredRows.first(where: { $0.outcome == .fails }) {
            report.exitCode = failing.diagnosis?.exitCode ?? ExitStatus.internalError.rawValue
            if report.exitCode == 0 { report.exitCode = ExitStatus.internalError.rawValue }
            report.outcome = .fail
            return
        }
        if let stage = report.failedStage, [.dns, .tcp, .proxy].contains(stage) { return }
        report.exitCode = 0
        report.outcome = rows.contains { $0.outcome == .fails } ? .warning : .ok
    }

    /// A word of --clients / --require-clients: the profile of that name (`esp-idf`, `java-8`),
    /// else every version of that family (`java`, `android`, `go`).
    public static func profiles(matching word: String, in profiles: [ClientProfile] = ClientProfiles.matrix) -> [ClientProfile] {
        let wanted = word.lowercased()
        if let exact = profiles.first(where: { $0.name == wanted }) { return [exact] }
        return profiles.filter { family(of: $0.name, is: wanted) }
    }

    static func matches(_ name: String, _ requirement: String) -> Bool {
        profiles(matching: requirement).contains { $0.name == name }
    }

    /// Whether `name` is one version of the family `family` ("java-17" of "java", "esp-idf@4.4"
    /// of "esp-idf"; "esp-idf" itself is a profile too).
    public static func family(of name: String, is family: String) -> Bool {
        guard name.hasPrefix(family), name.count > family.count else { return false }
        let next = name[name.index(name.startIndex, offsetBy: family.count)]
        return next == "@" || (next == "-" && name.dropFirst(family.count + 1).first?.isNumber == true)
    }

    private func serverName(for profile: ClientProfile, target: ProbeTarget) -> String? {
        guard options.sendSNI, profile.sendsSNI else { return nil }
        let name = options.sniOverride ?? target.sni ?? target.host
        return SocketAddress.isNumericHost(name) && !profile.sendsSNIForIPAddress ? nil : name
    }

    private func rows(target: ProbeTarget, address: SocketAddress, deadline: Deadline, probe: ProbeReport, stores: ClientStores) -> [ClientMatrixRow] {
        let now = Date()
        let clients = self.clients
        let negotiations = WorkerThreads.map(count: clients.count, width: concurrency, name: "tlsprobe-matrix") { [self] index in
            ClientNegotiation.negotiate(clients[index], serverName: serverName(for: clients[index], target: target), address: address, deadline: deadline)
        }
        // One chain fetch per distinct negotiation; Mbed TLS profiles go through the device model.
        var keys: [ChainFetchKey] = []
        var keyOf: [Int: ChainFetchKey] = [:]
        var embedded: [Int] = []
        for (index, (profile, negotiation)) in zip(clients, negotiations).enumerated() where negotiation.failure == nil {
            if profile.acceptance == nil { embedded.append(index); continue }
            guard let key = fetchKey(profile, negotiation, target: target) else { continue }
            keyOf[index] = key
            if !keys.contains(key) { keys.append(key) }
        }
        enum Job: Sendable { case fetch(ChainFetchKey), device(Int) }
        let jobs = keys.map(Job.fetch) + embedded.map(Job.device)
        let options = self.options
        let results = WorkerThreads.map(count: jobs.count, width: concurrency, name: "tlsprobe-matrix") { position -> JobResult in
            switch jobs[position] {
            case .fetch(let key):
                return .chain(FetchedChain.fetch(key, address: address, verifyName: target.host, options: options, deadline: deadline, now: now))
            case .device(let index):
                var deviceOptions = options
                deviceOptions.clientProfile = clients[index]
                deviceOptions.runHTTP = false
                // As `--client` does: the device's own ALPN offer (none for esp-tls by default).
                deviceOptions.alpn = clients[index].alpn ?? deviceOptions.alpn
                return .device((try? ProbeEngine(options: deviceOptions))?.probe(target))
            }
        }
        var fetched: [ChainFetchKey: FetchedChain] = [:]
        var devices: [Int: ProbeReport] = [:]
        for (job, result) in zip(jobs, results) {
            switch (job, result) {
            case (.fetch(let key), .chain(let chain)): fetched[key] = chain
            case (.device(let index), .device(let report)): devices[index] = report
            default: break
            }
        }
        let probeIDs = probe.stage(.certificate).map { _ in probe.diagnoses.filter { $0.stage == .certificate }.map(\.id) } ?? []
        return clients.indices.map { index in
            let profile = clients[index]
            let negotiation = negotiations[index]
            var row = ClientMatrixRow(name: profile.name, outcome: .connects, tls: negotiation.negotiated, trustStore: "-",
                                      notes: negotiation.notes, basis: profile.basis)
            if let (stage, diagnosis) = negotiation.failure {
                row.outcome = .fails
                row.failedStage = stage
                row.diagnosis = diagnosis
                return row
            }
            if let acceptance = profile.acceptance {
                judgeOnPC(&row, profile, acceptance, key: keyOf[index], fetched: keyOf[index].flatMap { fetched[$0] }, stores: stores,
                          host: target.host, probeIDs: probeIDs, deadline: deadline, now: now)
            } else {
                judgeDevice(&row, profile, devices[index])
            }
            return row
        }
    }

    private func judgeOnPC(_ row: inout ClientMatrixRow, _ profile: ClientProfile, _ acceptance: ClientAcceptance, key: ChainFetchKey?,
                           fetched: FetchedChain?, stores: ClientStores, host: String, probeIDs: [String], deadline: Deadline, now: Date) {
        guard let fetched else {
            row.notes.append("the chain could not be fetched for this negotiation; the certificate was not judged")
            return
        }
        if row.tls.group == nil { row.tls.group = fetched.session?.group }
        guard let trust = stores.store(for: acceptance.trustStore) else {
            row.notes.append("the trust store could not be loaded; the certificate was not judged")
            return
        }
        row.trustStore = trust.label
        var judge = ClientChainJudge(profile: profile, acceptance: acceptance, trust: trust, userStore: stores.userStore,
                                     host: host, at: options.at, probeCertificateIDs: probeIDs,
                                     fetchPolicy: options.fetchMissingIssuers ? AIAFetchPolicy() : .disabled("--no-fetch"), deadline: deadline)
        if let (stage, diagnosis) = judge.judge(fetched, version: key?.version, now: now) {
            row.outcome = .fails
            row.failedStage = stage
            row.diagnosis = diagnosis
        }
        if let note = judge.aiaNote { row.notes.append(note) }
        if key?.suites.contains(":") == true { row.notes.append("the negotiated suite has no OpenSSL implementation: the chain was fetched with an OpenSSL suite of the same key exchange") }
    }

    private func judgeDevice(_ row: inout ClientMatrixRow, _ profile: ClientProfile, _ report: ProbeReport?) {
        row.trustStore = ClientTrust.implied(by: options) == .bundle ? "ESP-IDF certificate bundle (\(profile.defaultBundle ?? "-"))" : "the --cacert file as the firmware's CA"
        guard let report, let device = report.device else {
            row.notes.append("the device model made no prediction")
            return
        }
        if row.tls.group == nil { row.tls.group = report.tls.group }
        guard device.outcome != .connected else { return }
        row.outcome = .fails
        let first = report.diagnoses.first { $0.severity == .error }
        row.failedStage = first?.stage ?? report.failedStage ?? .certificate
        var diagnosis = first ?? Diagnosis.forClient(DiagnosisID.embeddedDeviceRejectsChain, device.reason)
        diagnosis.summary = "\(device.returnCode.map { "mbedtls_ssl_handshake returns \($0)" } ?? device.outcome.rawValue): \(device.reason)".asSentence
        row.diagnosis = diagnosis
    }

    /// The OpenSSL handshake that reproduces `negotiation` for `profile`.
    private func fetchKey(_ profile: ClientProfile, _ negotiation: ClientNegotiation, target: ProbeTarget) -> ChainFetchKey? {
        guard let answer = negotiation.answer, let version = TLSVersion(wireValue: Int(answer.selectedVersion)) else { return nil }
        let hello = profile.matrixHello
        let suites: String
        if let info = CipherSuiteTable.info(answer.cipherSuite), CipherNames.openSSLName(forIANA: info.ianaName) != nil || info.isTLS13 {
            suites = info.isTLS13 ? info.ianaName : (CipherNames.openSSLName(forIANA: info.ianaName) ?? info.opensslName)
        } else {
            // OpenSSL lacks the suite: any of the client's suites with the same authentication
            // gets the chain the server sends for that key type.
            let auth = CipherSuiteTable.info(answer.cipherSuite)?.authentication
            let same = hello.tls12Suites.compactMap(CipherSuiteTable.info).filter { $0.authentication == auth }
                .compactMap { CipherNames.openSSLName(forIANA: $0.ianaName) }
            guard !same.isEmpty else { return nil }
            suites = same.joined(separator: ":")
        }
        let groups: [String]
        if let group = negotiation.group, let name = WireGroup.openSSLName(group) { groups = [name] }
        else { groups = hello.groups.compactMap(WireGroup.openSSLName) }
        let sigalgs = hello.signatureSchemes.compactMap(WireSignatureScheme.openSSLName).filter { version == .tls13 ? !$0.contains("SHA1") && !$0.contains("SHA224") : true }
        return ChainFetchKey(version: version, suites: suites, groups: groups.isEmpty ? nil : groups.joined(separator: ":"),
                             sigalgs: sigalgs.isEmpty ? nil : sigalgs.joined(separator: ":"),
                             serverName: serverName(for: profile, target: target), statusRequest: hello.requestsOCSPStaple, alpn: hello.alpn)
    }
}

private enum JobResult: Sendable {
    case chain(FetchedChain)
    case device(ProbeReport?)
}

/// What the three setup jobs of `run` return.
private enum MatrixSetup: Sendable {
    case probe(ProbeReport?)
    case address(Result<SocketAddress, ResolutionFailure>)
    case stores(ClientStores)
}
