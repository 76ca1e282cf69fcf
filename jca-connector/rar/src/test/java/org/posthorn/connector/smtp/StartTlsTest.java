package org.posthorn.connector.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.posthorn.connector.tls.TlsTestSupport.readLine;
import static org.posthorn.connector.tls.TlsTestSupport.write;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Path;
import java.util.Optional;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.posthorn.connector.endpoint.FakePostOffice;
import org.posthorn.connector.server.TestServer;
import org.posthorn.connector.smtp.decode.MessageSpool;
import org.posthorn.connector.tls.TlsTestSupport;
import org.posthorn.spi.smtp.SmtpEnvelope;
import org.posthorn.spi.smtp.SmtpTransactionListener;

/** STARTTLS (RFC 3207) over real sockets, with a JSSE client that trusts the server's certificate. */
class StartTlsTest {

    private final FakeMta mta = new FakeMta(SmtpTestSupport.HOSTNAME);
    private final FakePostOffice postOffice = new FakePostOffice().with(SmtpTransactionListener.class, mta);
    private final TestServer server = new TestServer(new SmtpProtocol(postOffice, SmtpTestSupport.SMALL_LIMITS,
            () -> new MessageSpool(64 * 1024, Path.of(System.getProperty("java.io.tmpdir"))),
            Optional.of(TlsTestSupport.server())));

    @AfterEach
    void stop() {
        server.close();
        postOffice.close();
    }

    @Test
    void advertisesStartTlsOnlyBeforeTlsAndDeliversOverTlsAsEsmtps() throws IOException {
        try (Socket plain = connect()) {
            InputStream in = plain.getInputStream();
            assertThat(readLine(in)).startsWith("220 ");
            write(plain.getOutputStream(), "EHLO client.example.org\r\n");
            // The MX service takes no logins, not even from loopback where the policy would allow them.
            assertThat(SmtpTestSupport.ehloKeywords(in)).contains("STARTTLS").noneMatch(keyword -> keyword.startsWith("AUTH"));
            write(plain.getOutputStream(), "STARTTLS\r\n");
            assertThat(readLine(in)).isEqualTo("220 2.0.0 Ready to start TLS");

            try (SSLSocket tls = TlsTestSupport.startTls(plain)) {
                InputStream tin = tls.getInputStream();
                write(tls.getOutputStream(), "EHLO client.example.org\r\n");
                assertThat(SmtpTestSupport.ehloKeywords(tin)).doesNotContain("STARTTLS").contains("PIPELINING");
                write(tls.getOutputStream(), "STARTTLS\r\n");
                assertThat(readLine(tin)).isEqualTo("503 5.5.1 Error: TLS already active");
                write(tls.getOutputStream(), "MAIL FROM:<bob@example.org>\r\nRCPT TO:<alice@example.test>\r\nDATA\r\n");
                assertThat(readLine(tin)).startsWith("250 2.1.0");
                assertThat(readLine(tin)).startsWith("250 2.1.5");
                assertThat(readLine(tin)).startsWith("354 ");
                write(tls.getOutputStream(), "Subject: secret\r\n\r\nhi\r\n.\r\nQUIT\r\n");
                assertThat(readLine(tin)).startsWith("250 2.0.0 Ok: queued as");
                assertThat(readLine(tin)).startsWith("221 ");
            }
        }
        SmtpEnvelope envelope = mta.deliveries().get(0).envelope();
        assertThat(envelope.protocol()).isEqualTo("ESMTPS");
        assertThat(envelope.client().secure()).isTrue();
    }

    /** THE injection test (CVE-2011-0411): clear text behind STARTTLS in the same packet is never executed. */
    @Test
    void commandsInjectedBehindStartTlsAreDiscardedAndEhloIsNeededAgain() throws IOException {
        try (Socket plain = connect()) {
            InputStream in = plain.getInputStream();
            readLine(in);
            write(plain.getOutputStream(), "EHLO client.example.org\r\n");
            SmtpTestSupport.ehloKeywords(in);
            write(plain.getOutputStream(), "STARTTLS\r\nRSET\r\n"); // one write, one packet (TCP_NODELAY)
            assertThat(readLine(in)).isEqualTo("220 2.0.0 Ready to start TLS");

            try (SSLSocket tls = TlsTestSupport.startTls(plain)) {
                InputStream tin = tls.getInputStream();
                // Had RSET run, its "250 2.0.0 Ok" would come first; the session forgot the EHLO (§4.2).
                write(tls.getOutputStream(), "MAIL FROM:<bob@example.org>\r\n");
                assertThat(readLine(tin)).isEqualTo("503 5.5.1 Error: send HELO/EHLO first");
                write(tls.getOutputStream(), "NOOP\r\n");
                assertThat(readLine(tin)).isEqualTo("250 2.0.0 Ok");
            }
        }
        assertThat(mta.deliveries()).isEmpty();
    }

    @Test
    void startTlsTakesNoParameterAndNotInsideATransaction() throws IOException {
        try (Socket plain = connect()) {
            InputStream in = plain.getInputStream();
            readLine(in);
            write(plain.getOutputStream(), "STARTTLS now\r\n");
            assertThat(readLine(in)).isEqualTo("501 5.5.4 Syntax error: no argument allowed");
            write(plain.getOutputStream(), "EHLO client.example.org\r\n");
            SmtpTestSupport.ehloKeywords(in);
            write(plain.getOutputStream(), "MAIL FROM:<bob@example.org>\r\nSTARTTLS\r\nNOOP\r\n");
            assertThat(readLine(in)).startsWith("250 2.1.0");
            assertThat(readLine(in)).isEqualTo("503 5.5.1 Error: MAIL transaction in progress");
            // A refused STARTTLS does not change the framing: what followed it is read as commands.
            assertThat(readLine(in)).isEqualTo("250 2.0.0 Ok");
        }
    }

    @Test
    void clearTextInsteadOfAHandshakeClosesTheConnection() throws IOException {
        try (Socket plain = connect()) {
            InputStream in = plain.getInputStream();
            readLine(in);
            write(plain.getOutputStream(), "STARTTLS\r\n");
            assertThat(readLine(in)).startsWith("220 2.0.0");
            write(plain.getOutputStream(), "RSET\r\n");
            assertThat(in.readAllBytes()).as("no reply, just the end of the connection").isEmpty();
        }
    }

    @Test
    void withoutTlsCredentialsStartTlsIsNotOffered() throws IOException {
        try (TestServer noTls = new TestServer(new SmtpProtocol(postOffice, SmtpTestSupport.SMALL_LIMITS));
             Socket plain = new Socket("127.0.0.1", noTls.port())) {
            plain.setSoTimeout(5000);
            InputStream in = plain.getInputStream();
            readLine(in);
            write(plain.getOutputStream(), "EHLO client.example.org\r\n");
            assertThat(SmtpTestSupport.ehloKeywords(in)).doesNotContain("STARTTLS");
            write(plain.getOutputStream(), "STARTTLS\r\n");
            assertThat(readLine(in)).isEqualTo("502 5.5.1 Error: command not implemented");
        }
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket("127.0.0.1", server.port());
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(5000);
        return socket;
    }
}
