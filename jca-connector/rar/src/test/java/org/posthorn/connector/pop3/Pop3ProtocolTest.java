package org.posthorn.connector.pop3;

import org.posthorn.connector.auth.PlaintextAuthPolicy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.posthorn.connector.pop3.Pop3Fixtures.ALICE;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.posthorn.connector.endpoint.FakePostOffice;
import org.posthorn.connector.server.TestServer;
import org.posthorn.settings.Settings;
import org.posthorn.spi.auth.AuthenticationListener;
import org.posthorn.spi.pop3.MaildropListener;

class Pop3ProtocolTest {

    @Test
    void describesItselfToTheListenerHost() {
        Pop3Protocol protocol = new Pop3Protocol(new SyncPostOffice(), Pop3Fixtures.fastConfig());
        assertThat(protocol.name()).isEqualTo("pop3");
        assertThat(protocol.portSetting()).isSameAs(Settings.POP3_PORT);
        assertThat(protocol.requiredListeners()).containsExactlyInAnyOrder(MaildropListener.class, AuthenticationListener.class);
        assertThat(protocol.tooBusyReply()).isEqualTo("-ERR [SYS/TEMP] Too many connections, try again later\r\n");
    }

    @Test
    void readsItsConfigurationFromSettings() {
        Pop3Config config = Pop3Config.fromSettings();
        assertThat(config.hostname()).isEqualTo(Settings.HOSTNAME.get());
        assertThat(config.idleTimeout()).isEqualTo(Settings.POP3_IDLE_TIMEOUT.get());
        assertThat(config.authFailureDelay()).isEqualTo(Settings.AUTH_FAILURE_DELAY.get());
        assertThat(config.maxErrors()).isEqualTo(Settings.POP3_MAX_ERRORS.get());
    }

    @Test
    void refusesNonsensicalConfigurations() {
        assertThatThrownBy(() -> new Pop3Config("h", Duration.ZERO, Duration.ZERO, 1, PlaintextAuthPolicy.LOOPBACK)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Pop3Config("h", Duration.ofMinutes(1), Duration.ofMillis(-1), 1, PlaintextAuthPolicy.LOOPBACK))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Pop3Config("h", Duration.ofMinutes(1), Duration.ZERO, 0, PlaintextAuthPolicy.LOOPBACK)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Pop3Config(null, Duration.ofMinutes(1), Duration.ZERO, 1, PlaintextAuthPolicy.LOOPBACK)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void aFullListenerSaysTryAgainLater() throws IOException {
        try (FakePostOffice postOffice = new FakePostOffice();
             TestServer server = new TestServer(new Pop3Protocol(postOffice, Pop3Fixtures.fastConfig()), 0);
             Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(5000);
            assertThat(new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII))
                    .isEqualTo("-ERR [SYS/TEMP] Too many connections, try again later\r\n");
        }
    }

    /** 25 MiB of lines, a quarter of them starting with a dot, streamed and unstuffed byte-exact. */
    @Test
    void aLargeMessageArrivesByteExact() throws IOException {
        byte[] message = largeMessage(25 * 1024 * 1024);
        InMemoryMaildrops maildrops = new InMemoryMaildrops().add(ALICE, "big", message);
        try (FakePostOffice postOffice = new FakePostOffice()
                .with(MaildropListener.class, maildrops)
                .with(AuthenticationListener.class, Pop3Fixtures.authenticator());
             TestServer server = new TestServer(new Pop3Protocol(postOffice, Pop3Fixtures.fastConfig()));
             Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(20_000);
            InputStream in = new BufferedInputStream(socket.getInputStream(), 65536);
            OutputStream out = socket.getOutputStream();
            out.write("USER alice@example.test\r\nPASS alice-password\r\nRETR 1\r\nNOOP\r\n".getBytes(StandardCharsets.US_ASCII));

            assertThat(line(in)).startsWith("+OK Posthorn");
            assertThat(line(in)).isEqualTo("+OK send PASS");
            assertThat(line(in)).isEqualTo("+OK maildrop has 1 message (" + message.length + " octets)");
            assertThat(line(in)).isEqualTo("+OK " + message.length + " octets");
            assertThat(multiLineBody(in)).isEqualTo(message);
            assertThat(line(in)).isEqualTo("+OK");
        }
    }

    private static byte[] largeMessage(int size) {
        Random random = new Random(1939);
        ByteArrayOutputStream out = new ByteArrayOutputStream(size + 200);
        out.writeBytes("Subject: big\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        while (out.size() < size) {
            String line = (random.nextInt(4) == 0 ? "." : "") + "x".repeat(random.nextInt(100)) + "\r\n";
            out.writeBytes(line.getBytes(StandardCharsets.US_ASCII));
        }
        return out.toByteArray();
    }

    /** Reads one line and returns it without its CRLF. */
    private static String line(InputStream in) throws IOException {
        byte[] line = rawLine(in);
        return new String(line, 0, line.length - 2, StandardCharsets.US_ASCII);
    }

    /** Reads one line including its CRLF. */
    private static byte[] rawLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int previous = -1;
        for (int b; (b = in.read()) >= 0; previous = b) {
            line.write(b);
            if (previous == '\r' && b == '\n') {
                return line.toByteArray();
            }
        }
        throw new IOException("connection closed mid-line");
    }

    /** Reads a multi-line body up to its terminator and undoes the dot-stuffing (RFC 1939 §3). */
    private static byte[] multiLineBody(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            byte[] line = rawLine(in);
            if (line.length == 3 && line[0] == '.') {
                return body.toByteArray();
            }
            int start = line[0] == '.' ? 1 : 0;
            body.write(line, start, line.length - start);
        }
    }
}
