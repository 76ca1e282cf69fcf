package org.posthorn.connector.pop3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.posthorn.connector.pop3.Pop3Fixtures.ALICE;
import static org.posthorn.connector.pop3.Pop3Fixtures.ALICE_PASSWORD;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.posthorn.connector.auth.LoginThrottle;
import org.posthorn.connector.auth.ScramServers;
import org.posthorn.connector.auth.ThrottleLimits;
import org.posthorn.connector.endpoint.FakePostOffice;
import org.posthorn.connector.pop3.command.MaildropLocks;
import org.posthorn.connector.server.TestServer;
import org.posthorn.spi.auth.AuthenticationListener;
import org.posthorn.spi.pop3.MaildropListener;

/**
 * Brute force over real sockets: after three failed logins from 127.0.0.1 even alice's right password
 * is refused from there, on a new connection too, while 127.0.0.2 (Linux routes all of 127/8 to
 * loopback) logs in as alice at once.
 */
class Pop3LoginThrottleTest {

    private static final String FAILED = "-ERR [AUTH] Authentication failed";

    private final InMemoryAuthenticator authenticator = Pop3Fixtures.authenticator();
    private final FakePostOffice postOffice = new FakePostOffice()
            .with(MaildropListener.class, Pop3Fixtures.maildrops())
            .with(AuthenticationListener.class, authenticator);
    private final LoginThrottle throttle = new LoginThrottle(
            new ThrottleLimits(3, Duration.ofMinutes(10), Duration.ofMillis(200), 1000), Clock.systemUTC());
    private final TestServer server = new TestServer(
            Pop3Protocol.plain(postOffice, Pop3Fixtures.fastConfig(), new MaildropLocks(), throttle,
                    ScramServers.ephemeral(), Optional.empty()));

    @AfterEach
    void stop() {
        server.close();
        postOffice.close();
    }

    @Test
    void bruteForceIsThrottledPerAddress() throws IOException {
        try (Client attacker = new Client("127.0.0.1")) {
            for (String name : new String[] {"a@example.test", "b@example.test", "c@example.test"}) {
                assertThat(attacker.ask("USER " + name)).isEqualTo("+OK send PASS");
                assertThat(attacker.ask("PASS guess")).isEqualTo(FAILED);
            }
        }
        int asked = authenticator.attempts().size();
        try (Client attacker = new Client("127.0.0.1")) {
            attacker.ask("USER " + ALICE);
            assertThat(attacker.ask("PASS " + ALICE_PASSWORD)).isEqualTo(FAILED);
        }
        assertThat(authenticator.attempts()).hasSize(asked);

        try (Client neighbour = new Client("127.0.0.2")) {
            neighbour.ask("USER " + ALICE);
            assertThat(neighbour.ask("PASS " + ALICE_PASSWORD)).startsWith("+OK maildrop has 3 messages");
            assertThat(neighbour.ask("QUIT")).startsWith("+OK");
        }
    }

    /** One POP3 connection from a given local address, answered line by line. */
    private final class Client implements AutoCloseable {

        private final Socket socket = new Socket();
        private final BufferedReader in;
        private final Writer out;

        Client(String localAddress) throws IOException {
            socket.bind(new InetSocketAddress(InetAddress.getByName(localAddress), 0));
            socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 5_000);
            socket.setSoTimeout(5_000);
            in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.US_ASCII);
            assertThat(in.readLine()).startsWith("+OK Posthorn");
        }

        String ask(String line) throws IOException {
            out.write(line + "\r\n");
            out.flush();
            return in.readLine();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
