package org.posthorn.connector.smtp.decode;

import io.netty.channel.Channel;
import java.util.EnumSet;
import java.util.Set;

/**
 * Stops reading from a connection while anyone has a reason not to want more input, and reads again
 * when the last reason is gone: Netty's {@code autoRead} with more than one owner. Confined to the
 * channel's event loop.
 */
public final class ReadThrottle {

    /** Why input is not wanted now. */
    public enum Reason {
        /** Commands are queued behind a call into the post office (pipelining backpressure). */
        COMMANDS_QUEUED,
        /** The decoder paused after a line that may change the framing, and holds unread bytes. */
        FRAMING_PAUSED
    }

    private final Channel channel;
    private final Set<Reason> reasons = EnumSet.noneOf(Reason.class);

    public ReadThrottle(Channel channel) {
        this.channel = channel;
    }

    public void hold(Reason reason) {
        if (reasons.add(reason) && reasons.size() == 1) {
            channel.config().setAutoRead(false);
        }
    }

    public void release(Reason reason) {
        if (reasons.remove(reason) && reasons.isEmpty()) {
            channel.config().setAutoRead(true);
        }
    }
}
