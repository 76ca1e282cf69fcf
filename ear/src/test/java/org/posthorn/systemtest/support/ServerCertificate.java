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
 * The self-signed certificate the test server made at its first start in its data directory, and a
 * socket factory that trusts exactly that certificate, for the TLS tests of every protocol.
 */
public final class ServerCertificate {

    /** The fixed password of the self-signed store the server writes (ServerKeyStore). */
    private static final char[] SELF_SIGNED_PASSWORD = "posthorn-self-signed".toCharArray();

    private ServerCertificate() {
    }

    /** The certificate the server presents. */
    public static X509Certificate certificate() throws IOException, GeneralSecurityException {
        Path file = Path.of(System.getProperty("posthorn.test.data-dir"), "tls", "posthorn-selfsigned.p12");
        KeyStore serverStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            serverStore.load(in, SELF_SIGNED_PASSWORD);
        }
        return (X509Certificate) serverStore.getCertificate("posthorn");
    }

    /** A socket factory that trusts the server's certificate, and nothing else. */
    public static SSLSocketFactory trustingServerCertificate() throws IOException, GeneralSecurityException {
        X509Certificate certificate = certificate();
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
