package org.posthorn.connector.imap;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.timeout.IdleStateEvent;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.posthorn.connector.imap.command.ImapConfig;
import org.posthorn.connector.imap.command.ImapDispatcher;
import org.posthorn.connector.imap.command.ImapSession;
import org.posthorn.connector.imap.command.Outcome;
import org.posthorn.connector.imap.command.SelectedMailbox;
import org.posthorn.connector.imap.decode.ContinuationRequest;
import org.posthorn.connector.imap.decode.DecodeLimits;
import org.posthorn.connector.imap.decode.ImapDecoder;
import org.posthorn.connector.imap.decode.ImapInput;
import org.posthorn.connector.imap.encode.ImapResponse;
import org.posthorn.connector.server.PulledInputHandler;
import org.posthorn.connector.server.SessionExpiredEvent;
import org.posthorn.connector.tls.SslContextSource;
import org.posthorn.connector.tls.TlsPipeline;
import org.posthorn.connector.watch.MailboxWatchers;
import org.posthorn.spi.ClientConnection;

/**
 * One IMAP connection. Keeps what the client sent as bytes and decodes one input at a time as it gets
 * to it, has the dispatcher process it, and carries out the {@link Outcome} on the channel's event loop.
 * While a post-office call, a delay or a batch of responses is under way, later input stays unread in
 * the buffer, so pipelined commands are answered in order. Results of post-office calls arrive on a
 * worker thread and are handed back to the event loop before they touch the session.
 *
 * <p>Live mailboxes: while a mailbox is selected the session watches it in the adapter's
 * {@link MailboxWatchers}; an announcement marks the session's view stale (the next command reports the
 * news) or, during IDLE, makes the news go out at once. No timer or thread per connection.
 *
 * <p>Back-pressure: when more than {@link #PAUSE_READING_OCTETS} wait undecoded, or the client does not
 * read its responses, reading from the socket pauses. The decoder itself bounds what one command may
 * hold (literals are refused by their announced size before they are read).
 */
final class ImapSessionHandler extends PulledInputHandler implements ImapSession.Watcher {

    private static final Logger LOG = Logger.getLogger(ImapSessionHandler.class.getName());

    /** Reading from the socket pauses while more undecoded octets than this wait. */
    static final int PAUSE_READING_OCTETS = 64 * 1024;

    private final ImapDispatcher dispatcher;
    private final ImapConfig config;
    private final MailboxWatchers watchers;
    /** Where STARTTLS gets its context; null where it is not offered. */
    private final SslContextSource tls;
    private ImapSession session;
    private ImapDecoder decoder = new ImapDecoder(DecodeLimits.beforeAuthentication());
    private MailboxWatchers.Registration registration;
    private boolean idling;
    private boolean pushing;
    private boolean pushAgain;

    ImapSessionHandler(ImapDispatcher dispatcher, ImapConfig config, MailboxWatchers watchers, ClientConnection client,
                       SslContextSource tls) {
        super("imap", PAUSE_READING_OCTETS);
        this.dispatcher = dispatcher;
        this.config = config;
        this.watchers = watchers;
        this.tls = tls;
        this.session = new ImapSession(client, this);
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        ctx.writeAndFlush(dispatcher.greeting(session));
        ctx.fireChannelActive();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof IdleStateEvent) {
            // RFC 3501 §5.4: the autologout timer; IDLE counts as silence too (RFC 2177 §3).
            LOG.fine(() -> "imap: idle timeout, closing connection from " + session.client().remoteAddress());
            end();
            ctx.writeAndFlush(new ImapResponse.Untagged(ImapResponse.Status.BYE, Optional.empty(),
                    "Autologout; idle for too long")).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        if (event == SessionExpiredEvent.INSTANCE) {
            // Between commands (IDLE counts as between); while a post-office call or a push is under way
            // the event comes again. A half-received command, literal included, is dropped.
            if (!waiting() && !pushing) {
                LOG.fine(() -> "imap: session time limit, closing connection from " + session.client().remoteAddress());
                end();
                ctx.writeAndFlush(new ImapResponse.Untagged(ImapResponse.Status.BYE, Optional.empty(),
                        "Session time limit reached, please reconnect")).addListener(ChannelFutureListener.CLOSE);
            }
            return;
        }
        ctx.fireUserEventTriggered(event);
    }

    @Override
    protected void sessionEnded() {
        session.end();
    }

    @Override
    protected Object client() {
        return session.client().remoteAddress();
    }

    /** RFC 3501 §7.1.5: BYE when the server closes the connection on its own. */
    @Override
    protected void commandLimitReached() {
        LOG.info(() -> "imap: command limit of one session reached, closing connection from " + client());
        end();
        ctx().writeAndFlush(new ImapResponse.Untagged(ImapResponse.Status.BYE, Optional.empty(),
                "Too many commands in one session, please reconnect")).addListener(ChannelFutureListener.CLOSE);
    }

    // --- watching the selected mailbox (ImapSession.Watcher)

    @Override
    public void watch(String account, String mailbox, SelectedMailbox selected) {
        unwatch();
        registration = watchers.watch(account, mailbox, () -> ctx().executor().execute(() -> announced(selected)));
    }

    @Override
    public void unwatch() {
        if (registration != null) {
            registration.cancel();
            registration = null;
        }
    }

    /** The post office changed the mailbox; on the event loop. */
    private void announced(SelectedMailbox selected) {
        if (ended() || session.selected().orElse(null) != selected) {
            return;
        }
        selected.markStale();
        if (idling) {
            push();
        }
    }

    /** Sends the news of the selected mailbox during IDLE; one look at a time, another if more was announced meanwhile. */
    private void push() {
        if (pushing || waiting()) {
            pushAgain = true;
            return;
        }
        pushing = true;
        pushAgain = false;
        carryOut(() -> dispatcher.idleUpdates(session));
    }

    // --- input

    @Override
    protected boolean processNext(ByteBuf received) {
        ImapInput input = decoder.next(received);
        if (input == null) {
            return false;
        }
        if (input instanceof ContinuationRequest) {
            ctx().writeAndFlush(new ImapResponse.Continuation("Ready for literal data"));
        } else {
            carryOut(() -> dispatcher.process(input, session));
        }
        return true;
    }

    private void carryOut(Supplier<Outcome> step) {
        Outcome outcome;
        try {
            outcome = step.get();
        } catch (RuntimeException bug) {
            LOG.log(Level.SEVERE, "imap: internal error processing a command from " + session.client().remoteAddress(), bug);
            outcome = new Outcome.Done(List.of(new ImapResponse.Untagged(ImapResponse.Status.BYE, Optional.empty(),
                    "Internal server error, closing connection")), Outcome.After.CLOSE);
        }
        if (outcome instanceof Outcome.Done done) {
            finish(dispatcher.settle(done, session));
        } else if (outcome instanceof Outcome.Send send) {
            sendThen(send);
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

    /** Writes a batch of responses and goes on once the client has taken them (back-pressure). */
    private void sendThen(Outcome.Send send) {
        if (send.responses().isEmpty()) {
            carryOut(send::then);
            return;
        }
        pause();
        ChannelFuture last = null;
        for (ImapResponse response : send.responses()) {
            last = ctx().write(response);
        }
        ctx().flush();
        last.addListener(written -> {
            if (!written.isSuccess()) {
                LOG.log(Level.FINE, written.cause(), () -> "imap: writing to " + session.client().remoteAddress() + " failed");
                end();
                ctx().close();
                return;
            }
            resume(() -> carryOut(send::then));
        });
    }

    private void finish(Outcome.Done done) {
        boolean wasPush = pushing;
        pushing = false;
        if (done.after() == Outcome.After.CLOSE) {
            end();
            List<ImapResponse> last = done.responses();
            if (last.isEmpty()) {
                ctx().close();
                return;
            }
            writeAll(last.subList(0, last.size() - 1));
            ctx().writeAndFlush(last.get(last.size() - 1)).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        if (done.after() == Outcome.After.START_TLS) {
            startTls(done.responses());
            return;
        }
        writeAll(done.responses());
        switch (done.after()) {
            case SASL_RESPONSE -> decoder.expectSaslResponse();
            case AUTHENTICATED -> decoder.useLimits(config.authenticatedLimits());
            case IDLE -> {
                if (!idling) {
                    idling = true;
                    decoder.expectIdleDone();
                    ctx().flush();
                    push();
                }
            }
            default -> {
            }
        }
        if (done.after() != Outcome.After.IDLE && session.idleTag().isEmpty()) {
            idling = false;
        }
        if (wasPush && pushAgain && idling) {
            ctx().flush();
            push();
        }
    }

    private void writeAll(List<ImapResponse> responses) {
        for (ImapResponse response : responses) {
            ctx().write(response);
        }
    }

    /**
     * STARTTLS was accepted (RFC 3501 §6.2.1): the OK goes out in clear text, then TLS goes first in the
     * pipeline, and every byte the client sent behind STARTTLS that is still unread is discarded, so
     * clear text injected behind the command is never executed (CVE-2011-0411 and kin). The session
     * starts over on the secure connection, with a fresh decoder.
     */
    private void startTls(List<ImapResponse> goAhead) {
        if (tls == null) {
            throw new IllegalStateException("STARTTLS accepted on a listener without TLS");
        }
        writeAll(goAhead);
        ctx().flush();
        TlsPipeline.addFirst(ctx().channel(), tls);
        boolean injected = discardReceived() > 0 || decoder.holdsPartialInput();
        if (injected) {
            LOG.info(() -> "imap: discarded octets sent in clear text after STARTTLS by " + session.client().remoteAddress());
        }
        decoder = new ImapDecoder(DecodeLimits.beforeAuthentication());
        ClientConnection before = session.client();
        session.end();
        session = new ImapSession(new ClientConnection(before.service(), before.remoteAddress(), true, Optional.empty()), this);
    }
}
