import FoundationEssentials

/// One bounded plain-HTTP exchange with a CA's OCSP responder or CRL distribution point
/// (both are http:// by design, RFC 5280 §4.2.1.13 / RFC 6960 App. A): at most `limit` bytes,
/// never past `deadline`, no redirects. The transport is `BoundedHTTPFetch`, shared with the
/// AIA completion.
enum RevocationFetch {
    typealias Failure = BoundedHTTPFetch.Failure

    /// GET (body nil) or POST `body`; returns the 200 response's body.
    static func exchange(_ url: String, post body: [UInt8]? = nil, contentType: String = "application/ocsp-request",
                         limit: Int, deadline: Deadline) -> Result<[UInt8], Failure> {
        guard let parts = BoundedHTTPFetch.parse(url), !parts.isHTTPS else { return .failure(.unsupportedURL(url)) }
        switch BoundedHTTPFetch.exchange(parts, post: body, contentType: contentType, limit: limit, deadline: deadline, tls: nil) {
        case .failure(let failure): return .failure(failure)
        case .success(let answer):
            guard answer.head.status == 200 else { return .failure(.badResponse("the server answered \"\(answer.head.statusLine)\"")) }
            return .success(answer.body)
        }
    }
}
