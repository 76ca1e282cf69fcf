package org.posthorn.connector.server;

import io.netty.channel.Channel;
import io.netty.util.AttributeKey;
import java.util.function.LongSupplier;

/**
 * Decides when one connection's next command may be processed, and when it has had enough of them
 * ({@link CommandLimits}). A client faster than the rate is slowed down, not refused, as Postfix's
 * and Dovecot's tarpits do: its handler reads its next command later, and meanwhile the socket's own
 * back-pressure stops it from sending more. A client that waits for each answer seldom meets it; a
 * flood or a bulk import over one connection does.
 *
 * <p>The rate is a token bucket in the form of the generic cell rate algorithm: one "theoretical
 * arrival time" moves on by one interval per command, and a command may go while that time is at
 * most {@code burst - 1} intervals ahead of now. No timer, no thread; the connection's handler schedules its own wake-up.
 * Confined to the connection's event loop.
 *
 * <p>The listener gives each connection its pacer as a channel attribute ({@link #install}), so the
 * protocols' input handlers find it without every protocol passing it along; a channel without one
 * (a test's) is not limited.
 */
public final class CommandPacer {

    private static final AttributeKey<CommandPacer> KEY = AttributeKey.valueOf(CommandPacer.class, "pacer");
    private static final long NANOS_PER_MINUTE = 60_000_000_000L;

    private final LongSupplier nanoTime;
    private final long interval;
    private final long tolerance;
    private final long maxCommands;
    private long theoreticalArrival;
    private long commands;

    CommandPacer(CommandLimits limits, LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        this.interval = Math.max(1, NANOS_PER_MINUTE / limits.perMinute());
        this.tolerance = saturatedProduct(limits.burst() - 1L, interval);
        this.maxCommands = limits.maxPerSession();
        this.theoreticalArrival = nanoTime.getAsLong();
    }

    /** {@code a * b}, or a quarter of the long range if that is more: far in the future, yet safe to subtract from. */
    private static long saturatedProduct(long a, long b) {
        try {
            return Math.min(Math.multiplyExact(a, b), Long.MAX_VALUE / 4);
        } catch (ArithmeticException overflow) {
            return Long.MAX_VALUE / 4;
        }
    }

    /** Gives {@code channel}'s handlers this pacer. */
    public static void install(Channel channel, CommandPacer pacer) {
        channel.attr(KEY).set(pacer);
    }

    /** The pacer the listener gave {@code channel}, or an unlimited one. */
    public static CommandPacer of(Channel channel) {
        CommandPacer pacer = channel.attr(KEY).get();
        return pacer != null ? pacer : CommandLimits.UNLIMITED.newPacer(System::nanoTime);
    }

    /** How long to wait before the next command may be processed; 0: now. */
    public long nanosBeforeNext() {
        return Math.max(0, theoreticalArrival - tolerance - nanoTime.getAsLong());
    }

    /** A command was processed. */
    public void taken() {
        theoreticalArrival = Math.max(theoreticalArrival, nanoTime.getAsLong()) + interval;
        commands++;
    }

    /** Whether the session has had all the commands it may have; the next one ends it. */
    public boolean exhausted() {
        return commands >= maxCommands;
    }

    /** Commands processed so far. */
    public long commands() {
        return commands;
    }
}
