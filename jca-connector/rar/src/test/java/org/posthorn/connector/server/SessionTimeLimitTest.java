package org.posthorn.connector.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The session time limit on an embedded channel whose clock the test moves. */
class SessionTimeLimitTest {

    private static final Duration LIMIT = Duration.ofMinutes(30);
    private static final Duration RECHECK = Duration.ofSeconds(5);
    private static final Duration GRACE = Duration.ofSeconds(20);

    /** Records the events it sees and closes the channel on the first expiry unless told it is busy. */
    private static final class Handler extends ChannelInboundHandlerAdapter {
        final List<Object> events = new ArrayList<>();
        boolean busy;

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
            events.add(event);
            if (event == SessionExpiredEvent.INSTANCE && !busy) {
                ctx.close();
            }
        }
    }

    private final Handler handler = new Handler();

    private EmbeddedChannel channel() {
        EmbeddedChannel channel = new EmbeddedChannel();
        channel.freezeTime();
        channel.pipeline().addLast(new SessionTimeLimit("test", LIMIT, RECHECK, GRACE), handler);
        channel.pipeline().fireChannelActive();
        return channel;
    }

    @Test
    void nothingHappensBeforeTheLimitHoweverBusyTheClientIs() {
        EmbeddedChannel channel = channel();
        for (int minute = 0; minute < 29; minute++) {
            channel.writeInbound("x");
            channel.advanceTimeBy(1, TimeUnit.MINUTES);
            channel.runScheduledPendingTasks();
        }
        assertThat(handler.events).isEmpty();
        assertThat(channel.isOpen()).isTrue();
        channel.finishAndReleaseAll();
    }

    @Test
    void atTheLimitTheProtocolIsAskedToEndTheSession() {
        EmbeddedChannel channel = channel();
        channel.advanceTimeBy(LIMIT.toSeconds(), TimeUnit.SECONDS);
        channel.runScheduledPendingTasks();

        assertThat(handler.events).containsExactly(SessionExpiredEvent.INSTANCE);
        assertThat(channel.isOpen()).as("closed by the protocol's handler").isFalse();
    }

    @Test
    void aBusySessionIsAskedAgainAndClosedAfterTheGrace() {
        handler.busy = true;
        EmbeddedChannel channel = channel();
        channel.advanceTimeBy(LIMIT.toSeconds(), TimeUnit.SECONDS);
        channel.runScheduledPendingTasks();
        for (int i = 0; i < 3; i++) {
            channel.advanceTimeBy(RECHECK.toSeconds(), TimeUnit.SECONDS);
            channel.runScheduledPendingTasks();
        }
        assertThat(handler.events).hasSize(4).containsOnly(SessionExpiredEvent.INSTANCE);
        assertThat(channel.isOpen()).isTrue();

        channel.advanceTimeBy(RECHECK.toSeconds(), TimeUnit.SECONDS);
        channel.runScheduledPendingTasks();
        assertThat(channel.isOpen()).as("closed by the limit itself after %s", GRACE).isFalse();
        assertThat(handler.events).hasSize(4);
    }

    @Test
    void theTimerStopsWhenTheConnectionCloses() {
        EmbeddedChannel channel = channel();
        channel.close();
        channel.advanceTimeBy(LIMIT.toSeconds() * 2, TimeUnit.SECONDS);
        channel.runScheduledPendingTasks();
        assertThat(handler.events).isEmpty();
    }

    @Test
    void aLimitMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new SessionTimeLimit("test", Duration.ZERO));
    }
}
