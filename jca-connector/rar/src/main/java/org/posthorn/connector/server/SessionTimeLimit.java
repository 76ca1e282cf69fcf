package org.posthorn.connector.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Bounds how long one connection may last, however busy it keeps itself: the idle timers only see
 * silence, so a client that trickles one octet every few minutes (slowloris) would hold its slot and
 * its session state for ever. When the time is up it fires {@link SessionExpiredEvent} to the
 * protocol's handlers, which answer and close at the next safe point; it fires again every
 * {@code recheck} and closes the connection itself after {@code grace}, so a handler that is stuck
 * (a post-office call that never returns) cannot keep it open either.
 *
 * <p>Sits in the pipeline before the protocol's handlers and after TLS, so the event reaches them and
 * whatever they answer is encrypted. One scheduled task per connection, no thread.
 */
final class SessionTimeLimit extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = Logger.getLogger(SessionTimeLimit.class.getName());

    /** How often the event is fired again while the handler cannot end the session yet. */
    static final Duration RECHECK = Duration.ofSeconds(5);
    /**
     * How long after the limit a handler has to end the session itself; longer than the post office's
     * slowest call (an MDB waits up to 5 minutes for an instance, fact 8), so a transaction under way
     * still gets its answer.
     */
    static final Duration GRACE = Duration.ofMinutes(6);

    private final String protocol;
    private final Duration limit;
    private final Duration recheck;
    private final Duration grace;
    private ScheduledFuture<?> timer;
    private Duration overdue = Duration.ZERO;

    SessionTimeLimit(String protocol, Duration limit) {
        this(protocol, limit, RECHECK, GRACE);
    }

    /** With other recheck and grace times; for tests. */
    SessionTimeLimit(String protocol, Duration limit, Duration recheck, Duration grace) {
        if (limit.isNegative() || limit.isZero() || recheck.isNegative() || recheck.isZero() || grace.isNegative()) {
            throw new IllegalArgumentException("session limit, recheck and grace must be positive: "
                    + limit + ", " + recheck + ", " + grace);
        }
        this.protocol = protocol;
        this.limit = limit;
        this.recheck = recheck;
        this.grace = grace;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        schedule(ctx, limit);
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        cancel();
        ctx.fireChannelInactive();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        cancel();
    }

    private void expired(ChannelHandlerContext ctx) {
        timer = null;
        if (!ctx.channel().isOpen()) {
            return;
        }
        if (overdue.compareTo(grace) >= 0) {
            LOG.info(() -> protocol + ": session of " + ctx.channel().remoteAddress() + " still open " + grace
                    + " after its time limit of " + limit + "; closing it");
            ctx.close();
            return;
        }
        if (overdue.isZero()) {
            LOG.fine(() -> protocol + ": session of " + ctx.channel().remoteAddress() + " reached its time limit of " + limit);
        }
        overdue = overdue.plus(recheck);
        schedule(ctx, recheck);
        ctx.fireUserEventTriggered(SessionExpiredEvent.INSTANCE);
    }

    private void schedule(ChannelHandlerContext ctx, Duration delay) {
        timer = ctx.executor().schedule(() -> expired(ctx), delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void cancel() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }
}
