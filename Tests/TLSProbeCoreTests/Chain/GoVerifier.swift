import Foundation
import TLSProbeLab

/// Go's crypto/x509 as a verifier that is not ours: a twenty-line program built once per test
/// process into a temporary directory (Debian's golang; no network, standard library only).
enum GoVerifier {
    static let source = """
    package main

    import (
    \t"crypto/x509"
    \t"encoding/pem"
    \t"fmt"
    \t"os"
    \t"time"
    )

    func load(path string) []*x509.Certificate {
    \tdata, err := os.ReadFile(path)
    \tif err != nil {
    \t\tfmt.Println("READ:", err)
    \t\tos.Exit(3)
    \t}
    \tvar out []*x509.Certificate
    \tfor {
    \t\tvar block *pem.Block
    \t\tblock, data = pem.Decode(data)
    \t\tif block == nil {
    \t\t\treturn out
    \t\t}
    \t\tcert, err := x509.ParseCertificate(block.Bytes)
    \t\tif err != nil {
    \t\t\tfmt.Println("PARSE:", err)
    \t\t\tos.Exit(2)
    \t\t}
    \t\tout = append(out, cert)
    \t}
    }

    func main() {
    \troots, intermediates := x509.NewCertPool(), x509.NewCertPool()
    \tfor _, c := range load(os.Args[1]) {
    \t\troots.AddCert(c)
    \t}
    \tfor _, c := range load(os.Args[2]) {
    \t\tintermediates.AddCert(c)
    \t}
    \tleaf := load(os.Args[3])[0]
    \topts := x509.VerifyOptions{DNSName: os.Args[4], Roots: roots, Intermediates: intermediates,
    \t\tKeyUsages: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}}
    \tif len(os.Args) > 5 {
    \t\tat, err := time.Parse(time.RFC3339, os.Args[5])
    \t\tif err != nil {
    \t\t\tfmt.Println("TIME:", err)
    \t\t\tos.Exit(3)
    \t\t}
    \t\topts.CurrentTime = at
    \t}
    \tif _, err := leaf.Verify(opts); err != nil {
    \t\tfmt.Println("REJECT:", err)
    \t\tos.Exit(1)
    \t}
    \tfmt.Println("OK")
    }
    """

    /// The built verifier, or nil when Go is not installed (scripts/test.sh installs golang-go).
    static let binary: URL? = {
        let directory = FileManager.default.temporaryDirectory.appending(path: "tlsprobe-goverify-\(getpid())")
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let main = directory.appending(path: "main.go")
        guard (try? source.write(to: main, atomically: true, encoding: .utf8)) != nil else { return nil }
        let cache = directory.appending(path: "cache").path
        guard let result = try? ExternalVerifier.run(
            "env", ["GOCACHE=\(cache)", "GOPATH=\(cache)", "HOME=\(directory.path)", "GO111MODULE=off", "go", "build", "-o", "verify", "main.go"],
            timeout: 180, in: directory), result.status == 0 else { return nil }
        atexit { GoVerifier.cleanUp() }
        return directory.appending(path: "verify")
    }()

    static func cleanUp() {
        if let binary { try? FileManager.default.removeItem(at: binary.deletingLastPathComponent()) }
    }

    /// Go's verdict on `leaf` with `intermediates` against `roots` for `host`.
    static func verify(_ lab: ChainLab, leaf: LabCertificate, intermediates: [LabCertificate], roots: [LabCertificate],
                       host: String = "localhost", at: String? = nil) throws -> ExternalVerifier.Result {
        guard let binary else { return ExternalVerifier.Result(status: -1, output: "go verifier could not be built") }
        let arguments = [try lab.write(roots, "g-roots.pem"), try lab.write(intermediates, "g-int.pem"), try lab.write([leaf], "g-leaf.pem"), host] + (at.map { [$0] } ?? [])
        return try ExternalVerifier.run(binary.path, arguments)
    }
}

/// GnuTLS's certtool: verifies a chain file (leaf first) against a CA file.
enum GnuTLSVerifier {
    static func verify(_ lab: ChainLab, chain: [LabCertificate], roots: [LabCertificate], host: String = "localhost") throws -> ExternalVerifier.Result {
        try ExternalVerifier.run("certtool", ["--verify", "--verify-hostname", host, "--load-ca-certificate", try lab.write(roots, "t-ca.pem"),
                                              "--infile", try lab.write(chain, "t-chain.pem")])
    }
}
