package org.posthorn.connector.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.posthorn.connector.server.CommandLimits;
import org.posthorn.connector.server.CommandPacer;
import org.posthorn.spi.ClientConnection;

/**
 * The command limits in the SMTP connection handler, on an embedded channel whose time, and the
 * pacer's, moves only when the test says so.
 */
class SmtpCommandLimitsTest {

    /** 600 a minute: one every 100 ms after a burst of 3; 10 commands per session. */
    private static final CommandLimits LIMITS = new CommandLimits(600, 3, 10);

    private final ControlledPostOffice postOffice = new ControlledPostOffice(new FakeMta("mx.example.test"));
    private long now;
    private EmbeddedChannel channel;

    @BeforeEach
    void connect() throws Exception {
        channel = new EmbeddedChannel(false, false);
        CommandPacer.install(channel, LIMITS.newPacer(() -> now));
        new SmtpProtocol(postOffice, SmtpConfig.of("mx.example.test", 1024, 3, 5, Duration.ofMinutes(5)))
                .install(channel, new ClientConnection("smtp", new InetSocketAddress("192.0.2.9", 40000), false, Optional.empty()));
        channel.register();
        channel.freezeTime();
    }

    @AfterEach
    void close() {
        channel.finishAndReleaseAll();
    }

    @Test
    void aFloodOfNoopsIsAnsweredAtTheRateAndNothingIsRefused() {
        output();
        send("NOOP\r\n".repeat(8));
        assertThat(replies()).as("the burst").isEqualTo(3);

        advance(99);
        assertThat(replies()).isZero();
        advance(1);
        assertThat(replies()).isEqualTo(1);
        for (int i = 0; i < 4; i++) {
            advance(100);
            assertThat(replies()).as("one per 100 ms").isEqualTo(1);
        }
        assertThat(channel.isOpen()).isTrue();
    }

    @Test
    void theCommandAfterTheSessionsLastIsAnswered421AndTheConnectionClosed() {
        output();
        for (int i = 0; i < 10; i++) {
            send("NOOP\r\n");
            advance(100);
        }
        assertThat(replies()).isEqualTo(10);

        send("NOOP\r\n");
        assertThat(output()).isEqualTo("421 4.7.0 mx.example.test Error: too many commands, closing connection\r\n");
        assertThat(channel.isOpen()).isFalse();
    }

    private void advance(long millis) {
        now += TimeUnit.MILLISECONDS.toNanos(millis);
        channel.advanceTimeBy(millis, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
        channel.runPendingTasks();
    }

    private void send(String text) {
        channel.writeInbound(Unpooled.copiedBuffer(text, StandardCharsets.US_ASCII));
        channel.runPendingTasks();
    }

    /** How many "250" replies came out since the last look. */
    private int replies() {
        return (int) output().lines().filter(line -> line.startsWith("250 ")).count();
    }

    private String output() {
        StringBuilder out = new StringBuilder();
        for (ByteBuf buf; (buf = channel.readOutbound()) != null; buf.release()) {
            out.append(buf.toString(StandardCharsets.US_ASCII));
        }
        return out.toString();
    }
}
