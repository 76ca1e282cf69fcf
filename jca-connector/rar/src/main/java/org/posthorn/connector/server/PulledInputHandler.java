package org.posthorn.connector.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.io.IOException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.posthorn.connector.tls.TlsPipeline;

/**
 * What the POP3 and IMAP connection handlers share: the client's bytes are kept in one buffer and
 * taken from it one input at a time, only while nothing is under way ({@link #waiting()}), so
 * pipelined commands are answered strictly in order; reading from the socket pauses while more than
 * {@code pauseReadingOctets} wait undecoded or the client does not read its responses; the results of
 * post-office calls come back on the channel's event loop before they touch the session. A client
 * faster than its {@link CommandPacer} allows has its next input taken later, on a timer of the event
 * loop; one that has sent all the commands a session may have is told so ({@link #commandLimitReached}).
 *
 * <p>One level of inheritance, no more: a subclass decodes ({@link #processNext}), carries out its own
 * protocol's outcomes and says what ending the session means ({@link #sessionEnded}) and how to say
 * goodbye to a client that sent too many commands.
 */
public abstract class PulledInputHandler extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = Logger.getLogger(PulledInputHandler.class.getName());

    private final String protocol;
    private final int pauseReadingOctets;
    private ChannelHandlerContext ctx;
    private CommandPacer pacer;
    private ByteBuf received;
    /** A timer will drain again once the pacer lets the next input go. */
    private boolean paced;
    private boolean waiting;
    private boolean draining;
    private boolean ended;

    /**
     * @param protocol           the protocol's name, for the log
     * @param pauseReadingOctets reading pauses while more undecoded octets than this wait
     */
    protected PulledInputHandler(String protocol, int pauseReadingOctets) {
        this.protocol = protocol;
        this.pauseReadingOctets = pauseReadingOctets;
    }

    /**
     * Takes the next input from {@code received}, if a whole one is there, and processes it.
     *
     * @return whether an input was taken; {@code false} stops draining until more bytes arrive
     */
    protected abstract boolean processNext(ByteBuf received);

    /** The session is over (the connection closed, failed or is being closed): release what it holds. */
    protected abstract void sessionEnded();

    /** The client, for the log. */
    protected abstract Object client();

    /**
     * The client has sent as many commands as one session may have, and more input is there: answer it
     * as the protocol ends a session the server gives up on, {@link #end()} it and close the connection.
     */
    protected abstract void commandLimitReached();

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        this.pacer = CommandPacer.of(ctx.channel());
        this.received = ctx.alloc().buffer(512);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        end();
        received.release();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf bytes = (ByteBuf) msg;
        try {
            if (ended) {
                return;
            }
            received.writeBytes(bytes);
        } finally {
            bytes.release();
        }
        if (received.readableBytes() > pauseReadingOctets) {
            ctx.channel().config().setAutoRead(false);
        }
        drain();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        Level level = cause instanceof IOException || TlsPipeline.isTlsFailure(cause) ? Level.FINE : Level.WARNING;
        LOG.log(level, cause, () -> protocol + ": closing connection from " + client());
        end();
        ctx.close();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        drain();
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        end();
        ctx.fireChannelInactive();
    }

    protected final ChannelHandlerContext ctx() {
        return ctx;
    }

    /** Ends the session, once. */
    protected final void end() {
        if (!ended) {
            ended = true;
            sessionEnded();
        }
    }

    protected final boolean ended() {
        return ended;
    }

    /** Something is under way: later input waits until {@link #resume}. */
    protected final void pause() {
        waiting = true;
    }

    protected final boolean waiting() {
        return waiting;
    }

    /** Continues on the event loop after a wait, unless the connection ended meanwhile, then reads on. */
    protected final void resume(Runnable next) {
        waiting = false;
        if (ended) {
            return;
        }
        next.run();
        drain();
    }

    /**
     * Waits for a post-office call without holding the event loop; its result (or its failure, which
     * is logged) is handed to {@code then} (or {@code onFailure}) back on the event loop.
     */
    protected final <R> void afterCall(CompletionStage<R> call, Consumer<R> then, Runnable onFailure) {
        pause();
        ctx.flush();
        call.whenCompleteAsync((result, failure) -> {
            if (failure != null) {
                LOG.log(Level.WARNING, failure, () -> protocol + ": post office call failed for " + client());
                resume(onFailure);
            } else {
                resume(() -> then.accept(result));
            }
        }, ctx.executor());
    }

    /**
     * Discards every byte received but not yet processed, for STARTTLS: clear text sent behind the
     * command must never be executed (CVE-2011-0411 and kin).
     *
     * @return how many octets were discarded
     */
    protected final int discardReceived() {
        int discarded = received.readableBytes();
        received.clear();
        return discarded;
    }

    private void drainLater(long nanos) {
        paced = true;
        ctx.executor().schedule(() -> {
            paced = false;
            drain();
        }, nanos, TimeUnit.NANOSECONDS);
    }

    /** Processes input until something has to wait or none is whole; then flushes what was written. */
    protected final void drain() {
        if (draining || ended) {
            return;
        }
        draining = true;
        try {
            while (!ended && !waiting && !paced && ctx.channel().isWritable() && received.isReadable()) {
                if (pacer.exhausted()) {
                    commandLimitReached();
                    break;
                }
                long wait = pacer.nanosBeforeNext();
                if (wait > 0) {
                    drainLater(wait);
                    break;
                }
                if (!processNext(received)) {
                    break;
                }
                pacer.taken();
            }
        } finally {
            draining = false;
        }
        if (ended) {
            // The last response went out with writeAndFlush before the close.
            return;
        }
        received.discardSomeReadBytes();
        if (received.readableBytes() <= pauseReadingOctets && !ctx.channel().config().isAutoRead()) {
            ctx.channel().config().setAutoRead(true);
        }
        ctx.flush();
    }
}
