package org.posthorn.connector.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * An embedded channel whose time, and that of the {@link CommandPacer} made by {@link #pacer}, moves only
 * when the test says so: for testing the command limits without a wall clock.
 */
public final class FrozenTimeChannel {

    private long nanos;
    private EmbeddedChannel channel;

    /** A pacer on this clock; install it before the protocol's handlers. */
    public CommandPacer pacer(CommandLimits limits) {
        return limits.newPacer(() -> nanos);
    }

    /** Takes over {@code channel}, freezing its time. */
    public EmbeddedChannel attach(EmbeddedChannel channel) {
        this.channel = channel;
        channel.freezeTime();
        return channel;
    }

    /** Moves both clocks and runs what became due. */
    public void advance(long millis) {
        nanos += TimeUnit.MILLISECONDS.toNanos(millis);
        channel.advanceTimeBy(millis, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
        channel.runPendingTasks();
    }

    public void send(String text) {
        channel.writeInbound(Unpooled.copiedBuffer(text, StandardCharsets.ISO_8859_1));
        channel.runPendingTasks();
    }

    /** Everything written since the last call. */
    public String output() {
        StringBuilder out = new StringBuilder();
        for (ByteBuf buf; (buf = channel.readOutbound()) != null; buf.release()) {
            out.append(buf.toString(StandardCharsets.ISO_8859_1));
        }
        return out.toString();
    }
}
