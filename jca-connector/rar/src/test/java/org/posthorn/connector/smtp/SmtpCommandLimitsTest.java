package org.posthorn.connector.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.posthorn.connector.server.CommandLimits;
import org.posthorn.connector.server.CommandPacer;
import org.posthorn.connector.server.FrozenTimeChannel;
import org.posthorn.spi.ClientConnection;

/**
 * The command limits in the SMTP connection handler, on an embedded channel whose time, and the
 * pacer's, moves only when the test says so.
 */
class SmtpCommandLimitsTest {

    /** 600 a minute: one every 100 ms after a burst of 3; 10 commands per session. */
    private static final CommandLimits LIMITS = new CommandLimits(600, 3, 10);

    private final ControlledPostOffice postOffice = new ControlledPostOffice(new FakeMta("mx.example.test"));
    private final FrozenTimeChannel wire = new FrozenTimeChannel();
    private EmbeddedChannel channel;

    @BeforeEach
    void connect() throws Exception {
        channel = new EmbeddedChannel(false, false);
        CommandPacer.install(channel, wire.pacer(LIMITS));
        new SmtpProtocol(postOffice, SmtpConfig.of("mx.example.test", 1024, 3, 5, Duration.ofMinutes(5)))
                .install(channel, new ClientConnection("smtp", new InetSocketAddress("192.0.2.9", 40000), false, Optional.empty()));
        channel.register();
        wire.attach(channel);
    }

    @AfterEach
    void close() {
        channel.finishAndReleaseAll();
    }

    @Test
    void aFloodOfNoopsIsAnsweredAtTheRateAndNothingIsRefused() {
        wire.output();
        wire.send("NOOP\r\n".repeat(8));
        assertThat(replies()).as("the burst").isEqualTo(3);

        wire.advance(99);
        assertThat(replies()).isZero();
        wire.advance(1);
        assertThat(replies()).isEqualTo(1);
        for (int i = 0; i < 4; i++) {
            wire.advance(100);
            assertThat(replies()).as("one per 100 ms").isEqualTo(1);
        }
        assertThat(channel.isOpen()).isTrue();
    }

    @Test
    void theCommandAfterTheSessionsLastIsAnswered421AndTheConnectionClosed() {
        wire.output();
        for (int i = 0; i < 10; i++) {
            wire.send("NOOP\r\n");
            wire.advance(100);
        }
        assertThat(replies()).isEqualTo(10);

        wire.send("NOOP\r\n");
        assertThat(wire.output()).isEqualTo("421 4.7.0 mx.example.test Error: too many commands, closing connection\r\n");
        assertThat(channel.isOpen()).isFalse();
    }

    /** How many "250" replies came out since the last look. */
    private int replies() {
        return (int) wire.output().lines().filter(line -> line.startsWith("250 ")).count();
    }
}
