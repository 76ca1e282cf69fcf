package org.posthorn.connector.pop3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.posthorn.connector.pop3.Pop3Fixtures.ALICE;
import static org.posthorn.connector.pop3.Pop3Fixtures.ALICE_PASSWORD;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.embedded.EmbeddedChannel;
import java.net.InetSocketAddress;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.posthorn.connector.server.CommandLimits;
import org.posthorn.connector.server.CommandPacer;
import org.posthorn.connector.server.FrozenTimeChannel;
import org.posthorn.spi.ClientConnection;
import org.posthorn.spi.auth.AuthenticationListener;
import org.posthorn.spi.pop3.MaildropListener;

/**
 * The command limits of {@link org.posthorn.connector.server.PulledInputHandler}, which POP3 and IMAP
 * share, seen through POP3 on an embedded channel whose time, and the pacer's, moves only when the
 * test says so: a flood is answered at the rate, not refused; too many commands end the session.
 */
class Pop3CommandLimitsTest {

    /** 600 a minute: one every 100 ms after a burst of 4 (USER and PASS take two of them). */
    private static final CommandLimits LIMITS = new CommandLimits(600, 4, 20);

    private final SyncPostOffice postOffice = new SyncPostOffice()
            .with(MaildropListener.class, Pop3Fixtures.maildrops())
            .with(AuthenticationListener.class, Pop3Fixtures.authenticator());
    private final Pop3Protocol protocol = new Pop3Protocol(postOffice, Pop3Fixtures.fastConfig());
    private final FrozenTimeChannel wire = new FrozenTimeChannel();
    private final EmbeddedChannel channel = connect();

    private EmbeddedChannel connect() {
        ClientConnection client = new ClientConnection("pop3", new InetSocketAddress("192.0.2.1", 40000), false, Optional.empty());
        EmbeddedChannel embedded = new EmbeddedChannel(new ChannelInitializer<EmbeddedChannel>() {
            @Override
            protected void initChannel(EmbeddedChannel ch) {
                CommandPacer.install(ch, wire.pacer(LIMITS));
                protocol.initPipeline(ch.pipeline(), client);
            }
        });
        return wire.attach(embedded);
    }

    @AfterEach
    void close() {
        channel.finishAndReleaseAll();
    }

    @Test
    void aFloodIsAnsweredAtTheRateAndNothingIsRefused() {
        wire.output();
        wire.send("USER " + ALICE + "\r\nPASS " + ALICE_PASSWORD + "\r\n" + "NOOP\r\n".repeat(10));
        assertThat(replies()).as("the burst").isEqualTo(4);

        wire.advance(99);
        assertThat(replies()).isZero();
        wire.advance(1);
        assertThat(replies()).isEqualTo(1);
        for (int i = 0; i < 7; i++) {
            wire.advance(100);
            assertThat(replies()).as("one per 100 ms").isEqualTo(1);
        }
        assertThat(channel.isOpen()).isTrue();
    }

    @Test
    void theCommandAfterTheSessionsLastIsAnsweredErrAndTheConnectionClosed() {
        wire.output();
        wire.send("USER " + ALICE + "\r\nPASS " + ALICE_PASSWORD + "\r\n");
        for (int i = 0; i < 18; i++) {
            wire.advance(100);
            wire.send("NOOP\r\n");
        }
        assertThat(replies()).isEqualTo(20);
        assertThat(channel.isOpen()).isTrue();

        wire.advance(100);
        wire.send("NOOP\r\n");
        assertThat(wire.output()).isEqualTo("-ERR Too many commands in one session, closing connection\r\n");
        assertThat(channel.isOpen()).isFalse();
    }

    private int replies() {
        return (int) wire.output().lines().filter(line -> line.startsWith("+OK") || line.startsWith("-ERR")).count();
    }
}
