package org.posthorn.connector.pop3;

import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.stream.ChunkedWriteHandler;
import io.netty.handler.timeout.IdleStateHandler;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.posthorn.connector.auth.LoginThrottle;
import org.posthorn.connector.auth.ScramServers;
import org.posthorn.connector.auth.ThrottleLimits;
import org.posthorn.connector.endpoint.PostOffice;
import org.posthorn.connector.pop3.command.CommandTable;
import org.posthorn.connector.pop3.command.MaildropLocks;
import org.posthorn.connector.pop3.command.Pop3Dispatcher;
import org.posthorn.connector.pop3.encode.Pop3ResponseEncoder;
import org.posthorn.connector.server.Protocol;
import org.posthorn.connector.tls.SslContextSource;
import org.posthorn.connector.tls.TlsPipeline;
import org.posthorn.settings.Setting;
import org.posthorn.settings.Settings;
import org.posthorn.spi.ClientConnection;
import org.posthorn.spi.auth.AuthenticationListener;
import org.posthorn.spi.pop3.MaildropListener;

/**
 * POP3 as the listener host sees it: {@code pop3} (clear text, with STLS where it has TLS credentials,
 * RFC 2595 §4) or {@code pop3s} (implicit TLS, RFC 8314 §3.3). The listeners of one adapter share one
 * {@link MaildropLocks}, which keeps two sessions off one maildrop whichever port they came in on,
 * and one {@link LoginThrottle}, which counts failed logins whichever port (or protocol) they came in on;
 * each has the command table every one of its connections shares.
 *
 * <p>Pipeline of a connection, from the socket: TLS (from the start on pop3s, after STLS on pop3),
 * idle timer, chunked writer (streams messages), response encoder, {@link Pop3SessionHandler} (which
 * frames lines as it gets to them).
 */
public final class Pop3Protocol implements Protocol {

    private final String name;
    private final Setting<Integer> port;
    private final Pop3Config config;
    private final Pop3Dispatcher dispatcher;
    private final MaildropLocks locks;
    private final Pop3ResponseEncoder encoder = new Pop3ResponseEncoder();
    /** STLS's or the implicit TLS's contexts; empty: no TLS at all. */
    private final Optional<SslContextSource> tls;
    private final boolean implicitTls;

    /** Clear-text POP3 without STLS, with its own maildrop locks and login throttle (from settings); for tests. */
    public Pop3Protocol(PostOffice postOffice, Pop3Config config) {
        this(postOffice, config, new MaildropLocks(), new LoginThrottle(ThrottleLimits.fromSettings(), Clock.systemUTC()),
                ScramServers.ephemeral(), Optional.empty(), false);
    }

    private Pop3Protocol(PostOffice postOffice, Pop3Config config, MaildropLocks locks, LoginThrottle throttle,
                         ScramServers scram, Optional<SslContextSource> tls, boolean implicitTls) {
        this.config = Objects.requireNonNull(config, "config");
        this.locks = Objects.requireNonNull(locks, "locks");
        this.tls = Objects.requireNonNull(tls, "tls");
        this.implicitTls = implicitTls;
        this.name = implicitTls ? "pop3s" : "pop3";
        this.port = implicitTls ? Settings.POP3S_PORT : Settings.POP3_PORT;
        boolean stls = tls.isPresent() && !implicitTls;
        this.dispatcher = new Pop3Dispatcher(CommandTable.standard(postOffice, locks, throttle, scram, config, stls),
                config.maxErrors());
    }

    /** {@code pop3} on {@code posthorn.pop3.port}, offering STLS with {@code tls} if it is there. */
    public static Pop3Protocol plain(PostOffice postOffice, Pop3Config config, MaildropLocks locks, LoginThrottle throttle,
                                     ScramServers scram, Optional<SslContextSource> tls) {
        return new Pop3Protocol(postOffice, config, locks, throttle, scram, tls, false);
    }

    /** {@code pop3s} on {@code posthorn.pop3s.port}: TLS from the first byte (RFC 8314 §3.3). */
    public static Pop3Protocol implicitTls(PostOffice postOffice, Pop3Config config, MaildropLocks locks,
                                           LoginThrottle throttle, ScramServers scram, SslContextSource tls) {
        return new Pop3Protocol(postOffice, config, locks, throttle, scram, Optional.of(tls), true);
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
        return Set.of(MaildropListener.class, AuthenticationListener.class);
    }

    @Override
    public String tooBusyReply() {
        // On pop3s this would have to go through TLS; the listener host sends it in clear text, which a
        // TLS client reads as a failed handshake: refused either way.
        return "-ERR [SYS/TEMP] Too many connections, try again later\r\n";
    }

    @Override
    public Duration maxSessionDuration() {
        return Settings.POP3_MAX_SESSION.get();
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
        pipeline.addLast("chunked", new ChunkedWriteHandler());
        pipeline.addLast("encoder", encoder);
        pipeline.addLast("session", new Pop3SessionHandler(dispatcher, client, implicitTls ? null : tls.orElse(null)));
    }

    /** The locks of this adapter's sessions; for tests. */
    MaildropLocks locks() {
        return locks;
    }
}
