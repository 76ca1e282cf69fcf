package org.posthorn.connector.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.posthorn.connector.tls.TlsTestSupport.readLine;
import static org.posthorn.connector.tls.TlsTestSupport.write;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.posthorn.connector.auth.LoginThrottle;
import org.posthorn.connector.auth.PlaintextAuthPolicy;
import org.posthorn.connector.auth.ScramTestVector;
import org.posthorn.connector.auth.ThrottleLimits;
import org.posthorn.connector.endpoint.FakePostOffice;
import org.posthorn.connector.pop3.InMemoryAuthenticator;
import org.posthorn.connector.pop3.Pop3Fixtures;
import org.posthorn.connector.server.TestServer;
import org.posthorn.connector.smtp.command.SmtpLogin;
import org.posthorn.connector.tls.TlsTestSupport;
import org.posthorn.settings.Settings;
import org.posthorn.spi.MailAddress;
import org.posthorn.spi.auth.AuthenticationListener;
import org.posthorn.spi.smtp.SmtpEnvelope;
import org.posthorn.spi.smtp.SmtpTransactionListener;

/**
 * The submission services over real sockets: {@code submission} with STARTTLS and {@code smtps} with
 * implicit TLS, both refusing passwords in the clear ({@code never}), so the loopback test client is
 * treated like a remote one; the authenticated account reaching the MTA; the shared login throttle.
 */
class SubmissionTest {

    private static final String PLAIN_ALICE = "AGFsaWNlQGV4YW1wbGUudGVzdABhbGljZS1wYXNzd29yZA==";
    private static final String PLAIN_WRONG = "AGFsaWNlQGV4YW1wbGUudGVzdAB3cm9uZw==";
    private static final SmtpConfig NEVER_IN_CLEAR = new SmtpConfig("submission", SmtpTestSupport.HOSTNAME, 1024, 3, 10,
            Duration.ofSeconds(5), false, true, PlaintextAuthPolicy.NEVER);

    private final FakeMta mta = new FakeMta(SmtpTestSupport.HOSTNAME);
    private final InMemoryAuthenticator passwords = Pop3Fixtures.authenticator();
    private final FakePostOffice postOffice = new FakePostOffice()
            .with(SmtpTransactionListener.class, mta)
            .with(AuthenticationListener.class, passwords);
    /** Two failures from an address or for a name throttle it. */
    private final LoginThrottle throttle = new LoginThrottle(
            new ThrottleLimits(2, Duration.ofMinutes(10), Duration.ofMillis(100), 100), Clock.systemUTC());
    private final SmtpLogin login = new SmtpLogin(postOffice, throttle, Duration.ofMillis(10), ScramTestVector.servers());
    private final SmtpProtocol submission = SmtpProtocol.submission(postOffice, NEVER_IN_CLEAR, login,
            Optional.of(TlsTestSupport.server()));
    private final SmtpProtocol smtps = SmtpProtocol.smtps(postOffice,
            new SmtpConfig("smtps", SmtpTestSupport.HOSTNAME, 1024, 3, 10, Duration.ofSeconds(5), false, true,
                    PlaintextAuthPolicy.NEVER),
            login, TlsTestSupport.server());
    private final TestServer submissionServer = new TestServer(submission);
    private final TestServer smtpsServer = new TestServer(smtps);

    @AfterEach
    void stop() {
        submissionServer.close();
        smtpsServer.close();
        postOffice.close();
    }

    @Test
    void theListenersDescribeThemselves() {
        assertThat(submission.name()).isEqualTo("submission");
        assertThat(submission.portSetting()).isSameAs(Settings.SUBMISSION_PORT);
        assertThat(smtps.name()).isEqualTo("smtps");
        assertThat(smtps.portSetting()).isSameAs(Settings.SMTPS_PORT);
        assertThat(submission.requiredListeners()).containsExactlyInAnyOrder(SmtpTransactionListener.class,
                AuthenticationListener.class);
        assertThat(new SmtpProtocol(postOffice, SmtpTestSupport.SMALL_LIMITS).requiredListeners())
                .containsExactly(SmtpTransactionListener.class);
    }

    @Test
    void inTheClearAuthIsNeitherOfferedNorTakenAfterStartTlsBoth() throws IOException {
        try (Socket plain = connect(submissionServer)) {
            InputStream in = plain.getInputStream();
            assertThat(readLine(in)).startsWith("220 ");
            write(plain.getOutputStream(), "EHLO client.example.org\r\n");
            assertThat(SmtpTestSupport.ehloKeywords(in)).contains("STARTTLS").noneMatch(keyword -> keyword.startsWith("AUTH"));
            write(plain.getOutputStream(), "AUTH PLAIN " + PLAIN_ALICE + "\r\n");
            assertThat(readLine(in)).isEqualTo("538 5.7.11 Encryption required for requested authentication mechanism");
            write(plain.getOutputStream(), "MAIL FROM:<alice@example.test>\r\n");
            assertThat(readLine(in)).isEqualTo("530 5.7.0 Authentication required");
            write(plain.getOutputStream(), "STARTTLS\r\n");
            assertThat(readLine(in)).isEqualTo("220 2.0.0 Ready to start TLS");

            try (SSLSocket tls = TlsTestSupport.startTls(plain)) {
                submit(tls, true);
            }
        }
        assertThat(passwords.attempts()).hasSize(1);
        SmtpEnvelope envelope = mta.deliveries().get(0).envelope();
        assertThat(envelope.client().authenticatedUser()).contains("alice@example.test");
        assertThat(envelope.client().secure()).isTrue();
        assertThat(envelope.client().service()).isEqualTo("submission");
        assertThat(envelope.protocol()).isEqualTo("ESMTPSA");
        assertThat(envelope.recipients()).containsExactly(new MailAddress("someone", "elsewhere.example"));
    }

    @Test
    void smtpsIsTlsFromTheFirstOctet() throws IOException {
        try (SSLSocket tls = TlsTestSupport.connectTls(smtpsServer.port())) {
            assertThat(readLine(tls.getInputStream())).startsWith("220 ");
            submit(tls, false);
        }
        SmtpEnvelope envelope = mta.deliveries().get(0).envelope();
        assertThat(envelope.client().service()).isEqualTo("smtps");
        assertThat(envelope.client().authenticatedUser()).contains("alice@example.test");
        assertThat(envelope.protocol()).isEqualTo("ESMTPSA");
    }

    @Test
    void afterTooManyFailuresEvenTheRightPasswordIsRefusedWithoutAskingThePasswordStore() throws IOException {
        try (SSLSocket tls = TlsTestSupport.connectTls(smtpsServer.port())) {
            InputStream in = tls.getInputStream();
            readLine(in);
            write(tls.getOutputStream(), "EHLO client.example.org\r\n");
            SmtpTestSupport.ehloKeywords(in);
            for (int i = 0; i < 2; i++) {
                write(tls.getOutputStream(), "AUTH PLAIN " + PLAIN_WRONG + "\r\n");
                assertThat(readLine(in)).isEqualTo("535 5.7.8 Authentication credentials invalid");
            }
            write(tls.getOutputStream(), "AUTH PLAIN " + PLAIN_ALICE + "\r\n");
            assertThat(readLine(in)).isEqualTo("535 5.7.8 Authentication credentials invalid");
            write(tls.getOutputStream(), "MAIL FROM:<alice@example.test>\r\n");
            assertThat(readLine(in)).isEqualTo("530 5.7.0 Authentication required");
        }
        assertThat(passwords.attempts()).hasSize(2);
        assertThat(throttle.refuses(InetAddress.getLoopbackAddress(), "alice@example.test")).isTrue();
    }

    /** EHLO, AUTH, one message to a remote domain, QUIT, on a connection that is already TLS. */
    private static void submit(SSLSocket tls, boolean afterStartTls) throws IOException {
        InputStream in = tls.getInputStream();
        write(tls.getOutputStream(), "EHLO client.example.org\r\n");
        assertThat(SmtpTestSupport.ehloKeywords(in)).contains("AUTH PLAIN LOGIN SCRAM-SHA-256").doesNotContain("STARTTLS");
        write(tls.getOutputStream(), "AUTH PLAIN " + PLAIN_ALICE + "\r\n");
        assertThat(readLine(in)).isEqualTo("235 2.7.0 Authentication successful");
        write(tls.getOutputStream(), "MAIL FROM:<alice@example.test>\r\nRCPT TO:<someone@elsewhere.example>\r\nDATA\r\n");
        assertThat(readLine(in)).isEqualTo("250 2.1.0 Ok");
        assertThat(readLine(in)).isEqualTo("250 2.1.5 Ok");
        assertThat(readLine(in)).startsWith("354 ");
        write(tls.getOutputStream(), "Subject: submitted" + (afterStartTls ? " after STARTTLS" : "") + "\r\n\r\nhi\r\n.\r\nQUIT\r\n");
        assertThat(readLine(in)).startsWith("250 2.0.0 Ok: queued as");
        assertThat(readLine(in)).isEqualTo("221 2.0.0 Bye");
    }

    private static Socket connect(TestServer server) throws IOException {
        Socket socket = new Socket("127.0.0.1", server.port());
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(5000);
        return socket;
    }
}
