package org.posthorn.connector.imap;

import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.timeout.IdleStateHandler;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.posthorn.connector.auth.LoginThrottle;
import org.posthorn.connector.auth.ScramServers;
import org.posthorn.connector.endpoint.PostOffice;
import org.posthorn.connector.imap.command.ImapConfig;
import org.posthorn.connector.imap.command.ImapDispatcher;
import org.posthorn.connector.imap.encode.ImapResponseEncoder;
import org.posthorn.connector.server.Protocol;
import org.posthorn.connector.tls.SslContextSource;
import org.posthorn.connector.tls.TlsPipeline;
import org.posthorn.connector.watch.MailboxWatchers;
import org.posthorn.settings.Setting;
import org.posthorn.settings.Settings;
import org.posthorn.spi.ClientConnection;
import org.posthorn.spi.auth.AuthenticationListener;
import org.posthorn.spi.imap.MailboxStoreListener;

/**
 * IMAP as the listener host sees it: {@code imap} (clear text, with STARTTLS where it has TLS
 * credentials, RFC 3501 §6.2.1) or {@code imaps} (implicit TLS, RFC 8314 §3.3). The listeners of one
 * adapter share its {@link LoginThrottle} and its {@link MailboxWatchers}.
 *
 * <p>Pipeline of a connection, from the socket: TLS (from the start on imaps, after STARTTLS on imap),
 * idle timer, response encoder, {@link ImapSessionHandler} (which decodes input as it gets to it).
 */
public final class ImapProtocol implements Protocol {

    private final String name;
    private final Setting<Integer> port;
    private final ImapConfig config;
    private final ImapDispatcher dispatcher;
    private final MailboxWatchers watchers;
    private final ImapResponseEncoder encoder = new ImapResponseEncoder();
    private final Optional<SslContextSource> tls;
    private final boolean implicitTls;

    private ImapProtocol(PostOffice postOffice, ImapConfig config, LoginThrottle throttle, ScramServers scram,
                         MailboxWatchers watchers, Optional<SslContextSource> tls, boolean implicitTls) {
        this.config = Objects.requireNonNull(config, "config");
        this.watchers = Objects.requireNonNull(watchers, "watchers");
        this.tls = Objects.requireNonNull(tls, "tls");
        this.implicitTls = implicitTls;
        this.name = implicitTls ? "imaps" : "imap";
        this.port = implicitTls ? Settings.IMAPS_PORT : Settings.IMAP_PORT;
        this.dispatcher = new ImapDispatcher(postOffice, throttle, scram, config, tls.isPresent() && !implicitTls);
    }

    /** {@code imap} on {@code posthorn.imap.port}, offering STARTTLS with {@code tls} if it is there. */
    public static ImapProtocol plain(PostOffice postOffice, ImapConfig config, LoginThrottle throttle,
                                     ScramServers scram, MailboxWatchers watchers, Optional<SslContextSource> tls) {
        return new ImapProtocol(postOffice, config, throttle, scram, watchers, tls, false);
    }

    /** {@code imaps} on {@code posthorn.imaps.port}: TLS from the first byte (RFC 8314 §3.3). */
    public static ImapProtocol implicitTls(PostOffice postOffice, ImapConfig config, LoginThrottle throttle,
                                           ScramServers scram, MailboxWatchers watchers, SslContextSource tls) {
        return new ImapProtocol(postOffice, config, throttle, scram, watchers, Optional.of(tls), true);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Setting<Integer> portSetting() {
        return port;
    }

    @Override
    public Set<Class<?>> requiredListeners() {
        return Set.of(MailboxStoreListener.class, AuthenticationListener.class);
    }

    @Override
    public String tooBusyReply() {
        return "* BYE [UNAVAILABLE] Too many connections, try again later\r\n";
    }

    @Override
    public Duration maxSessionDuration() {
        return Settings.IMAP_MAX_SESSION.get();
    }

    @Override
    public void initChannel(SocketChannel channel) {
        if (implicitTls) {
            TlsPipeline.addFirst(channel, tls.orElseThrow());
        }
        initPipeline(channel.pipeline(), new ClientConnection(name, channel.remoteAddress(), implicitTls, Optional.empty()));
    }

    /** Adds the handlers of one connection from {@code client}; tests use it with an embedded channel. */
    void initPipeline(ChannelPipeline pipeline, ClientConnection client) {
        pipeline.addLast("idle", new IdleStateHandler(0, 0, config.idleTimeout().toMillis(), TimeUnit.MILLISECONDS));
        pipeline.addLast("encoder", encoder);
        pipeline.addLast("session", new ImapSessionHandler(dispatcher, config, watchers, client,
                implicitTls ? null : tls.orElse(null)));
    }
}
