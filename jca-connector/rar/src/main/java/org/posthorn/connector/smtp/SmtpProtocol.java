package org.posthorn.connector.smtp;

import io.netty.channel.Channel;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.timeout.IdleStateHandler;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.posthorn.connector.endpoint.PostOffice;
import org.posthorn.connector.server.Protocol;
import org.posthorn.connector.smtp.command.SmtpCommandTable;
import org.posthorn.connector.smtp.command.SmtpDispatcher;
import org.posthorn.connector.smtp.command.SmtpLogin;
import org.posthorn.connector.smtp.command.SmtpSession;
import org.posthorn.connector.smtp.decode.MessageSpool;
import org.posthorn.connector.smtp.decode.ReadThrottle;
import org.posthorn.connector.smtp.decode.SmtpFrameDecoder;
import org.posthorn.connector.smtp.encode.ReplyFormatter;
import org.posthorn.connector.smtp.encode.SmtpReply;
import org.posthorn.connector.smtp.encode.SmtpReplyEncoder;
import org.posthorn.connector.tls.SslContextSource;
import org.posthorn.connector.tls.TlsPipeline;
import org.posthorn.settings.Setting;
import org.posthorn.settings.Settings;
import org.posthorn.spi.ClientConnection;
import org.posthorn.spi.auth.AuthenticationListener;
import org.posthorn.spi.smtp.SmtpTransactionListener;

/**
 * The SMTP server of RFC 5321 as a {@link Protocol} of the listener host, in three services:
 * <ul>
 *   <li>{@code smtp}, the MX (port 25; {@link #SmtpProtocol(PostOffice, SmtpConfig, SslContextSource)}):
 *       STARTTLS (RFC 3207) when given TLS credentials, no AUTH;</li>
 *   <li>{@code submission} (port 587, RFC 6409; {@link #submission}): STARTTLS and AUTH (RFC 4954),
 *       AUTH required before a mail transaction;</li>
 *   <li>{@code smtps} (port 465, RFC 8314 §3.3; {@link #smtps}): the same with TLS from the first
 *       octet instead of STARTTLS.</li>
 * </ul>
 * Per connection the pipeline is: TLS (from the start on smtps, once STARTTLS succeeded elsewhere) →
 * idle timer → {@link SmtpFrameDecoder} (bytes to frames) → {@link SmtpReplyEncoder} (replies to
 * bytes) → {@link SmtpConnectionHandler} (frames to replies through the {@link SmtpDispatcher}).
 */
public final class SmtpProtocol implements Protocol {

    private static final SmtpReplyEncoder ENCODER = new SmtpReplyEncoder();

    private final PostOffice postOffice;
    private final SmtpConfig config;
    private final Setting<Integer> port;
    private final SmtpCommandTable table;

    private final Supplier<MessageSpool> spools;
    private final long maxHeaderSize = Settings.MAX_HEADER_SIZE.get();
    /** STARTTLS's or the implicit TLS's contexts; empty: no TLS at all. */
    private final Optional<SslContextSource> tls;
    private final boolean implicitTls;
    private final boolean takesLogins;

    /** The MX service without STARTTLS, with message spooling as {@link Settings} configure it. */
    public SmtpProtocol(PostOffice postOffice, SmtpConfig config) {
        this(postOffice, config, spoolsFromSettings(), Optional.empty());
    }

    /** The MX service offering STARTTLS with {@code tls}, with message spooling as {@link Settings} configure it. */
    public SmtpProtocol(PostOffice postOffice, SmtpConfig config, SslContextSource tls) {
        this(postOffice, config, spoolsFromSettings(), Optional.of(tls));
    }

    /** The MX service whose incoming messages go to the spools {@code spools} makes, with STARTTLS if {@code tls} is there. */
    public SmtpProtocol(PostOffice postOffice, SmtpConfig config, Supplier<MessageSpool> spools,
                        Optional<SslContextSource> tls) {
        this(postOffice, config, Settings.SMTP_PORT, spools, tls, false, Optional.empty());
    }

    private SmtpProtocol(PostOffice postOffice, SmtpConfig config, Setting<Integer> port, Supplier<MessageSpool> spools,
                         Optional<SslContextSource> tls, boolean implicitTls, Optional<SmtpLogin> login) {
        this.postOffice = postOffice;
        this.config = config;
        this.port = port;
        this.tls = tls;
        this.implicitTls = implicitTls;
        this.takesLogins = login.isPresent();
        this.table = new SmtpCommandTable(postOffice, tls.isPresent() && !implicitTls, login);
        this.spools = spools;
    }

    /**
     * {@code submission} on {@code posthorn.submission.port}: STARTTLS with {@code tls} if it is there,
     * AUTH checked by {@code login}; {@code config} should require AUTH (RFC 6409 §4.3).
     */
    public static SmtpProtocol submission(PostOffice postOffice, SmtpConfig config, SmtpLogin login,
                                          Optional<SslContextSource> tls) {
        return new SmtpProtocol(postOffice, config, Settings.SUBMISSION_PORT, spoolsFromSettings(), tls, false,
                Optional.of(login));
    }

    /** {@code smtps} on {@code posthorn.smtps.port}: submission with TLS from the first octet (RFC 8314 §3.3). */
    public static SmtpProtocol smtps(PostOffice postOffice, SmtpConfig config, SmtpLogin login, SslContextSource tls) {
        return new SmtpProtocol(postOffice, config, Settings.SMTPS_PORT, spoolsFromSettings(), Optional.of(tls), true,
                Optional.of(login));
    }

    private static Supplier<MessageSpool> spoolsFromSettings() {
        long memoryLimit = Settings.SPOOL_MEMORY_LIMIT.get();
        Path directory = Settings.spoolDirectory();
        return () -> new MessageSpool(memoryLimit, directory);
    }

    @Override
    public String name() {
        return config.service();
    }

    @Override
    public Setting<Integer> portSetting() {
        return port;
    }

    @Override
    public Set<Class<?>> requiredListeners() {
        return takesLogins ? Set.of(SmtpTransactionListener.class, AuthenticationListener.class)
                : Set.of(SmtpTransactionListener.class);
    }

    @Override
    public String tooBusyReply() {
        return ReplyFormatter.format(SmtpReply.of(421, "4.7.0", config.hostname() + " Too many connections, try again later"));
    }

    @Override
    public Duration maxSessionDuration() {
        return Settings.SMTP_MAX_SESSION.get();
    }

    @Override
    public void initChannel(SocketChannel channel) {
        if (implicitTls) {
            TlsPipeline.addFirst(channel, tls.orElseThrow());
        }
        install(channel, new ClientConnection(config.service(), channel.remoteAddress(), implicitTls, Optional.empty()));
    }

    /** Sets up an SMTP session on any channel (tests use an embedded one). */
    void install(Channel channel, ClientConnection client) {
        var session = new SmtpSession(config, client, channel.id().asShortText(), Clock.systemUTC());
        var throttle = new ReadThrottle(channel);
        var decoder = new SmtpFrameDecoder(table::changesFraming, config.maxMessageSize(), maxHeaderSize, throttle,
                spools);
        channel.pipeline().addLast("idle", new IdleStateHandler(config.idleTimeout().toMillis(), 0, 0, TimeUnit.MILLISECONDS));
        channel.pipeline().addLast("decoder", decoder);
        channel.pipeline().addLast("encoder", ENCODER);
        channel.pipeline().addLast("session", new SmtpConnectionHandler(
                new SmtpDispatcher(session, table, postOffice), decoder, throttle, config.hostname(),
                implicitTls ? null : tls.orElse(null)));
    }
}
