package org.posthorn.connector.pop3;

import org.posthorn.connector.auth.PlaintextAuthPolicy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.posthorn.connector.pop3.Pop3Fixtures.ALICE;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.posthorn.connector.auth.ScramTestVector;
import org.posthorn.connector.auth.Throttles;
import org.posthorn.connector.conversation.ConversationScript;
import org.posthorn.connector.endpoint.FakePostOffice;
import org.posthorn.connector.pop3.command.MaildropLocks;
import org.posthorn.connector.server.TestServer;
import org.posthorn.spi.auth.AuthenticationListener;
import org.posthorn.spi.pop3.MaildropListener;

/**
 * Runs every script in {@code conversations/pop3/} against an in-process POP3 server with the
 * fixtures' fakes: a fresh server and maildrop for each script, failed logins delayed 50 ms, idle
 * connections closed after one second, SCRAM with RFC 7677's server nonce. {@code in-use.txt} runs while another connection holds alice's
 * maildrop.
 */
class Pop3ConversationScriptsTest {

    private static final String IN_USE = "in-use.txt";

    private final InMemoryMaildrops maildrops = Pop3Fixtures.maildrops();
    private final FakePostOffice postOffice = new FakePostOffice()
            .with(MaildropListener.class, maildrops)
            .with(AuthenticationListener.class, Pop3Fixtures.authenticator());
    private final Pop3Config config = new Pop3Config("pop.example.test", Duration.ofSeconds(1), Duration.ofMillis(50), 5,
            PlaintextAuthPolicy.LOOPBACK);
    private final Pop3Protocol protocol = Pop3Protocol.plain(postOffice, config, new MaildropLocks(), Throttles.standard(),
            ScramTestVector.servers(), Optional.empty());
    private final TestServer server = new TestServer(protocol);

    @AfterEach
    void stop() {
        server.close();
        postOffice.close();
    }

    static Stream<ConversationScript> scripts() throws IOException, URISyntaxException {
        Path dir = Path.of(Pop3ConversationScriptsTest.class.getResource("/conversations/pop3").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> sorted = files.filter(f -> f.toString().endsWith(".txt")).sorted().toList();
            return sorted.stream().map(ConversationScript::load);
        }
    }

    static Stream<ConversationScript> standaloneScripts() throws IOException, URISyntaxException {
        return scripts().filter(script -> !script.name().equals(IN_USE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("standaloneScripts")
    void script(ConversationScript script) {
        script.run("127.0.0.1", server.port());
    }

    @Test
    void inUse() throws Exception {
        try (Socket holder = new Socket("127.0.0.1", server.port())) {
            holder.setSoTimeout(5000);
            BufferedReader in = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = holder.getOutputStream();
            assertThat(in.readLine()).startsWith("+OK");
            out.write("USER alice@example.test\r\nPASS alice-password\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(in.readLine()).isEqualTo("+OK send PASS");
            assertThat(in.readLine()).startsWith("+OK maildrop has 3 messages");

            scripts().filter(script -> script.name().equals(IN_USE)).findFirst().orElseThrow()
                    .run("127.0.0.1", server.port());

            out.write("DELE 1\r\nQUIT\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(in.readLine()).isEqualTo("+OK message 1 deleted");
            assertThat(in.readLine()).startsWith("+OK pop.example.test POP3 server signing off");
        }
        assertThat(maildrops.messages(ALICE)).hasSize(2);
    }

    @Test
    void deletionsHappenOnlyOnQuit() throws InterruptedException {
        ConversationScript.parse("dele-then-drop", """
                S: \\+OK Posthorn POP3 server ready
                C: USER alice@example.test
                S: \\+OK send PASS
                C: PASS alice-password
                S: \\+OK .*
                C: DELE 1
                S: \\+OK message 1 deleted
                C: DELE 2
                S: \\+OK message 2 deleted
                """).run("127.0.0.1", server.port());
        assertThat(maildrops.deleteCalls()).isEmpty();
        awaitUnlocked(ALICE);

        ConversationScript.load(scriptPath("transaction.txt")).run("127.0.0.1", server.port());
        assertThat(maildrops.deleteCalls()).hasSize(1);
        assertThat(maildrops.messages(ALICE)).extracting(InMemoryMaildrops.Stored::uniqueId).containsExactly("uid-2", "uid-3");
    }

    /** The server learns of a dropped connection a moment after the client has dropped it. */
    private void awaitUnlocked(String account) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
        while (protocol.locks().isLocked(account) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(protocol.locks().isLocked(account)).as("lock released after the connection dropped").isFalse();
    }

    @Test
    void everyRequiredScriptExists() throws Exception {
        assertThat(scripts().map(ConversationScript::name)).contains(
                "login-user-pass.txt", "login-auth-plain-initial.txt", "login-auth-plain-continuation.txt",
                "login-bad-password.txt", "transaction.txt", "retr-dot-stuffed.txt", IN_USE, "wrong-state.txt",
                "pipelining.txt", "reply-injection.txt", "limit-command-line.txt", "limit-errors.txt", "idle-timeout.txt");
    }

    private static Path scriptPath(String name) {
        try {
            return Path.of(Pop3ConversationScriptsTest.class.getResource("/conversations/pop3/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
