package org.posthorn.connector.smtp;

import io.netty.channel.Channel;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.timeout.IdleStateHandler;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.posthorn.connector.endpoint.PostOffice;
import org.posthorn.connector.server.Protocol;
import org.posthorn.connector.smtp.command.SmtpCommandTable;
import org.posthorn.connector.smtp.command.SmtpDispatcher;
import org.posthorn.connector.smtp.command.SmtpSession;
import org.posthorn.connector.smtp.decode.MessageSpool;
import org.posthorn.connector.smtp.decode.ReadThrottle;
import org.posthorn.connector.smtp.decode.SmtpFrameDecoder;
import org.posthorn.connector.smtp.encode.ReplyFormatter;
import org.posthorn.connector.smtp.encode.SmtpReply;
import org.posthorn.connector.smtp.encode.SmtpReplyEncoder;
import org.posthorn.connector.tls.SslContextSource;
import org.posthorn.settings.Setting;
import org.posthorn.settings.Settings;
import org.posthorn.spi.ClientConnection;
import org.posthorn.spi.smtp.SmtpTransactionListener;

/**
 * The SMTP server of RFC 5321 as a {@link Protocol} of the listener host, with STARTTLS (RFC 3207)
 * when it is given TLS credentials. Per connection the pipeline is: (TLS, once STARTTLS succeeded) → idle timer → {@link SmtpFrameDecoder} (bytes to frames) → {@link SmtpReplyEncoder} (replies to
 * bytes) → {@link SmtpConnectionHandler} (frames to replies through the {@link SmtpDispatcher}).
 */
public final class SmtpProtocol implements Protocol {

    private static final SmtpReplyEncoder ENCODER = new SmtpReplyEncoder();

    private final PostOffice postOffice;
    private final SmtpConfig config;
    private final SmtpCommandTable table;

    private final Supplier<MessageSpool> spools;
    /** STARTTLS's contexts; empty: STARTTLS is not offered. */
    private final Optional<SslContextSource> tls;

    /** SMTP without STARTTLS, with message spooling as {@link Settings} configure it. */
    public SmtpProtocol(PostOffice postOffice, SmtpConfig config) {
        this(postOffice, config, spoolsFromSettings(), Optional.empty());
    }

    /** SMTP offering STARTTLS with {@code tls}, with message spooling as {@link Settings} configure it. */
    public SmtpProtocol(PostOffice postOffice, SmtpConfig config, SslContextSource tls) {
        this(postOffice, config, spoolsFromSettings(), Optional.of(tls));
    }

    /** SMTP whose incoming messages go to the spools {@code spools} makes, with STARTTLS if {@code tls} is there. */
    public SmtpProtocol(PostOffice postOffice, SmtpConfig config, Supplier<MessageSpool> spools,
                        Optional<SslContextSource> tls) {
        this.postOffice = postOffice;
        this.config = config;
        this.tls = tls;
        this.table = new SmtpCommandTable(postOffice, tls.isPresent());
        this.spools = spools;
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
        return Settings.SMTP_PORT;
    }

    @Override
    public Set<Class<?>> requiredListeners() {
        return Set.of(SmtpTransactionListener.class);
    }

    @Override
    public String tooBusyReply() {
        return ReplyFormatter.format(SmtpReply.of(421, "4.7.0", config.hostname() + " Too many connections, try again later"));
    }

    @Override
    public void initChannel(SocketChannel channel) {
        install(channel, new ClientConnection(config.service(), channel.remoteAddress(), false, Optional.empty()));
    }

    /** Sets up an SMTP session on any channel (tests use an embedded one). */
    void install(Channel channel, ClientConnection client) {
        var session = new SmtpSession(config, client, channel.id().asShortText(), Clock.systemUTC());
        var throttle = new ReadThrottle(channel);
        var decoder = new SmtpFrameDecoder(table::changesFraming, config.maxMessageSize(), throttle, spools);
        channel.pipeline().addLast("idle", new IdleStateHandler(config.idleTimeout().toMillis(), 0, 0, TimeUnit.MILLISECONDS));
        channel.pipeline().addLast("decoder", decoder);
        channel.pipeline().addLast("encoder", ENCODER);
        channel.pipeline().addLast("session", new SmtpConnectionHandler(
                new SmtpDispatcher(session, table, postOffice), decoder, throttle, config.hostname(), tls.orElse(null)));
    }
}
