import TLSProbeCore

extension LabScenarios {
    static let http: [LabScenario] = [
        LabScenario(
            name: "http-500", summary: "TLS is fine; the site answers 500 Internal Server Error",
            expectedDiagnosis: DiagnosisID.httpStatus5xx, expectedExit: .httpFailed
        ) { pki in try serve(pki.chain) { $0.http = .respond(status: 500, headers: hsts, body: "boom\n") } },
        LabScenario(
            name: "http-404", summary: "TLS is fine; the site answers 404 Not Found",
            expectedDiagnosis: DiagnosisID.httpStatus4xx, expectedExit: .success
        ) { pki in try serve(pki.chain) { $0.http = .respond(status: 404, headers: hsts, body: "not here\n") } },
        LabScenario(
            name: "http-redirect-downgrade", summary: "the HTTPS site redirects to plain http://",
            expectedDiagnosis: DiagnosisID.httpRedirectDowngrade, expectedExit: .success
        ) { pki in
            try serve(pki.chain) {
                $0.http = .respond(status: 302, headers: [("Location", "http://localhost/")], body: "moved\n")
            }
        },
        LabScenario(
            name: "http-no-hsts", summary: "200 OK without Strict-Transport-Security (a warning)",
            expectedDiagnosis: DiagnosisID.httpNoHSTS, expectedExit: .success
        ) { pki in try serve(pki.chain) { $0.http = .respond(status: 200, headers: [], body: "ok\n") } },
        LabScenario(
            name: "http-never-responds", summary: "the handshake succeeds, the HTTP answer never comes",
            expectedDiagnosis: DiagnosisID.httpTimeout, expectedExit: .httpFailed
        ) { pki in try serve(pki.chain) { $0.http = .neverRespond } },
        LabScenario(
            name: "http-close-without-response", summary: "the server reads the request and closes without answering",
            expectedDiagnosis: DiagnosisID.httpClosed, expectedExit: .httpFailed
        ) { pki in try serve(pki.chain) { $0.http = .closeWithoutResponse } },
        LabScenario(
            name: "hsts-short", summary: "200 OK with Strict-Transport-Security max-age=300 (an info: too short to protect)",
            expectedDiagnosis: DiagnosisID.httpHSTSShort, expectedExit: .success
        ) { pki in try serve(pki.chain) { $0.http = .respond(status: 200, headers: [("Strict-Transport-Security", "max-age=300")], body: "ok\n") } },
        LabScenario(
            name: "http-garbage", summary: "the handshake succeeds, then the server answers the request with bytes that are not HTTP",
            expectedDiagnosis: DiagnosisID.httpNotHTTP, expectedExit: .httpFailed
        ) { pki in try serve(pki.chain) { $0.http = .nonHTTP(Array("SSH-2.0-OpenSSH_9.2\r\n".utf8)) } },
    ]

    private static let hsts = [("Strict-Transport-Security", "max-age=31536000")]
}
