// A Java (JSSE) client with the JDK's defaults, for the client-matrix oracle tests: trusts the
// PEM CA file given (or the JDK's cacerts for "-"), checks the host name as HttpsURLConnection
// does (endpoint identification "HTTPS"), completes the handshake, prints one line.
//
//   java JavaTLSClient.java HOST PORT SERVERNAME CAFILE|- TIMEOUT_MS
//   outcome=connected version=TLSv1.3 cipher=TLS_AES_256_GCM_SHA384
//   outcome=failed error=<exception class: message>
import java.io.FileInputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.List;
import javax.net.ssl.*;

public class JavaTLSClient {
    public static void main(String[] args) throws Exception {
        String host = args[0], name = args[2], caFile = args[3];
        int port = Integer.parseInt(args[1]), timeout = Integer.parseInt(args[4]);
        SSLContext context = SSLContext.getInstance("TLS");
        TrustManager[] trust = null;
        if (!caFile.equals("-")) {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int index = 0;
            try (FileInputStream in = new FileInputStream(caFile)) {
                for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                    store.setCertificateEntry("ca" + index++, certificate);
                }
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            trust = factory.getTrustManagers();
        }
        context.init(null, trust, null);
        try (Socket plain = new Socket()) {
            plain.connect(new InetSocketAddress(host, port), timeout);
            plain.setSoTimeout(timeout);
            SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(plain, name, port, true);
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            if (!name.matches("[0-9.]+|.*:.*")) parameters.setServerNames(List.of(new SNIHostName(name)));
            socket.setSSLParameters(parameters);
            socket.startHandshake();
            SSLSession session = socket.getSession();
            System.out.println("outcome=connected version=" + session.getProtocol() + " cipher=" + session.getCipherSuite());
            socket.close();
        } catch (Exception error) {
            Throwable root = error;
            while (root.getCause() != null) root = root.getCause();
            System.out.println(("outcome=failed error=" + error.getClass().getSimpleName() + ": " + error.getMessage()
                + " | " + root.getClass().getSimpleName() + ": " + root.getMessage()).replace('\n', ' '));
        }
    }
}
