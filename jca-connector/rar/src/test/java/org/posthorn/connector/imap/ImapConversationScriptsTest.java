package org.posthorn.connector.imap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.posthorn.connector.conversation.ConversationScript;

/**
 * Runs every script in {@code conversations/imap/} against an in-process IMAP server with a fresh
 * {@link ImapFixtures} each, and checks in code what a script cannot: news pushed during IDLE when
 * the post office announces a delivery, and what one session learns of another's changes.
 */
@Timeout(30)
class ImapConversationScriptsTest {

    private final ImapFixtures fixtures = new ImapFixtures();

    @AfterEach
    void stop() {
        fixtures.close();
    }

    static Stream<ConversationScript> scripts() throws IOException, URISyntaxException {
        Path dir = Path.of(ImapConversationScriptsTest.class.getResource("/conversations/imap").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".txt")).sorted().toList().stream().map(ConversationScript::load);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scripts")
    void script(ConversationScript script) {
        script.run("127.0.0.1", fixtures.port());
    }

    /** RFC 2177: a delivery announced during IDLE goes out at once as EXISTS, before DONE. */
    @Test
    void idleReportsADeliveryAtOnce() throws IOException {
        try (Client client = Client.selected(fixtures.port())) {
            client.send("i1 IDLE");
            assertThat(client.line()).startsWith("+ ");

            fixtures.deliver("From: eve@example.org\r\nSubject: new\r\n\r\nNew.\r\n");

            assertThat(client.line()).isEqualTo("* 4 EXISTS");
            assertThat(client.line()).isEqualTo("* 4 RECENT");
            client.send("DONE");
            assertThat(client.line()).startsWith("i1 OK");
        }
    }

    /**
     * RFC 3501 §7.4.1: another session's EXPUNGE is not reported during FETCH, STORE or SEARCH (the
     * client may rely on the numbers), but with the next NOOP, and during UID FETCH; the numbers of
     * the commands in between are those the client knows.
     */
    @Test
    void anotherSessionsExpungeWaitsForACommandThatAllowsIt() throws IOException {
        try (Client watcher = Client.selected(fixtures.port()); Client other = Client.selected(fixtures.port())) {
            other.command("o1 STORE 2 +FLAGS.SILENT (\\Deleted)");
            other.command("o2 EXPUNGE");

            assertThat(watcher.command("w1 FETCH 3 (UID)")).containsExactly("* 3 FETCH (UID 3)", "w1 OK Fetch completed");
            assertThat(watcher.command("w2 SEARCH ALL")).noneMatch(l -> l.endsWith("EXPUNGE"))
                    .contains("* SEARCH 1 3");
            assertThat(watcher.command("w3 STORE 3 +FLAGS (\\Flagged)")).noneMatch(l -> l.endsWith("EXPUNGE"))
                    .anyMatch(l -> l.startsWith("* 3 FETCH (FLAGS (\\Flagged"));
            assertThat(watcher.command("w4 NOOP")).containsExactly("* 2 EXPUNGE", "w4 OK NOOP completed");
            assertThat(watcher.command("w5 FETCH 2 (UID)")).containsExactly("* 2 FETCH (UID 3)", "w5 OK Fetch completed");
        }
    }

    /** RFC 3501 §7.4.1: UID FETCH may carry EXPUNGE, after the FETCH data, which still uses the old numbers. */
    @Test
    void uidFetchReportsAnotherSessionsExpunge() throws IOException {
        try (Client watcher = Client.selected(fixtures.port()); Client other = Client.selected(fixtures.port())) {
            other.command("o1 STORE 1 +FLAGS.SILENT (\\Deleted)");
            other.command("o2 EXPUNGE");

            assertThat(watcher.command("w1 UID FETCH 3 (FLAGS)"))
                    .containsExactly("* 3 FETCH (FLAGS (\\Recent) UID 3)", "* 1 EXPUNGE", "w1 OK Fetch completed");
        }
    }

    /** A header section over the limit is refused with [LIMIT] before the post office sees it; the session goes on. */
    @Test
    void anAppendWithAHeaderOverTheLimitIsRefusedAndNotStored() throws IOException {
        try (Client client = Client.selected(fixtures.port())) {
            String atLimit = "X-Filler: " + "h".repeat((int) ImapFixtures.MAX_HEADER_SIZE - 12) + "\r\n";
            String tooLarge = "X-Extra: 1\r\n" + atLimit;
            String body = "\r\n" + "b".repeat(10_000) + "\r\n";

            assertThat(client.command("h1 APPEND INBOX {" + (tooLarge.length() + body.length()) + "+}\r\n" + tooLarge + body))
                    .containsExactly("h1 NO [LIMIT] Message header too large");
            assertThat(client.command("h2 APPEND INBOX {" + (atLimit.length() + body.length()) + "+}\r\n" + atLimit + body))
                    .last().asString().startsWith("h2 OK [APPENDUID ");
            assertThat(client.command("h3 STATUS INBOX (MESSAGES)")).first().isEqualTo("* STATUS INBOX (MESSAGES 4)");
        }
    }

    /** Another session's flag change is reported as an untagged FETCH with the next command (RFC 3501 §7.4.2). */
    @Test
    void anotherSessionsFlagChangeComesWithTheNextCommand() throws IOException {
        try (Client watcher = Client.selected(fixtures.port()); Client other = Client.selected(fixtures.port())) {
            other.command("o1 STORE 1 +FLAGS.SILENT (\\Answered)");

            assertThat(watcher.command("w1 NOOP")).containsExactly("* 1 FETCH (FLAGS (\\Answered \\Recent) UID 1)",
                    "w1 OK NOOP completed");
            assertThat(watcher.command("w2 NOOP")).containsExactly("w2 OK NOOP completed");
        }
    }

    /**
     * RFC 3501 §2.3.2: a message is \Recent for exactly one session, "the first session to have been
     * notified about this message"; later sessions do not see it as recent.
     */
    @Test
    void aNewMessageIsRecentInOneSessionOnly() throws IOException {
        try (Client first = Client.selected(fixtures.port()); Client second = Client.selected(fixtures.port())) {
            fixtures.deliver("From: eve@example.org\r\nSubject: new\r\n\r\nNew.\r\n");

            assertThat(first.command("f1 NOOP")).contains("* 4 EXISTS");
            assertThat(second.command("s1 NOOP")).contains("* 4 EXISTS");
            List<String> toFirst = first.command("f2 FETCH 4 (FLAGS)");
            List<String> toSecond = second.command("s2 FETCH 4 (FLAGS)");

            long recentIn = Stream.of(toFirst, toSecond).filter(lines -> lines.get(0).contains("\\Recent")).count();
            assertThat(recentIn).as("sessions that see the new message as \\Recent: %s / %s", toFirst, toSecond)
                    .isEqualTo(1);
        }
    }

    /** A client on a plain socket that reads CRLF lines; enough for commands whose answers hold no literals. */
    private static final class Client implements AutoCloseable {

        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;

        private Client(int port) throws IOException {
            socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout(5000);
            in = new BufferedInputStream(socket.getInputStream());
            out = socket.getOutputStream();
        }

        /** Logged in as bob with INBOX selected. */
        static Client selected(int port) throws IOException {
            Client client = new Client(port);
            assertThat(client.line()).startsWith("* OK");
            assertThat(client.command("l1 LOGIN " + ImapFixtures.BOB + " " + ImapFixtures.BOB_PASSWORD).get(0))
                    .startsWith("l1 OK");
            assertThat(client.command("l2 SELECT INBOX")).last().asString().startsWith("l2 OK");
            return client;
        }

        void send(String line) throws IOException {
            out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        /** Sends a command and returns every line up to and including its tagged completion. */
        List<String> command(String command) throws IOException {
            send(command);
            String tag = command.substring(0, command.indexOf(' ') + 1);
            List<String> lines = new ArrayList<>();
            String line;
            do {
                line = line();
                lines.add(line);
            } while (!line.startsWith(tag));
            return lines;
        }

        String line() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) != '\n') {
                if (b < 0) {
                    throw new IOException("connection closed after \"" + line + "\"");
                }
                line.write(b);
            }
            byte[] octets = line.toByteArray();
            return new String(octets, 0, octets.length - 1, StandardCharsets.UTF_8);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
