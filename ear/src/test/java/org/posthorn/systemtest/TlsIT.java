package org.posthorn.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.posthorn.systemtest.support.AdminApi;
import org.posthorn.systemtest.support.Ports;
import org.posthorn.systemtest.support.PosthornDeployment;
import org.posthorn.systemtest.support.ServerCertificate;
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
        assertThat(ServerCertificate.certificate().getSubjectAlternativeNames())
                .contains(java.util.List.of(2, "mx.posthorn.test"));
        SSLSocketFactory trusting = ServerCertificate.trustingServerCertificate();

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
        assertThat(onPath("openssl")).as("openssl must be installed (.ci/run installs it)").isTrue();

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

    @Test
    void opensslStartsTlsOnImapAndSpeaksImaps() throws Exception {
        assertThat(onPath("openssl")).as("openssl must be installed (.ci/run installs it)").isTrue();

        String imap = openssl("-starttls imap -connect 127.0.0.1:" + Ports.imap(), "a CAPABILITY\nb LOGOUT\n");
        assertThat(imap).contains("Protocol version: TLSv1.3");
        // Over TLS the capabilities offer AUTH=PLAIN and no second STARTTLS (RFC 3501 §6.2.1).
        int capability = imap.indexOf("* CAPABILITY IMAP4rev1");
        assertThat(capability).as("CAPABILITY answered over TLS:\n" + imap).isNotNegative();
        assertThat(imap.substring(capability)).contains("AUTH=PLAIN").contains("a OK").contains("* BYE")
                .doesNotContain("STARTTLS");

        String imaps = openssl("-connect 127.0.0.1:" + Ports.imaps(), "a LOGIN ivy@" + DOMAIN + " " + AdminApi.passwordOf("ivy")
                + "\nb SELECT INBOX\nc LOGOUT\n");
        assertThat(imaps).contains("Protocol version: TLSv1.3").contains("* OK [CAPABILITY IMAP4rev1")
                .contains("a OK [CAPABILITY").contains("b OK [READ-WRITE]").contains("c OK");
    }

    @Test
    void jakartaMailSubmitsOverSmtpsAndStartTlsAndReadsOverImaps() throws Exception {
        SSLSocketFactory trusting = ServerCertificate.trustingServerCertificate();
        String overSmtps = "smtps-" + System.nanoTime();
        submit("smtps", Ports.smtps(), trusting, overSmtps);
        String overSubmission = "submission-" + System.nanoTime();
        submit("smtp", Ports.submission(), trusting, overSubmission);

        assertThat(retrieve("imaps", Ports.imaps(), trusting, overSmtps)).contains("submitted over TLS")
                .containsPattern("(?s)Received: .*with ESMTPSA");
        assertThat(retrieve("imaps", Ports.imaps(), trusting, overSubmission)).contains("submitted over TLS");
    }

    @Test
    void opensslLogsInOnSubmissionSmtpsAndPop3Stls() throws Exception {
        assertThat(onPath("openssl")).as("openssl must be installed (.ci/run installs it)").isTrue();
        String plain = java.util.Base64.getEncoder().encodeToString(("\0ivy@" + DOMAIN + "\0" + AdminApi.passwordOf("ivy"))
                .getBytes(StandardCharsets.UTF_8));

        String submission = openssl("-starttls smtp -connect 127.0.0.1:" + Ports.submission(),
                "EHLO openssl.test\nAUTH PLAIN " + plain + "\nQUIT\n");
        assertThat(submission).contains("Protocol version: TLSv1.3").containsPattern("250[- ]AUTH PLAIN")
                .contains("235 2.7.0").contains("221 2.0.0");

        String smtps = openssl("-connect 127.0.0.1:" + Ports.smtps(), "EHLO openssl.test\nAUTH PLAIN " + plain + "\nQUIT\n");
        assertThat(smtps).contains("Protocol version: TLSv1.3").containsPattern("220 mx.posthorn.test .*ESMTP")
                .containsPattern("250[- ]AUTH PLAIN").contains("235 2.7.0").doesNotContain("STARTTLS");

        String stls = openssl("-starttls pop3 -connect 127.0.0.1:" + Ports.pop3(),
                "USER ivy@" + DOMAIN + "\nPASS " + AdminApi.passwordOf("ivy") + "\nSTAT\nQUIT\n");
        assertThat(stls).contains("Protocol version: TLSv1.3").containsPattern("\\+OK \\d+ \\d+")
                .doesNotContain("-ERR");
    }

    /**
     * The STARTTLS command injection (CVE-2011-0411 and kin): a command sent in clear text in the same
     * packet as STARTTLS must never be executed, not even after the handshake.
     */
    @Test
    void imapCommandsInjectedBehindStartTlsAreDiscarded() throws Exception {
        try (Socket plain = new Socket("127.0.0.1", Ports.imap())) {
            plain.setTcpNoDelay(true);
            var in = new java.io.BufferedReader(new java.io.InputStreamReader(plain.getInputStream(), StandardCharsets.US_ASCII));
            assertThat(in.readLine()).startsWith("* OK");
            plain.getOutputStream().write("a STARTTLS\r\nb LOGIN ivy@tls.test wrong-password\r\n".getBytes(StandardCharsets.US_ASCII));
            plain.getOutputStream().flush();
            assertThat(in.readLine()).startsWith("a OK");

            SSLSocket tls = (SSLSocket) ServerCertificate.trustingServerCertificate()
                    .createSocket(plain, "127.0.0.1", Ports.imap(), true);
            tls.startHandshake();
            var secure = new java.io.BufferedReader(new java.io.InputStreamReader(tls.getInputStream(), StandardCharsets.US_ASCII));
            tls.getOutputStream().write("c NOOP\r\n".getBytes(StandardCharsets.US_ASCII));
            tls.getOutputStream().flush();
            assertThat(secure.readLine()).as("the first answer over TLS is to c, nothing of b").startsWith("c OK");
        }
    }

    /** Logs in as ivy with Jakarta Mail and returns the message carrying {@code marker}. */
    private static String retrieve(String protocol, int port, SSLSocketFactory trusting, String marker) throws Exception {
        Properties properties = tlsProperties(protocol, port, trusting, protocol.equals("pop3"));
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

    /** Sends a message from ivy to ivy with AUTH over {@code protocol} (smtps, or smtp with STARTTLS required). */
    private static void submit(String protocol, int port, SSLSocketFactory trusting, String marker) throws Exception {
        Properties properties = tlsProperties(protocol, port, trusting, protocol.equals("smtp"));
        properties.put("mail." + protocol + ".auth", "true");
        Session session = Session.getInstance(properties);
        var message = new jakarta.mail.internet.MimeMessage(session);
        message.setFrom("ivy@" + DOMAIN);
        message.setRecipients(Message.RecipientType.TO, "ivy@" + DOMAIN);
        message.setSubject(marker);
        message.setText("submitted over TLS");
        try (var transport = session.getTransport(protocol)) {
            transport.connect("ivy@" + DOMAIN, AdminApi.passwordOf("ivy"));
            transport.sendMessage(message, message.getAllRecipients());
        }
    }

    /**
     * Jakarta Mail settings for {@code protocol} on {@code port}, trusting exactly the server's certificate
     * (whose name, mx.posthorn.test, is not the 127.0.0.1 connected to); with STARTTLS required if asked.
     */
    private static Properties tlsProperties(String protocol, int port, SSLSocketFactory trusting, boolean startTls) {
        Properties properties = new Properties();
        String prefix = "mail." + protocol + ".";
        properties.put(prefix + "host", "127.0.0.1");
        properties.put(prefix + "port", String.valueOf(port));
        properties.put(prefix + "connectiontimeout", "10000");
        properties.put(prefix + "timeout", "30000");
        properties.put(prefix + "ssl.socketFactory", trusting);
        properties.put(prefix + "ssl.checkserveridentity", "false");
        if (startTls) {
            properties.put(prefix + "starttls.enable", "true");
            properties.put(prefix + "starttls.required", "true");
        }
        return properties;
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
