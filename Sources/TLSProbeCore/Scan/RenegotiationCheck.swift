/// Client-initiated renegotiation (testssl.sh's "Secure Client-Initiated Renegotiation"): one
/// OpenSSL handshake at the best TLS ≤ 1.2 version, then `SSL_renegotiate` on it. A server that
/// does the new handshake lets any client make it spend a private-key operation per request
/// (CVE-2011-1473); OpenSSL 3 servers refuse by default, GnuTLS allows it. Asked only of servers
/// that do RFC 5746 secure renegotiation (OpenSSL's client refuses the legacy kind anyway).
enum RenegotiationCheck {
    /// How long the server gets to answer the renegotiation ClientHello.
    static let answerSeconds = 3.0

    struct Result: Sendable {
        /// True: renegotiated; false: refused; nil: no answer or no first handshake.
        var allowed: Bool?
        var answer: String
    }

    static func run(_ version: TLSVersion, session: ScanSession) -> Result {
        var offer = HandshakeChecks.offer(maxVersion: version)
        offer.minVersion = version
        nonisolated(unsafe) var outcome = Result(allowed: nil, answer: "no first handshake")
        _ = HandshakeChecks.handshake(session: session, offer: offer, alpn: []) { connection, socket, deadline in
            let wait = Deadline.after(seconds: answerSeconds).earlier(deadline)
            switch connection.renegotiate(over: socket, deadline: wait) {
            case .completed:
                outcome = Result(allowed: true, answer: "renegotiated")
            case .transport(.timedOut):
                outcome = Result(allowed: nil, answer: "no answer to the renegotiation ClientHello within \(Int(answerSeconds)) s")
            case .transport(let event):
                outcome = Result(allowed: false, answer: event == .reset ? "connection reset" : "connection closed")
            case .tlsError:
                if let alert = connection.recorder.receivedAlert {
                    outcome = Result(allowed: false, answer: "alert \(TLSAlert.name(for: alert.description) ?? "unknown") (\(alert.description))")
                } else {
                    outcome = Result(allowed: nil, answer: "the new handshake failed on our side")
                }
            }
        }
        return outcome
    }
}
