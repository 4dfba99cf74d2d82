import FoundationEssentials
import Glibc
import TLSProbeCore

/// A small Go crypto/tls HTTPS server, built with `go build` on first use (once per process,
/// into a temporary directory removed at exit), so the lab has Go's TLS stack as a peer.
enum ForeignGoServer {
    static let source = #"""
    package main

    import (
    	"crypto/tls"
    	"crypto/x509"
    	"flag"
    	"fmt"
    	"log"
    	"net/http"
    	"os"
    	"strings"
    )

    func main() {
    	addr := flag.String("addr", "127.0.0.1:0", "listen address")
    	cert := flag.String("cert", "", "certificate chain (PEM)")
    	key := flag.String("key", "", "private key (PEM)")
    	ciphers := flag.String("ciphers", "", "comma-separated TLS 1.2 suite names")
    	clientCA := flag.String("clientca", "", "require client certificates from this CA")
    	maxVersion := flag.String("maxversion", "1.3", "1.2 or 1.3")
    	curves := flag.String("curves", "", "comma-separated: X25519,P256,P384,P521")
    	closeWithoutCert := flag.String("closewithoutcert", "", "with -clientca: only request a certificate, and close without a response when none came: notify (close_notify) or fin")
    	flag.Parse()
    	config := &tls.Config{MinVersion: tls.VersionTLS10}
    	if *maxVersion == "1.2" {
    		config.MaxVersion = tls.VersionTLS12
    	}
    	if *ciphers != "" {
    		names := map[string]uint16{}
    		for _, s := range append(tls.CipherSuites(), tls.InsecureCipherSuites()...) {
    			names[s.Name] = s.ID
    		}
    		for _, name := range strings.Split(*ciphers, ",") {
    			id, ok := names[name]
    			if !ok {
    				log.Fatalf("unknown suite %s", name)
    			}
    			config.CipherSuites = append(config.CipherSuites, id)
    		}
    	}
    	if *curves != "" {
    		ids := map[string]tls.CurveID{"X25519": tls.X25519, "P256": tls.CurveP256, "P384": tls.CurveP384, "P521": tls.CurveP521}
    		for _, name := range strings.Split(*curves, ",") {
    			config.CurvePreferences = append(config.CurvePreferences, ids[name])
    		}
    	}
    	if *clientCA != "" {
    		pem, err := os.ReadFile(*clientCA)
    		if err != nil {
    			log.Fatal(err)
    		}
    		pool := x509.NewCertPool()
    		pool.AppendCertsFromPEM(pem)
    		config.ClientCAs = pool
    		config.ClientAuth = tls.RequireAndVerifyClientCert
    		if *closeWithoutCert != "" {
    			config.ClientAuth = tls.VerifyClientCertIfGiven
    		}
    	}
    	// No HTTP/2: net/http refuses a TLS 1.2 suite list without AES-128-GCM when h2 is on.
    	server := &http.Server{Addr: *addr, TLSConfig: config, TLSNextProto: map[string]func(*http.Server, *tls.Conn, http.Handler){}, Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
    		if *closeWithoutCert != "" && len(r.TLS.PeerCertificates) == 0 {
    			conn, _, err := w.(http.Hijacker).Hijack()
    			if err != nil {
    				return
    			}
    			if *closeWithoutCert == "fin" {
    				conn.(*tls.Conn).NetConn().Close()
    			} else {
    				conn.Close()
    			}
    			return
    		}
    		w.Header().Set("Strict-Transport-Security", "max-age=31536000")
    		fmt.Fprintln(w, "tlsprobe go server")
    	})}
    	log.Fatal(server.ListenAndServeTLS(*cert, *key))
    }
    """#

    private static let lock = ConditionLock()
    nonisolated(unsafe) private static var built: Result<String, LabError>?

    /// The built binary's path (built on the first call).
    static func binary() throws -> String {
        lock.lock()
        defer { lock.unlock() }
        if let built { return try built.get() }
        let result: Result<String, LabError>
        do { result = .success(try build()) } catch { result = .failure(error) }
        built = result
        return try result.get()
    }

    private static func build() throws(LabError) -> String {
        guard let go = ForeignTools.find("go") else { throw LabError("go is not installed (scripts/test.sh installs golang-go)") }
        let directory = FileManager.default.temporaryDirectory.appending(path: "tlsprobe-go-\(getpid())")
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try source.write(to: directory.appending(path: "main.go"), atomically: true, encoding: .utf8)
        } catch { throw LabError("go server source: \(error)") }
        atexit { try? FileManager.default.removeItem(at: FileManager.default.temporaryDirectory.appending(path: "tlsprobe-go-\(getpid())")) }
        let output = directory.appending(path: "tlsprobe-go-server").path
        var environment: [String: String] = [:]
        for entry in UnsafeBufferPointer(start: environ, count: Int.max).prefix(while: { $0 != nil }) {
            let text = String(cString: entry!)
            if let equals = text.firstIndex(of: "=") { environment[String(text[..<equals])] = String(text[text.index(after: equals)...]) }
        }
        environment["GO111MODULE"] = "off"
        environment["GOFLAGS"] = ""
        if environment["HOME"] == nil { environment["GOCACHE"] = directory.appending(path: "cache").path }
        let logURL = directory.appending(path: "build.log")
        let process: LabChildProcess
        do {
            process = try LabChildProcess(executable: go, arguments: ["build", "-o", output, directory.appending(path: "main.go").path], logPath: logURL.path,
                                          environment: environment)
        } catch { throw LabError("go build: \(error)") }
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw LabError("go build failed: \((try? String(contentsOf: logURL, encoding: .utf8)) ?? "")")
        }
        return output
    }
}
