package org.posthorn.connector.smtp;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.posthorn.connector.server.CommandPacer;
import org.posthorn.connector.server.SessionExpiredEvent;
import org.posthorn.connector.smtp.command.Outcome;
import org.posthorn.connector.smtp.command.SmtpDispatcher;
import org.posthorn.connector.smtp.decode.CommandLine;
import org.posthorn.connector.smtp.decode.InputMode;
import org.posthorn.connector.smtp.decode.ReadThrottle;
import org.posthorn.connector.smtp.decode.SaslLine;
import org.posthorn.connector.smtp.decode.SmtpFrame;
import org.posthorn.connector.smtp.decode.SmtpFrameDecoder;
import org.posthorn.connector.smtp.encode.SmtpReply;
import org.posthorn.connector.tls.SslContextSource;
import org.posthorn.connector.tls.TlsPipeline;

/**
 * Runs one connection's frames through the {@link SmtpDispatcher} strictly one after the other and
 * writes the replies in the same order. The only SMTP class that sees the channel.
 *
 * <ul>
 *   <li>While a post-office call is in flight, nothing else is processed: later frames queue here, and
 *       beyond {@value #MAX_QUEUED} of them reading stops until the queue has drained.</li>
 *   <li>The call's continuation runs on this channel's event loop, never on the worker thread.</li>
 *   <li>Replies are written without flushing and flushed when the input at hand has been processed:
 *       at the end of each read, and when a call completes with no other call of the batch in flight.
 *       A pipelined batch (RFC 2920 §3.2) gets its replies in as few packets as possible, and the
 *       server never holds back a reply while it waits for the client.</li>
 *   <li>After a command that paused the decoder, the decoder is resumed in the mode the command's
 *       outcome names, once its reply is written.</li>
 *   <li>After {@code STARTTLS} was accepted (RFC 3207 §4.2): the {@code 220} goes out in clear text,
 *       then the TLS handler is put first in the pipeline, then whatever the client had sent behind
 *       the command and the decoder still holds is discarded, and only then the decoder resumes. So
 *       clear text injected behind STARTTLS is never executed, and anything arriving later passes
 *       through TLS first.</li>
 *   <li>A failed login's reply is held for the login throttle's delay on the event loop's timer;
 *       meanwhile nothing else of the session is processed, as while a call is in flight.</li>
 *   <li>A client faster than its {@link CommandPacer} allows has its next frame processed later, on a
 *       timer of the event loop (its frames queue meanwhile, and reading stops as above); after as many
 *       commands as a session may have, the next is answered {@code 421 4.7.0} and the connection closed.</li>
 *   <li>Silence longer than the idle timeout is answered {@code 421 4.4.2} and the connection closed
 *       (RFC 5321 §4.5.3.2.7 asks servers to wait at least 5 minutes); not while a call is in flight,
 *       when it is the server the client waits for.</li>
 * </ul>
 */
final class SmtpConnectionHandler extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = Logger.getLogger(SmtpConnectionHandler.class.getName());

    /** Frames queued behind a call before the socket is no longer read. */
    static final int MAX_QUEUED = 32;

    private final SmtpDispatcher dispatcher;
    private final SmtpFrameDecoder decoder;
    private final ReadThrottle throttle;
    private final String hostname;
    /** Where STARTTLS gets its context; null where STARTTLS is not offered. */
    private final SslContextSource tls;

    private final Deque<SmtpFrame> queue = new ArrayDeque<>();
    /** A post-office call is in flight. */
    private boolean busy;
    /** Frames are being processed further up the stack; guards against re-entry from the decoder. */
    private boolean running;
    /** The last reply is out or the peer is gone: nothing more is processed. */
    private boolean closing;
    private CommandPacer pacer;
    /** A timer will drain again once the pacer lets the next frame go. */
    private boolean paced;

    SmtpConnectionHandler(SmtpDispatcher dispatcher, SmtpFrameDecoder decoder, ReadThrottle throttle, String hostname,
                          SslContextSource tls) {
        this.dispatcher = dispatcher;
        this.decoder = decoder;
        this.throttle = throttle;
        this.hostname = hostname;
        this.tls = tls;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        pacer = CommandPacer.of(ctx.channel());
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        // RFC 5321 §4.2 / RFC 2034 §3: the greeting carries no enhanced status code.
        ctx.writeAndFlush(SmtpReply.plain(220, hostname + " ESMTP Posthorn"));
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof SmtpFrame frame)) {
            ctx.fireChannelRead(msg);
            return;
        }
        if (closing) {
            return;
        }
        queue.add(frame);
        if (queue.size() >= MAX_QUEUED) {
            throttle.hold(ReadThrottle.Reason.COMMANDS_QUEUED);
        }
        drain(ctx);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        ctx.flush();
        ctx.fireChannelReadComplete();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (!(event instanceof IdleStateEvent) && event != SessionExpiredEvent.INSTANCE) {
            ctx.fireUserEventTriggered(event);
            return;
        }
        // Both come again while a command is under way; a half-received command or message is dropped.
        if (!busy && !closing && queue.isEmpty()) {
            closeWith(ctx, SmtpReply.of(421, "4.4.2", hostname + (event instanceof IdleStateEvent
                    ? " Error: timeout exceeded" : " Error: session time limit exceeded")));
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        closing = true;
        queue.clear();
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof IOException || TlsPipeline.isTlsFailure(cause)) {
            LOG.log(Level.FINE, cause, () -> "smtp connection " + ctx.channel().remoteAddress() + " failed");
            ctx.close();
            return;
        }
        LOG.log(Level.WARNING, cause, () -> "smtp connection " + ctx.channel().remoteAddress() + ": internal error");
        if (!closing) {
            closeWith(ctx, SmtpReply.of(421, "4.3.0", hostname + " Error: internal error, closing connection"));
        }
    }

    /** Processes queued frames until the queue is empty, a call is in flight, or the session ends. */
    private void drain(ChannelHandlerContext ctx) {
        if (running) {
            return;
        }
        running = true;
        try {
            while (!busy && !closing && !paced && !queue.isEmpty()) {
                if (pacer.exhausted()) {
                    LOG.info(() -> "smtp connection " + ctx.channel().remoteAddress() + ": command limit of one session reached");
                    closeWith(ctx, SmtpReply.of(421, "4.7.0", hostname + " Error: too many commands, closing connection"));
                    break;
                }
                long wait = pacer.nanosBeforeNext();
                if (wait > 0) {
                    drainLater(ctx, wait);
                    break;
                }
                SmtpFrame frame = queue.poll();
                pacer.taken();
                apply(ctx, frame, dispatcher.process(frame));
            }
        } finally {
            running = false;
        }
        if (queue.isEmpty()) {
            throttle.release(ReadThrottle.Reason.COMMANDS_QUEUED);
        }
    }

    private void drainLater(ChannelHandlerContext ctx, long nanos) {
        paced = true;
        ctx.executor().schedule(() -> {
            paced = false;
            drain(ctx);
            ctx.flush();
        }, nanos, TimeUnit.NANOSECONDS);
    }

    private void apply(ChannelHandlerContext ctx, SmtpFrame frame, Outcome outcome) {
        if (outcome instanceof Outcome.Pending<?> pending) {
            await(ctx, frame, pending);
            return;
        }
        if (outcome instanceof Outcome.StartTls startTls) {
            startTls(ctx, startTls);
            return;
        }
        if (outcome instanceof Outcome.Delay delay) {
            busy = true;
            ctx.flush();
            ctx.executor().schedule(() -> resumeWith(ctx, frame, delay::then), delay.delay().toNanos(), TimeUnit.NANOSECONDS);
            return;
        }
        Outcome.Done done = (Outcome.Done) outcome;
        if (done.close()) {
            closeWith(ctx, done.reply());
            return;
        }
        ctx.write(done.reply());
        boolean holdsFraming = frame instanceof CommandLine line && line.holdsFraming() || frame instanceof SaslLine;
        if (holdsFraming) {
            decoder.resume(done.next());
        } else if (done.next() != InputMode.COMMANDS) {
            throw new IllegalStateException("only a command that paused the decoder can change the framing");
        }
    }

    private void startTls(ChannelHandlerContext ctx, Outcome.StartTls startTls) {
        if (tls == null) {
            throw new IllegalStateException("STARTTLS accepted on a listener without TLS");
        }
        // In clear text, ahead of the TLS handler that goes in next.
        ctx.writeAndFlush(startTls.reply());
        TlsPipeline.addFirst(ctx.channel(), tls);
        // The decoder paused after STARTTLS, so nothing behind it has been framed: the queue is empty and
        // the injected bytes, if any, are all still in the decoder.
        queue.clear();
        int discarded = decoder.discardUnread();
        if (discarded > 0) {
            LOG.info(() -> "smtp connection " + ctx.channel().remoteAddress() + ": discarded " + discarded
                    + " octets sent in clear text after STARTTLS");
        }
        decoder.resume(InputMode.COMMANDS);
    }

    private <T> void await(ChannelHandlerContext ctx, SmtpFrame frame, Outcome.Pending<T> pending) {
        busy = true;
        pending.call().whenCompleteAsync((value, failure) -> resumeWith(ctx, frame, () -> pending.then().apply(value, failure)),
                ctx.executor());
    }

    /** On the event loop, once a call or a delay is over: applies its outcome and goes on with the queue. */
    private void resumeWith(ChannelHandlerContext ctx, SmtpFrame frame, Supplier<Outcome> outcome) {
        busy = false;
        if (closing) {
            return;
        }
        running = true;
        try {
            apply(ctx, frame, outcome.get());
        } catch (RuntimeException e) {
            exceptionCaught(ctx, e);
            return;
        } finally {
            running = false;
        }
        drain(ctx);
        if (!busy) {
            ctx.flush();
        }
    }

    private void closeWith(ChannelHandlerContext ctx, SmtpReply reply) {
        closing = true;
        queue.clear();
        ctx.writeAndFlush(reply).addListener(ChannelFutureListener.CLOSE);
    }
}
