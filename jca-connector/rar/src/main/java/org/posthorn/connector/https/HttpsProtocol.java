package org.posthorn.connector.https;

import io.netty.channel.socket.SocketChannel;
import java.net.InetSocketAddress;
import java.util.Set;
import org.posthorn.connector.server.Protocol;
import org.posthorn.connector.tls.SslContextSource;
import org.posthorn.connector.tls.TlsPipeline;
import org.posthorn.settings.Setting;
import org.posthorn.settings.Settings;

/**
 * HTTPS on WildFly's HTTPS port (ADR 0009): TLS from the first byte with the mail ports' certificate,
 * then {@link HttpsRelay} to the web server. Listens where the web's HTTP does ({@code jboss.bind.address},
 * loopback unless the operator opens it), under the same connection limits as every mail listener.
 */
public final class HttpsProtocol implements Protocol {

    private final SslContextSource tls;
    private final InetSocketAddress backend;

    public HttpsProtocol(SslContextSource tls, InetSocketAddress backend) {
        this.tls = tls;
        this.backend = backend;
    }

    /** Relaying to the loopback listener {@code posthorn-configure.cli} gives Undertow. */
    public static HttpsProtocol fromSettings(SslContextSource tls) {
        return new HttpsProtocol(tls, new InetSocketAddress("127.0.0.1", Settings.listenPort(Settings.HTTPS_BACKEND_PORT)));
    }

    @Override
    public String name() {
        return "https";
    }

    @Override
    public Setting<Integer> portSetting() {
        return Settings.HTTPS_PORT;
    }

    @Override
    public String bindAddress() {
        return Settings.WEB_BIND_ADDRESS.get();
    }

    /** None: the web server is up before any deployment, so the port can open at once. */
    @Override
    public Set<Class<?>> requiredListeners() {
        return Set.of();
    }

    /** Nothing a browser could read arrives before the TLS handshake: just close. */
    @Override
    public String tooBusyReply() {
        return "";
    }

    @Override
    public void initChannel(SocketChannel channel) {
        TlsPipeline.addFirst(channel, tls);
        channel.pipeline().addLast("https-relay", new HttpsRelay(backend));
    }
}
