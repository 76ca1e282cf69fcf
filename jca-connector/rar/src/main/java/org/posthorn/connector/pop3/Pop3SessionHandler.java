package org.posthorn.connector.pop3;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.concurrent.Future;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.posthorn.connector.codec.LineFramer;
import org.posthorn.connector.pop3.command.Outcome;
import org.posthorn.connector.pop3.command.Pop3Dispatcher;
import org.posthorn.connector.pop3.command.Pop3Session;
import org.posthorn.connector.pop3.command.Replies;
import org.posthorn.connector.pop3.decode.InputLine;
import org.posthorn.connector.pop3.decode.SaslResponse;
import org.posthorn.connector.pop3.encode.Pop3Response;
import org.posthorn.connector.server.PulledInputHandler;
import org.posthorn.connector.server.SessionExpiredEvent;
import org.posthorn.connector.tls.SslContextSource;
import org.posthorn.connector.tls.TlsPipeline;
import org.posthorn.spi.ClientConnection;

/**
 * One POP3 connection. Keeps what the client sent as bytes and frames one line at a time as it gets
 * to it, has the dispatcher process it, and carries out the {@link Outcome} on the channel's event
 * loop. While a post-office call, a delayed reply or a streamed message is under way, the following
 * lines stay unread in the buffer, so pipelined commands (RFC 2449 §6.6) are answered strictly in
 * order. Results of post-office calls arrive on a worker thread and are handed back to the event
 * loop before they touch the session.
 *
 * <p>Back-pressure: when more than {@link #PAUSE_READING_OCTETS} wait unprocessed, or the client does
 * not read its replies, reading from the socket pauses, so a connection holds at most about one
 * socket read beyond that. The session ends however the connection ends, and its maildrop lock goes
 * with it; without QUIT nothing is removed (RFC 1939 §6).
 */
final class Pop3SessionHandler extends PulledInputHandler {

    private static final Logger LOG = Logger.getLogger(Pop3SessionHandler.class.getName());

    static final Pop3Response GREETING = new Pop3Response.Ok("Posthorn POP3 server ready");
    /** Reading from the socket pauses while more unprocessed octets than this wait. */
    static final int PAUSE_READING_OCTETS = 16 * 1024;

    private final Pop3Dispatcher dispatcher;
    /** Where STLS gets its context; null where STLS is not offered. */
    private final SslContextSource tls;
    /** Replaced by a fresh one when STLS succeeds. */
    private Pop3Session session;
    /** The longest line of any kind is a SASL response; command lines get their own limit later. */
    private final LineFramer framer = new LineFramer(SaslResponse.MAX_OCTETS + 2);

    Pop3SessionHandler(Pop3Dispatcher dispatcher, ClientConnection client, SslContextSource tls) {
        super("pop3", PAUSE_READING_OCTETS);
        this.dispatcher = dispatcher;
        this.session = new Pop3Session(client);
        this.tls = tls;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        ctx.writeAndFlush(GREETING);
        ctx.fireChannelActive();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof IdleStateEvent) {
            // RFC 1939 §3: an autologout timer may close the session without a response; no UPDATE.
            LOG.fine(() -> "pop3: idle timeout, closing connection from " + session.client().remoteAddress());
            end();
            ctx.close();
            return;
        }
        if (event == SessionExpiredEvent.INSTANCE) {
            // Like the autologout timer, but never while a message is being sent: the event comes again.
            if (!waiting()) {
                LOG.fine(() -> "pop3: session time limit, closing connection from " + session.client().remoteAddress());
                end();
                ctx.close();
            }
            return;
        }
        ctx.fireUserEventTriggered(event);
    }

    @Override
    protected void sessionEnded() {
        session.releaseLock();
    }

    @Override
    protected Object client() {
        return session.client().remoteAddress();
    }

    /** Like the autologout (RFC 1939 §3): no UPDATE, so nothing marked is removed; {@code -ERR} says why. */
    @Override
    protected void commandLimitReached() {
        LOG.info(() -> "pop3: command limit of one session reached, closing connection from " + client());
        end();
        ctx().writeAndFlush(new Pop3Response.Err(Optional.empty(), "Too many commands in one session, closing connection"))
                .addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    protected boolean processNext(ByteBuf received) {
        LineFramer.Line line = framer.next(received);
        if (line == null) {
            return false;
        }
        carryOut(() -> dispatcher.process(InputLine.of(line), session));
        return true;
    }

    private void carryOut(Supplier<Outcome> step) {
        Outcome outcome;
        try {
            outcome = step.get();
        } catch (RuntimeException bug) {
            LOG.log(Level.SEVERE, "pop3: internal error processing a command from " + session.client().remoteAddress(), bug);
            outcome = Outcome.close(Replies.TEMPORARY_FAILURE);
        }
        if (outcome instanceof Outcome.Reply reply) {
            send(dispatcher.settle(reply, session));
        } else if (outcome instanceof Outcome.Await<?> await) {
            awaitCall(await);
        } else if (outcome instanceof Outcome.Delay delay) {
            pause();
            ctx().flush();
            ctx().executor().schedule(() -> resume(() -> carryOut(delay::then)), delay.delay().toNanos(),
                    TimeUnit.NANOSECONDS);
        }
    }

    private <R> void awaitCall(Outcome.Await<R> await) {
        afterCall(await.call(), result -> carryOut(() -> await.then().apply(result)), () -> carryOut(await.onFailure()));
    }

    private void send(Outcome.Reply reply) {
        if (reply.after() == Outcome.After.CLOSE) {
            // The maildrop is free before the client reads the last reply, so it can reconnect at once.
            end();
            ctx().writeAndFlush(reply.response()).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        if (reply.after() == Outcome.After.START_TLS) {
            startTls(reply.response());
            return;
        }
        ChannelFuture written = ctx().write(reply.response());
        if (reply.response() instanceof Pop3Response.Message) {
            // One message in flight at a time: the next one is not fetched before the client has read this.
            pause();
            written.addListener(this::messageWritten);
        }
    }

    /**
     * STLS was accepted (RFC 2595 §4): the {@code +OK} goes out in clear text, then the TLS handler goes
     * first in the pipeline, then every byte the client sent behind STLS and that is still unread here is
     * discarded, so clear text injected behind the command is never executed (the STARTTLS injection of
     * CVE-2011-0411 and kin). What arrives from now on passes through TLS. The session starts over.
     */
    private void startTls(Pop3Response goAhead) {
        if (tls == null) {
            throw new IllegalStateException("STLS accepted on a listener without TLS");
        }
        ctx().writeAndFlush(goAhead);
        TlsPipeline.addFirst(ctx().channel(), tls);
        int discarded = discardReceived();
        if (discarded > 0) {
            LOG.info(() -> "pop3: discarded " + discarded + " octets sent in clear text after STLS by "
                    + session.client().remoteAddress());
        }
        ClientConnection before = session.client();
        session.releaseLock();
        session = new Pop3Session(new ClientConnection(before.service(), before.remoteAddress(), true, Optional.empty()));
    }

    private void messageWritten(Future<? super Void> future) {
        if (!future.isSuccess()) {
            LOG.log(Level.FINE, future.cause(), () -> "pop3: sending a message to " + session.client().remoteAddress() + " failed");
            end();
            ctx().close();
            return;
        }
        resume(() -> { });
    }
}
