package org.posthorn.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.posthorn.systemtest.support.AdminApi;
import org.posthorn.systemtest.support.Ports;
import org.posthorn.systemtest.support.PosthornDeployment;
import org.posthorn.systemtest.support.SmtpSender;

/**
 * TLS against the deployed EAR: Jakarta Mail with STARTTLS required on SMTP, POP3 over implicit TLS
 * (pop3s) and with STLS required, each trusting exactly the self-signed certificate the server made at
 * its first start in its data directory; and OpenSSL's {@code s_client} where it is installed.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TlsIT {

    private static final String DOMAIN = "tls.test";
    /** The fixed password of the self-signed store (ServerKeyStore), which the test reads for its certificate. */
    private static final char[] SELF_SIGNED_PASSWORD = "posthorn-self-signed".toCharArray();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return PosthornDeployment.ear();
    }

    @BeforeAll
    static void createAccounts() {
        AdminApi.forTestServer().createDomainWithAccounts(DOMAIN, "ivy", "jack");
    }

    @Test
    void jakartaMailSendsWithStartTlsAndReadsOverPop3sAndStls() throws Exception {
        String marker = "tls-" + System.nanoTime();
        SSLSocketFactory trusting = trustingServerCertificate();

        Session smtp = SmtpSender.session(Ports.smtp());
        smtp.getProperties().put("mail.smtp.starttls.enable", "true");
        smtp.getProperties().put("mail.smtp.starttls.required", "true");
        smtp.getProperties().put("mail.smtp.ssl.socketFactory", trusting);
        // The factory trusts exactly the server's certificate; its name (mx.posthorn.test) is not the
        // 127.0.0.1 the test connects to, so Angus Mail's host name check is off here, and only here.
        smtp.getProperties().put("mail.smtp.ssl.checkserveridentity", "false");
        SmtpSender.send(smtp, SmtpSender.fromBytes(smtp, MailSpineIT.crlf("Subject: " + marker + "\n\nsent over TLS\n")),
                "someone@elsewhere.test", "ivy@" + DOMAIN);

        String overPop3s = retrieve("pop3s", Ports.pop3s(), trusting, marker);
        assertThat(overPop3s).contains("sent over TLS");
        // The MTA wrote the trace header from the envelope: RFC 3848's ESMTPS after STARTTLS.
        assertThat(overPop3s).containsPattern("(?s)Received: .*with ESMTPS");

        String overStls = retrieve("pop3", Ports.pop3(), trusting, marker);
        assertThat(overStls).contains("sent over TLS");
    }

    @Test
    void opensslStartsTlsOnSmtpAndSpeaksPop3s() throws Exception {
        Assumptions.assumeTrue(onPath("openssl"), "openssl is not installed here; the s_client checks are skipped");

        String smtp = openssl("-starttls smtp -connect 127.0.0.1:" + Ports.smtp(), "EHLO openssl.test\nQUIT\n");
        assertThat(smtp).contains("Protocol version: TLSv1.3");
        // s_client itself echoes the last line of the EHLO reply it read before STARTTLS ("250 STARTTLS");
        // the reply to our EHLO, over TLS, must not offer STARTTLS again.
        int ehlo = smtp.indexOf("250-mx.posthorn.test Hello openssl.test");
        assertThat(ehlo).as("EHLO answered over TLS:\n" + smtp).isNotNegative();
        String overTls = smtp.substring(ehlo);
        assertThat(overTls).contains("250 SMTPUTF8").contains("221 2.0.0 Bye").doesNotContain("STARTTLS");

        String pop3s = openssl("-connect 127.0.0.1:" + Ports.pop3s(), "CAPA\nQUIT\n");
        assertThat(pop3s).contains("Protocol version: TLSv1.3").contains("+OK Posthorn POP3 server ready")
                .contains("SASL PLAIN")
                .doesNotContain("STLS");

        String tls12 = openssl("-tls1_2 -connect 127.0.0.1:" + Ports.pop3s(), "QUIT\n");
        assertThat(tls12).contains("Protocol version: TLSv1.2").containsPattern("Ciphersuite: ECDHE-ECDSA-\\S*(GCM|CHACHA20)")
                .contains("+OK Posthorn POP3 server ready");

        // Whether the server refuses it or this openssl does not even offer it, TLS 1.1 never gets a session.
        String tls11 = openssl("-tls1_1 -connect 127.0.0.1:" + Ports.pop3s(), "QUIT\n");
        assertThat(tls11).as("TLS 1.1 is refused").doesNotContain("+OK Posthorn");
    }

    /** Logs in as ivy with Jakarta Mail and returns the message carrying {@code marker}. */
    private static String retrieve(String protocol, int port, SSLSocketFactory trusting, String marker) throws Exception {
        Properties properties = new Properties();
        String prefix = "mail." + protocol + ".";
        properties.put(prefix + "host", "127.0.0.1");
        properties.put(prefix + "port", String.valueOf(port));
        properties.put(prefix + "connectiontimeout", "10000");
        properties.put(prefix + "timeout", "30000");
        properties.put(prefix + "ssl.socketFactory", trusting);
        properties.put(prefix + "ssl.checkserveridentity", "false");
        if (protocol.equals("pop3")) {
            properties.put(prefix + "starttls.enable", "true");
            properties.put(prefix + "starttls.required", "true");
        }
        Store store = Session.getInstance(properties).getStore(protocol);
        store.connect("ivy@" + DOMAIN, AdminApi.passwordOf("ivy"));
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            try {
                for (Message message : inbox.getMessages()) {
                    var out = new java.io.ByteArrayOutputStream();
                    message.writeTo(out);
                    String text = out.toString(StandardCharsets.UTF_8);
                    if (text.contains(marker)) {
                        return text;
                    }
                }
            } finally {
                inbox.close(false);
            }
        } finally {
            store.close();
        }
        throw new AssertionError("no message with " + marker + " over " + protocol);
    }

    /** A socket factory that trusts the certificate in the server's self-signed store, and nothing else. */
    private static SSLSocketFactory trustingServerCertificate() throws IOException, GeneralSecurityException {
        Path file = Path.of(System.getProperty("posthorn.test.data-dir"), "tls", "posthorn-selfsigned.p12");
        KeyStore serverStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            serverStore.load(in, SELF_SIGNED_PASSWORD);
        }
        X509Certificate certificate = (X509Certificate) serverStore.getCertificate("posthorn");
        assertThat(certificate.getSubjectAlternativeNames()).contains(java.util.List.of(2, "mx.posthorn.test"));
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("posthorn", certificate);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context.getSocketFactory();
    }

    private static boolean onPath(String program) throws IOException, InterruptedException {
        Process which = new ProcessBuilder("which", program).redirectErrorStream(true).start();
        which.getInputStream().readAllBytes();
        return which.waitFor(10, TimeUnit.SECONDS) && which.exitValue() == 0;
    }

    /** Runs {@code openssl s_client} with the given arguments, feeding it a here-doc; returns stdout and stderr. */
    private static String openssl(String arguments, String input) throws IOException, InterruptedException {
        // -ign_eof: read the server's answers until it closes (after QUIT), not until the here-doc ends.
        String script = "openssl s_client -brief -crlf -ign_eof -servername mx.posthorn.test " + arguments
                + " <<'EOF'\n" + input + "EOF\n";
        Process process = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("openssl finished").isTrue();
        return output;
    }
}
