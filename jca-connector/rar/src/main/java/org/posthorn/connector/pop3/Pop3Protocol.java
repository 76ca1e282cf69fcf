package org.posthorn.connector.pop3;

import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.stream.ChunkedWriteHandler;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.posthorn.connector.endpoint.PostOffice;
import org.posthorn.connector.pop3.command.CommandTable;
import org.posthorn.connector.pop3.command.MaildropLocks;
import org.posthorn.connector.pop3.command.Pop3Dispatcher;
import org.posthorn.connector.pop3.encode.Pop3ResponseEncoder;
import org.posthorn.connector.server.Protocol;
import org.posthorn.settings.Setting;
import org.posthorn.settings.Settings;
import org.posthorn.spi.ClientConnection;
import org.posthorn.spi.auth.AuthenticationListener;
import org.posthorn.spi.pop3.MaildropListener;

/**
 * POP3 as the listener host sees it. One instance per resource adapter: it owns the maildrop locks
 * that keep two sessions off one maildrop, and the command table every connection shares.
 *
 * <p>Pipeline of a connection, from the socket: idle timer, chunked writer (streams messages),
 * response encoder, {@link Pop3SessionHandler} (which frames lines as it gets to them).
 */
public final class Pop3Protocol implements Protocol {

    private final Pop3Config config;
    private final Pop3Dispatcher dispatcher;
    private final MaildropLocks locks = new MaildropLocks();
    private final Pop3ResponseEncoder encoder = new Pop3ResponseEncoder();

    public Pop3Protocol(PostOffice postOffice, Pop3Config config) {
        this.config = config;
        this.dispatcher = new Pop3Dispatcher(
                CommandTable.standard(postOffice, locks, config.hostname(), config.authFailureDelay()), config.maxErrors());
    }

    @Override
    public String name() {
        return "pop3";
    }

    @Override
    public Setting<Integer> portSetting() {
        return Settings.POP3_PORT;
    }

    @Override
    public Set<Class<?>> requiredListeners() {
        return Set.of(MaildropListener.class, AuthenticationListener.class);
    }

    @Override
    public String tooBusyReply() {
        return "-ERR [SYS/TEMP] Too many connections, try again later\r\n";
    }

    @Override
    public void initChannel(SocketChannel channel) {
        initPipeline(channel.pipeline(), new ClientConnection(name(), channel.remoteAddress(), false, Optional.empty()));
    }

    /** Adds the handlers of one connection from {@code client}; tests use it with an embedded channel. */
    void initPipeline(ChannelPipeline pipeline, ClientConnection client) {
        pipeline.addLast("idle", new IdleStateHandler(0, 0, config.idleTimeout().toMillis(), TimeUnit.MILLISECONDS));
        pipeline.addLast("chunked", new ChunkedWriteHandler());
        pipeline.addLast("encoder", encoder);
        pipeline.addLast("session", new Pop3SessionHandler(dispatcher, client));
    }

    /** The locks of this adapter's sessions; for tests. */
    MaildropLocks locks() {
        return locks;
    }
}
