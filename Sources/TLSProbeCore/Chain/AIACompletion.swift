import FoundationEssentials

/// When and how far to download missing issuers from CA Issuers URLs.
public struct AIAFetchPolicy: Sendable {
    public var enabled: Bool
    /// Why fetching is off, in words ("--no-fetch", "the esp-idf client never fetches …").
    public var disabledReason: String?
    /// Certificates fetched one after another (an intermediate whose own issuer is missing too).
    public var maxFetches = 4
    /// Largest answer read from one URL; a CA certificate is 1–2 KB, a PKCS#7 bundle a few.
    public var maxBytes = 64 * 1024
    /// Same-scheme redirects followed per URL.
    public var maxRedirects = 3
    /// Per URL, so one dead CA server cannot use the whole probe deadline.
    public var secondsPerFetch: Double = 5

    public init(enabled: Bool = true, disabledReason: String? = nil) {
        self.enabled = enabled
        self.disabledReason = disabledReason
    }

    public static func disabled(_ reason: String) -> AIAFetchPolicy { AIAFetchPolicy(enabled: false, disabledReason: reason) }

    /// The probe's policy: tlsprobe's own probe fetches (to show what browsers see) unless
    /// `--no-fetch`; a `--client` profile fetches only if that client does.
    public static func forProbe(_ options: ProbeOptions) -> AIAFetchPolicy {
        guard options.fetchMissingIssuers else { return .disabled("--no-fetch") }
        let profile = options.clientProfile
        guard profile.isOpenSSLDefault || profile.fetchesMissingIssuers else {
            return .disabled("the \(profile.name) client does not download missing intermediates, so tlsprobe does not either")
        }
        return AIAFetchPolicy()
    }

    /// The clients that never download a missing intermediate, for the words of a report.
    public static let nonFetchingClients = "curl, OpenSSL, Python, Java, Go and ESP-IDF / Mbed TLS"
}

/// Completes a chain the way browsers do: while verification stops at a certificate whose issuer
/// is missing (X509_V_ERR 2, 20, 21) and that certificate names a CA Issuers URL, download the
/// URL (DER, PEM or PKCS#7), keep the certificate that issued it, and verify again. Bounded: at
/// most `maxFetches` downloads, each within `secondsPerFetch` and the caller's deadline, at most
/// `maxBytes` each, no URL twice, redirects within one scheme only. Used by the certificate stage
/// and by offline chain checks (`tlsprobe check`).
enum AIACompletion {
    static let missingIssuerCodes: Set<Int> = [2, 20, 21]

    /// `sent`: the chain as sent (or as read from a file), leaf first. `store`: the X509_STORE to
    /// verify against. `https`: the context for https:// URLs (nil → those are not fetched).
    /// `cache`: the run's downloads so far (a fleet fetches each URL once).
    static func complete(sent: [ParsedCertificate], store: OpaquePointer, https: TLSClientContext?, host: String?, at: Date?,
                         now: Date, policy: AIAFetchPolicy, deadline: Deadline, cache: AIADownloadCache? = nil) -> ChainCompletion {
        let start = Deadline.now
        guard let leaf = sent.first else { return ChainCompletion(status: .notNeeded, reason: "no certificate") }
        var pool = Array(sent.dropFirst())
        var fetches: [AIAFetch] = []
        var tried: Set<String> = []
        var outcome: (status: ChainCompletion.Status, reason: String?)
        var result: ChainVerification.Result
        while true {
            result = ChainVerification.verify(leaf: leaf, untrusted: pool, store: store, host: host, at: at)
            let trustErrors = result.errors.filter { !ChainAnalyzer.hostnameCodes.contains($0.code) }
            if trustErrors.isEmpty {
                outcome = (fetches.isEmpty ? .notNeeded : .completed, nil)
                break
            }
            guard trustErrors.contains(where: { missingIssuerCodes.contains($0.code) }), let child = result.path.last else {
                outcome = fetches.isEmpty ? (.notNeeded, nil)
                    : (.incomplete, "with the fetched certificates the chain still fails: \(ChainAnalyzer.list(trustErrors.map(\.message).uniqued()))")
                break
            }
            let childSummary = child.summary(depth: result.path.count - 1, now: now)
            let childName = ChainAnalyzer.name(of: childSummary)
            guard let url = childSummary.caIssuersURL else {
                outcome = (.incomplete, "\(quoted(childName)) names no CA Issuers URL (AIA), so its issuer \(quoted(ChainAnalyzer.issuerName(of: childSummary))) cannot be fetched")
                break
            }
            guard policy.enabled else {
                outcome = (.notFetched, policy.disabledReason ?? "fetching is off")
                break
            }
            guard tried.insert(url).inserted else {
                outcome = (.incomplete, "\(url) was fetched already (the certificates name each other in a loop)")
                break
            }
            guard fetches.count < policy.maxFetches else {
                outcome = (.incomplete, "more than \(policy.maxFetches) certificates would have to be fetched")
                break
            }
            guard !deadline.hasPassed else {
                outcome = (.incomplete, "the probe's deadline passed before \(url) could be fetched")
                break
            }
            let (fetch, candidates) = download(url, for: child, childName: childName, issuerDepth: result.path.count, https: https, policy: policy, now: now,
                                               deadline: deadline, cache: cache)
            fetches.append(fetch)
            guard fetch.outcome == .used else {
                outcome = (.incomplete, "\(url): \(fetch.detail)")
                break
            }
            pool += candidates
        }
        let chain = result.path.enumerated().map { $0.element.summary(depth: $0.offset, now: now) }
        let trusted = result.errors.allSatisfy { ChainAnalyzer.hostnameCodes.contains($0.code) }
        return ChainCompletion(status: outcome.status, reason: outcome.reason, trusted: trusted, chain: chain, fetches: fetches,
                               errors: result.errors, durationMs: Deadline.millisecondsSince(start))
    }

    /// One URL: download, decode, and pick the certificate that issued `child`. Returns the
    /// record and the certificates to add to the pool (all of a bundle, so a PKCS#7 holding the
    /// intermediate and its own issuer completes in one download).
    private static func download(_ url: String, for child: ParsedCertificate, childName: String, issuerDepth: Int, https: TLSClientContext?,
                                 policy: AIAFetchPolicy, now: Date, deadline: Deadline, cache: AIADownloadCache?) -> (AIAFetch, [ParsedCertificate]) {
        let start = Deadline.now
        var record = AIAFetch(url: url, forSubject: childName, outcome: .failed, detail: "")
        let (outcome, detail, pool) = fetchAndPick(url, for: child, childName: childName, issuerDepth: issuerDepth, https: https,
                                                   policy: policy, now: now, deadline: deadline, cache: cache, record: &record)
        record.outcome = outcome
        record.detail = detail + (record.cached ? " (downloaded earlier in this run)" : "")
        record.durationMs = Deadline.millisecondsSince(start)
        return (record, pool)
    }

    private static func fetchAndPick(_ url: String, for child: ParsedCertificate, childName: String, issuerDepth: Int, https: TLSClientContext?,
                                     policy: AIAFetchPolicy, now: Date, deadline: Deadline, cache: AIADownloadCache?,
                                     record: inout AIAFetch) -> (AIAFetch.Outcome, String, [ParsedCertificate]) {
        if let parts = BoundedHTTPFetch.parse(url), parts.isHTTPS, https == nil {
            return (.failed, "https:// CA Issuers URLs are not fetched here", [])
        }
        let body: [UInt8]
        switch cache?.lookup(url) {
        case .body(let cached, let redirects)?:
            record.cached = true
            record.redirects = redirects
            body = cached
        case .failure(let detail, let redirects)?:
            record.cached = true
            record.redirects = redirects
            return (.failed, detail, [])
        case nil:
            var redirects: [String] = []
            let fullWindow = deadline.remainingSeconds >= policy.secondsPerFetch
            let limit = Deadline.after(seconds: policy.secondsPerFetch).earlier(deadline)
            let answer = BoundedHTTPFetch.get(url, limit: policy.maxBytes, deadline: limit, tls: https, maxRedirects: policy.maxRedirects, visited: &redirects)
            record.redirects = redirects
            switch answer {
            case .failure(let failure):
                // A timeout cut short by this probe's own deadline says nothing about the server.
                if failure != .timedOut || fullWindow { cache?.store(url, .failure(failure.description, redirects: redirects)) }
                return (.failed, failure.description, [])
            case .success(let got):
                cache?.store(url, .body(got.body, redirects: redirects))
                body = got.body
            }
        }
        record.bytes = body.count
        guard let decoded = ParsedCertificate.decodeAll(body) else {
            return (.unusable, body.isEmpty ? "the answer is empty" : "the answer (\(body.count) bytes) holds no certificate in DER, PEM or PKCS#7 form", [])
        }
        record.format = decoded.encoding.rawValue
        guard let issuer = decoded.certificates.first(where: { $0.issued(child) }) else {
            let served = decoded.certificates.prefix(3).map { quoted(ChainAnalyzer.name(of: $0.summary(depth: issuerDepth, now: now))) }
            let sameName = decoded.certificates.contains { child.issuerNameMatches($0) }
            let more = decoded.certificates.count > 3 ? " and \(decoded.certificates.count - 3) more" : ""
            return (.unusable, "it serves \(ChainAnalyzer.list(served))\(more), "
                + (sameName ? "whose key did not sign \(quoted(childName)) (the right name, another key)" : "which did not issue \(quoted(childName))"), [])
        }
        let summary = issuer.summary(depth: issuerDepth, now: now)
        record.certificate = summary
        return (.used, "\(quoted(ChainAnalyzer.name(of: summary))) (\(decoded.encoding.rawValue.uppercased()), \(body.count) bytes)", decoded.certificates)
    }
}
