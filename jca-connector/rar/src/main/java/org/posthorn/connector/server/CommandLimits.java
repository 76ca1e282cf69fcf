package org.posthorn.connector.server;

import java.util.function.LongSupplier;
import org.posthorn.settings.Settings;

/**
 * How many commands one connection may have processed: {@code perMinute} on average after a
 * {@code burst}, and {@code maxPerSession} in all. The same for every protocol.
 *
 * @param perMinute     the sustained rate; faster clients are made to wait, never refused
 * @param burst         how many commands may come at once before the rate applies
 * @param maxPerSession commands in one connection; the next one ends the session
 */
public record CommandLimits(int perMinute, int burst, long maxPerSession) {

    /** No limit worth the name; for tests and tools that build a protocol without a listener. */
    public static final CommandLimits UNLIMITED = new CommandLimits(Integer.MAX_VALUE, Integer.MAX_VALUE, Long.MAX_VALUE);

    public CommandLimits {
        if (perMinute <= 0 || burst <= 0 || maxPerSession <= 0) {
            throw new IllegalArgumentException("command limits must be positive: " + perMinute + ", " + burst + ", "
                    + maxPerSession);
        }
    }

    /** The limits of {@code posthorn.commands.*}. */
    public static CommandLimits fromSettings() {
        return new CommandLimits(Settings.COMMANDS_PER_MINUTE.get(), Settings.COMMANDS_BURST.get(),
                Settings.MAX_COMMANDS_PER_SESSION.get());
    }

    /** A pacer for one new connection, on the given clock (nanoseconds, like {@link System#nanoTime()}). */
    public CommandPacer newPacer(LongSupplier nanoTime) {
        return new CommandPacer(this, nanoTime);
    }
}
