package org.posthorn.connector.server;

import io.netty.channel.socket.SocketChannel;
import java.time.Duration;
import java.util.Set;
import org.posthorn.settings.Setting;
import org.posthorn.settings.Settings;

/** One mail protocol as the {@link ListenerHost} sees it. */
public interface Protocol {

    /** Short name for logs and the {@code service} of {@link org.posthorn.spi.ClientConnection}, e.g. {@code smtp}. */
    String name();

    /** The setting that holds this protocol's port (WildFly's port offset is added to it). */
    Setting<Integer> portSetting();

    /** The address to listen on: every mail protocol's is {@code posthorn.bind.address}. */
    default String bindAddress() {
        return Settings.BIND_ADDRESS.get();
    }

    /** The SPI listener interfaces whose endpoints must be active before the port is bound. */
    Set<Class<?>> requiredListeners();

    /**
     * The complete line sent to a client that connects while the listener is full, just before the
     * connection is closed, e.g. {@code "421 4.7.0 Too many connections, try again later\r\n"}.
     */
    String tooBusyReply();

    /**
     * How long one connection may last, however active, before the {@link SessionExpiredEvent} asks its
     * handlers to end it; {@link Duration#ZERO} for no limit (the default, for protocols and tests that
     * do not handle the event).
     */
    default Duration maxSessionDuration() {
        return Duration.ZERO;
    }

    /** Adds this protocol's handlers to a newly accepted connection's pipeline. */
    void initChannel(SocketChannel channel);
}
