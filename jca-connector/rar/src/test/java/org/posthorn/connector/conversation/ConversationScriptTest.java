package org.posthorn.connector.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The script runner itself, against a one-connection server that says what each test wants. */
class ConversationScriptTest {

    private ServerSocket listener;
    private CompletableFuture<String> received;

    @AfterEach
    void close() throws IOException {
        if (listener != null) {
            listener.close();
        }
    }

    @Test
    void parsesTheDirectives() {
        ConversationScript script = ConversationScript.parse("x.txt", """
                # a comment

                S: 220 .*
                C: EHLO x
                R: a\\r\\n\\x00\\\\
                E:
                """);

        assertThat(script.steps()).hasSize(4);
        assertThat(script.steps()).extracting(ConversationScript.Step::line).containsExactly(3, 4, 5, 6);
        assertThat(((ConversationScript.Send) script.steps().get(1)).octets())
                .isEqualTo("EHLO x\r\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(((ConversationScript.Send) script.steps().get(2)).octets())
                .isEqualTo(new byte[] {'a', '\r', '\n', 0, '\\'});
    }

    @Test
    void aBadDirectiveNamesItsLine() {
        assertThatThrownBy(() -> ConversationScript.parse("bad.txt", "S: ok\nX: what\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("bad.txt:2: not a directive");
        assertThatThrownBy(() -> ConversationScript.parse("bad.txt", "R: \\q\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("bad.txt:1: unknown escape");
        assertThatThrownBy(() -> ConversationScript.parse("bad.txt", "S: (\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("bad.txt:1: bad regex");
    }

    @Test
    void runsAConversation() throws IOException {
        serve("220 hello\r\n", "250 ok\r\n");

        ConversationScript.parse("ok.txt", "S: 220 .*\nC: NOOP\nS: 250 ok\nE:\n").run(host(), port());

        assertThat(received.join()).isEqualTo("NOOP\r\n");
    }

    @Test
    void aWrongLineSaysWhereAndWhat() throws IOException {
        serve("220 hello\r\n", "500 what?\r\n");

        assertThatThrownBy(() -> ConversationScript.parse("wrong.txt", "S: 220 .*\n# then\nC: NOOP\nS: 250 .*\n")
                .run(host(), port()))
                .isInstanceOf(ConversationFailure.class)
                .hasMessage("wrong.txt:4: expected a line matching /250 .*/ but received \"500 what?\"");
    }

    @Test
    void controlsInTheReplyAreShownAsEscapes() throws IOException {
        serve("220 a\u001bb\tc\r\n", null);

        assertThatThrownBy(() -> ConversationScript.parse("esc.txt", "S: 220 abc\n").run(host(), port()))
                .isInstanceOf(ConversationFailure.class)
                .hasMessageContaining("received \"220 a\\x1Bb\\tc\"");
    }

    @Test
    void aLineWithoutCrlfFails() throws IOException {
        serve("220 hello\n", null);

        assertThatThrownBy(() -> ConversationScript.parse("lf.txt", "S: 220 hello\n").run(host(), port()))
                .isInstanceOf(ConversationFailure.class)
                .hasMessage("lf.txt:1: line not ended by CRLF: \"220 hello\\n\"");
    }

    @Test
    void aServerThatStaysOpenFailsTheCloseExpectationInsteadOfHanging() throws IOException {
        serve("220 hello\r\n", "");

        assertThatThrownBy(() -> ConversationScript.parse("open.txt", "S: 220 .*\nC: QUIT\nE:\n")
                .run(host(), port(), Duration.ofMillis(300)))
                .isInstanceOf(ConversationFailure.class)
                .hasMessage("open.txt:3: expected the server to close the connection, but it stayed open");
    }

    @Test
    void aSilentServerTimesOut() throws IOException {
        serve("", "");

        assertThatThrownBy(() -> ConversationScript.parse("silent.txt", "S: 220 .*\n").run(host(), port(), Duration.ofMillis(300)))
                .isInstanceOf(ConversationFailure.class)
                .hasMessage("silent.txt:1: timed out waiting for a line; received so far \"\"");
    }

    @Test
    void aClosedConnectionIsReportedWithWhatCameBeforeIt() throws IOException {
        serve("220 hel", null);

        assertThatThrownBy(() -> ConversationScript.parse("closed.txt", "S: 220 .*\n").run(host(), port()))
                .isInstanceOf(ConversationFailure.class)
                .hasMessage("closed.txt:1: the server closed the connection; received so far \"220 hel\"");
    }

    /**
     * Accepts one connection, sends {@code greeting}, reads one line and answers {@code answer}; closes
     * afterwards unless {@code answer} is empty (then it stays open for a while). {@code null}: close at once.
     */
    private void serve(String greeting, String answer) throws IOException {
        listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        received = CompletableFuture.supplyAsync(() -> {
            try (Socket socket = listener.accept()) {
                OutputStream out = socket.getOutputStream();
                out.write(greeting.getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                if (answer == null) {
                    return "";
                }
                InputStream in = socket.getInputStream();
                StringBuilder line = new StringBuilder();
                int b;
                socket.setSoTimeout(2000);
                while ((b = in.read()) >= 0) {
                    line.append((char) b);
                    if (b == '\n') {
                        break;
                    }
                }
                out.write(answer.getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                if (answer.isEmpty()) {
                    TimeUnit.MILLISECONDS.sleep(1000);
                }
                return line.toString();
            } catch (IOException e) {
                return "failed: " + e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted";
            }
        });
    }

    private String host() {
        return listener.getInetAddress().getHostAddress();
    }

    private int port() {
        return listener.getLocalPort();
    }
}
