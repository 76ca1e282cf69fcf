package org.posthorn.connector.pop3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.posthorn.connector.pop3.Pop3Fixtures.ALICE;
import static org.posthorn.connector.pop3.Pop3Fixtures.ALICE_PASSWORD;
import static org.posthorn.connector.tls.TlsTestSupport.readLine;
import static org.posthorn.connector.tls.TlsTestSupport.write;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.posthorn.connector.auth.LoginThrottle;
import org.posthorn.connector.auth.PlaintextAuthPolicy;
import org.posthorn.connector.auth.ScramServers;
import org.posthorn.connector.auth.Throttles;
import org.posthorn.connector.endpoint.FakePostOffice;
import org.posthorn.connector.pop3.command.MaildropLocks;
import org.posthorn.connector.server.TestServer;
import org.posthorn.connector.tls.TlsTestSupport;
import org.posthorn.settings.Settings;
import org.posthorn.spi.auth.AuthenticationListener;
import org.posthorn.spi.pop3.MaildropListener;

/**
 * STLS (RFC 2595 §4) and POP3S (RFC 8314) over real sockets. The server refuses passwords in the clear
 * from everyone ({@code never}), so the loopback test client is treated like a remote one.
 */
class Pop3TlsTest {

    private final FakePostOffice postOffice = new FakePostOffice()
            .with(MaildropListener.class, Pop3Fixtures.maildrops())
            .with(AuthenticationListener.class, Pop3Fixtures.authenticator());
    private final Pop3Config config = new Pop3Config("pop.example.test", Duration.ofMinutes(10), Duration.ofMillis(50), 5,
            PlaintextAuthPolicy.NEVER);
    private final MaildropLocks locks = new MaildropLocks();
    private final LoginThrottle throttle = Throttles.standard();
    private final Pop3Protocol pop3 = Pop3Protocol.plain(postOffice, config, locks, throttle, ScramServers.ephemeral(),
            Optional.of(TlsTestSupport.server()));
    private final Pop3Protocol pop3s = Pop3Protocol.implicitTls(postOffice, config, locks, throttle, ScramServers.ephemeral(),
            TlsTestSupport.server());
    private final TestServer plainServer = new TestServer(pop3);
    private final TestServer tlsServer = new TestServer(pop3s);

    @AfterEach
    void stop() {
        plainServer.close();
        tlsServer.close();
        postOffice.close();
    }

    @Test
    void theTwoListenersDescribeThemselves() {
        assertThat(pop3.name()).isEqualTo("pop3");
        assertThat(pop3.portSetting()).isSameAs(Settings.POP3_PORT);
        assertThat(pop3s.name()).isEqualTo("pop3s");
        assertThat(pop3s.portSetting()).isSameAs(Settings.POP3S_PORT);
        assertThat(pop3s.locks()).isSameAs(pop3.locks());
    }

    @Test
    void inTheClearCapaOffersStlsButNoPasswordsAndLoginIsRefused() throws IOException {
        try (Socket plain = connect(plainServer)) {
            InputStream in = plain.getInputStream();
            assertThat(readLine(in)).startsWith("+OK");
            write(plain.getOutputStream(), "CAPA\r\n");
            assertThat(listing(in)).contains("STLS", "TOP", "UIDL").doesNotContain("USER", "SASL PLAIN SCRAM-SHA-256");
            String refused = "-ERR [AUTH] Plaintext authentication disallowed on non-secure (SSL/TLS) connections.";
            write(plain.getOutputStream(), "USER " + ALICE + "\r\n");
            assertThat(readLine(in)).isEqualTo(refused);
            write(plain.getOutputStream(), "PASS " + ALICE_PASSWORD + "\r\n");
            assertThat(readLine(in)).isEqualTo(refused);
            write(plain.getOutputStream(), "AUTH PLAIN\r\n");
            assertThat(readLine(in)).isEqualTo(refused);
        }
    }

    @Test
    void afterStlsCapaHasNoStlsAndLoginWorks() throws IOException {
        try (Socket plain = connect(plainServer)) {
            InputStream in = plain.getInputStream();
            readLine(in);
            write(plain.getOutputStream(), "STLS\r\n");
            assertThat(readLine(in)).isEqualTo("+OK Begin TLS negotiation");
            try (SSLSocket tls = TlsTestSupport.startTls(plain)) {
                InputStream tin = tls.getInputStream();
                write(tls.getOutputStream(), "CAPA\r\n");
                assertThat(listing(tin)).contains("USER", "SASL PLAIN SCRAM-SHA-256").doesNotContain("STLS");
                write(tls.getOutputStream(), "STLS\r\n");
                assertThat(readLine(tin)).isEqualTo("-ERR Command not permitted when TLS active");
                write(tls.getOutputStream(), "USER " + ALICE + "\r\nPASS " + ALICE_PASSWORD + "\r\nSTLS\r\nQUIT\r\n");
                assertThat(readLine(tin)).isEqualTo("+OK send PASS");
                assertThat(readLine(tin)).startsWith("+OK maildrop has 3 messages");
                assertThat(readLine(tin)).isEqualTo("-ERR STLS not valid in this state");
                assertThat(readLine(tin)).startsWith("+OK");
            }
        }
    }

    /** THE injection test: clear text behind STLS in the same packet is never executed. */
    @Test
    void commandsInjectedBehindStlsAreDiscarded() throws IOException {
        try (Socket plain = connect(plainServer)) {
            InputStream in = plain.getInputStream();
            readLine(in);
            write(plain.getOutputStream(), "STLS\r\nCAPA\r\n"); // one write, one packet (TCP_NODELAY)
            assertThat(readLine(in)).isEqualTo("+OK Begin TLS negotiation");
            try (SSLSocket tls = TlsTestSupport.startTls(plain)) {
                InputStream tin = tls.getInputStream();
                // Had CAPA run, its listing would come before the answer to NOOP.
                write(tls.getOutputStream(), "NOOP\r\n");
                assertThat(readLine(tin)).isEqualTo("+OK");
            }
        }
    }

    @Test
    void userGivenBeforeStlsIsForgotten() throws IOException {
        Pop3Protocol lenient = Pop3Protocol.plain(postOffice, new Pop3Config("pop.example.test", Duration.ofMinutes(10),
                Duration.ofMillis(50), 5, PlaintextAuthPolicy.ALWAYS), new MaildropLocks(), Throttles.standard(),
                ScramServers.ephemeral(), Optional.of(TlsTestSupport.server()));
        try (TestServer server = new TestServer(lenient); Socket plain = connect(server)) {
            InputStream in = plain.getInputStream();
            readLine(in);
            write(plain.getOutputStream(), "USER " + ALICE + "\r\nSTLS\r\n");
            assertThat(readLine(in)).isEqualTo("+OK send PASS");
            assertThat(readLine(in)).isEqualTo("+OK Begin TLS negotiation");
            try (SSLSocket tls = TlsTestSupport.startTls(plain)) {
                write(tls.getOutputStream(), "PASS " + ALICE_PASSWORD + "\r\n");
                assertThat(readLine(tls.getInputStream())).isEqualTo("-ERR USER first");
            }
        }
    }

    @Test
    void pop3sIsTlsFromTheFirstByte() throws IOException {
        try (SSLSocket tls = TlsTestSupport.connectTls(tlsServer.port())) {
            InputStream in = tls.getInputStream();
            assertThat(readLine(in)).isEqualTo("+OK Posthorn POP3 server ready");
            write(tls.getOutputStream(), "CAPA\r\n");
            assertThat(listing(in)).contains("USER", "SASL PLAIN SCRAM-SHA-256").doesNotContain("STLS");
            write(tls.getOutputStream(), "USER " + ALICE + "\r\nPASS " + ALICE_PASSWORD + "\r\nSTAT\r\nQUIT\r\n");
            assertThat(readLine(in)).isEqualTo("+OK send PASS");
            assertThat(readLine(in)).startsWith("+OK maildrop has 3 messages");
            assertThat(readLine(in)).startsWith("+OK 3 ");
            assertThat(readLine(in)).startsWith("+OK");
        }
    }

    @Test
    void clearTextOnPop3sGetsNoGreeting() throws IOException {
        try (Socket plain = connect(tlsServer)) {
            write(plain.getOutputStream(), "CAPA\r\n");
            byte[] answer = plain.getInputStream().readAllBytes();
            assertThat(new String(answer, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("+OK");
        }
    }

    private static Socket connect(TestServer server) throws IOException {
        Socket socket = new Socket("127.0.0.1", server.port());
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(5000);
        return socket;
    }

    private static List<String> listing(InputStream in) throws IOException {
        assertThat(readLine(in)).startsWith("+OK");
        List<String> lines = new ArrayList<>();
        for (String line = readLine(in); !line.equals("."); line = readLine(in)) {
            lines.add(line);
        }
        return lines;
    }
}
