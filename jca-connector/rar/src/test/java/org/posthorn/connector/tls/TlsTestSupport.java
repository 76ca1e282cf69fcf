package org.posthorn.connector.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS for the connector's socket tests: a self-signed store made once per JVM, a server source that
 * serves it, and a client that trusts exactly that certificate (no trust-all).
 */
public final class TlsTestSupport {

    public static final String HOSTNAME = "mail.example.test";

    private static KeyStoreFile store;
    private static ReloadingSslContext server;

    private TlsTestSupport() {
    }

    /** The server side, shared by every test of the JVM (making a key is the slow part). */
    public static synchronized ReloadingSslContext server() {
        if (server == null) {
            try {
                Path directory = Files.createTempDirectory("posthorn-tls-test");
                store = ServerKeyStore.selfSigned(directory, HOSTNAME, Clock.systemUTC());
                server = ReloadingSslContext.load(store, Runnable::run, Clock.systemUTC(), Duration.ofHours(1));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return server;
    }

    /** A client context that trusts {@code certificate} only. */
    public static SSLContext clientTrusting(X509Certificate certificate) {
        try {
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            trusted.setCertificateEntry("server", certificate);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Layers a client TLS session over an open socket (after STARTTLS/STLS) and completes the handshake. */
    public static SSLSocket startTls(Socket plain) throws IOException {
        SSLSocket tls = (SSLSocket) clientTrusting(server().certificate()).getSocketFactory()
                .createSocket(plain, HOSTNAME, plain.getPort(), true);
        tls.setUseClientMode(true);
        tls.startHandshake();
        return tls;
    }

    /** Connects with implicit TLS and completes the handshake. */
    public static SSLSocket connectTls(int port) throws IOException {
        SSLSocket tls = (SSLSocket) clientTrusting(server().certificate()).getSocketFactory().createSocket("127.0.0.1", port);
        tls.setSoTimeout(5000);
        tls.startHandshake();
        return tls;
    }

    /** Reads one CRLF-terminated line (without it), byte by byte so nothing beyond it is consumed. */
    public static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n' && line.length() > 0 && line.charAt(line.length() - 1) == '\r') {
                return line.substring(0, line.length() - 1);
            }
            line.append((char) c);
        }
        throw new IOException("connection closed after '" + line + "'");
    }

    public static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }
}
