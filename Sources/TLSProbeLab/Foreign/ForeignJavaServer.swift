import FoundationEssentials
import Glibc
import TLSProbeCore

/// A small Java (JSSE) HTTPS server, compiled with `javac` on first use (once per process, into
/// a temporary directory removed at exit), so the lab has Java's TLS stack as a peer. Its
/// identity is a PKCS#12 file made from the lab chain with `openssl pkcs12` in the server's own
/// key directory. Options: `--ciphers` (JSSE suite names), `--protocols` (TLSv1.2,TLSv1.3),
/// `--clientca` (require a client certificate from that CA), `--closewithoutcert notify` (with
/// `--clientca`: only request one, and close with close_notify, unanswered, when none came); JVM `-D` properties such as
/// `-Djdk.tls.namedGroups=…` go in the spec's `extra`.
enum ForeignJavaServer {
    static let source = #"""
    import java.io.*;
    import java.net.*;
    import java.security.*;
    import java.security.cert.*;
    import java.util.*;
    import javax.net.ssl.*;

    public class TLSProbeJavaServer {
        public static void main(String[] args) throws Exception {
            Map<String, String> options = new HashMap<>();
            for (int i = 0; i + 1 < args.length; i += 2) options.put(args[i], args[i + 1]);
            char[] password = "changeit".toCharArray();
            KeyStore identity = KeyStore.getInstance("PKCS12");
            try (InputStream in = new FileInputStream(options.get("--keystore"))) { identity.load(in, password); }
            KeyManagerFactory keys = KeyManagerFactory.getInstance("SunX509");
            keys.init(identity, password);
            TrustManager[] trust = null;
            if (options.containsKey("--clientca")) {
                KeyStore store = KeyStore.getInstance("PKCS12");
                store.load(null, null);
                try (InputStream in = new FileInputStream(options.get("--clientca"))) {
                    int n = 0;
                    for (java.security.cert.Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) store.setCertificateEntry("ca" + n++, c);
                }
                TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
                factory.init(store);
                trust = factory.getTrustManagers();
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), trust, null);
            SSLServerSocket server = (SSLServerSocket) context.getServerSocketFactory().createServerSocket();
            server.bind(new InetSocketAddress(InetAddress.getByName(options.get("--host")), Integer.parseInt(options.get("--port"))));
            SSLParameters parameters = server.getSSLParameters();
            if (options.containsKey("--ciphers")) parameters.setCipherSuites(options.get("--ciphers").split(","));
            if (options.containsKey("--protocols")) parameters.setProtocols(options.get("--protocols").split(","));
            boolean closeWithoutCert = options.containsKey("--closewithoutcert");
            if (trust != null && closeWithoutCert) parameters.setWantClientAuth(true);
            else if (trust != null) parameters.setNeedClientAuth(true);
            server.setSSLParameters(parameters);
            System.out.println("LISTENING " + server.getLocalPort());
            System.out.flush();
            while (true) {
                Socket socket = server.accept();
                new Thread(() -> serve((SSLSocket) socket, closeWithoutCert)).start();
            }
        }

        static void serve(SSLSocket socket, boolean closeWithoutCert) {
            try (SSLSocket s = socket) {
                s.setSoTimeout(10000);
                if (closeWithoutCert) {
                    s.startHandshake();
                    try { s.getSession().getPeerCertificates(); } catch (SSLPeerUnverifiedException none) { return; }  // close(): close_notify
                }
                BufferedReader reader = new BufferedReader(new InputStreamReader(s.getInputStream(), "ISO-8859-1"));
                String line;
                while ((line = reader.readLine()) != null && !line.isEmpty()) { }
                byte[] body = "tlsprobe java server\n".getBytes("ISO-8859-1");
                OutputStream out = s.getOutputStream();
                out.write(("HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\nStrict-Transport-Security: max-age=31536000\r\nContent-Length: "
                           + body.length + "\r\n\r\n").getBytes("ISO-8859-1"));
                out.write(body);
                out.flush();
            } catch (Exception e) {
                System.out.println("connection: " + e);
            }
        }
    }
    """#

    private static let lock = ConditionLock()
    nonisolated(unsafe) private static var compiled: Result<String, LabError>?

    /// The directory holding the compiled class (compiled on the first call).
    static func classDirectory() throws -> String {
        lock.lock()
        defer { lock.unlock() }
        if let compiled { return try compiled.get() }
        let result: Result<String, LabError>
        do { result = .success(try compile()) } catch { result = .failure(error) }
        compiled = result
        return try result.get()
    }

    private static func compile() throws(LabError) -> String {
        guard let javac = ForeignTools.find("javac") else { throw LabError("javac is not installed (scripts/test.sh installs openjdk-17-jdk-headless)") }
        let directory = FileManager.default.temporaryDirectory.appending(path: "tlsprobe-java-\(getpid())")
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try source.write(to: directory.appending(path: "TLSProbeJavaServer.java"), atomically: true, encoding: .utf8)
        } catch { throw LabError("java server source: \(error)") }
        atexit { try? FileManager.default.removeItem(at: FileManager.default.temporaryDirectory.appending(path: "tlsprobe-java-\(getpid())")) }
        let logURL = directory.appending(path: "javac.log")
        try run(javac, ["-d", directory.path, directory.appending(path: "TLSProbeJavaServer.java").path], log: logURL, what: "javac")
        return directory.path
    }

    /// `openssl pkcs12 -export` of the chain and key (password "changeit", as the server uses).
    static func writePKCS12(chain: String, key: String, to output: String) throws {
        let log = URL(fileURLWithPath: output + ".log")
        try run(try ForeignTools.require("openssl"), ["pkcs12", "-export", "-in", chain, "-inkey", key, "-out", output, "-passout", "pass:changeit"], log: log, what: "openssl pkcs12")
    }

    private static func run(_ executable: String, _ arguments: [String], log: URL, what: String) throws(LabError) {
        let process: LabChildProcess
        do { process = try LabChildProcess(executable: executable, arguments: arguments, logPath: log.path) } catch { throw LabError("\(what): \(error)") }
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw LabError("\(what) failed: \((try? String(contentsOf: log, encoding: .utf8)) ?? "")") }
    }
}
