package org.posthorn.systemtest.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS for the IMAP tests: a socket factory that trusts exactly the self-signed certificate the test
 * server made at its first start in its data directory (as TlsIT does for SMTP and POP3).
 */
public final class ImapTls {

    /** The fixed password of the self-signed store the server writes (ServerKeyStore). */
    private static final char[] SELF_SIGNED_PASSWORD = "posthorn-self-signed".toCharArray();

    private ImapTls() {
    }

    public static SSLSocketFactory trustingServerCertificate() throws IOException, GeneralSecurityException {
        Path file = Path.of(System.getProperty("posthorn.test.data-dir"), "tls", "posthorn-selfsigned.p12");
        KeyStore serverStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            serverStore.load(in, SELF_SIGNED_PASSWORD);
        }
        X509Certificate certificate = (X509Certificate) serverStore.getCertificate("posthorn");
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("posthorn", certificate);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context.getSocketFactory();
    }
}
