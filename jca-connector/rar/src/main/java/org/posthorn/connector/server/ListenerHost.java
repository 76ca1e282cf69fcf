package org.posthorn.connector.server;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import jakarta.resource.ResourceException;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.posthorn.connector.endpoint.EndpointRegistry;
import org.posthorn.settings.Settings;

/**
 * Binds and unbinds the protocols' ports on shared Netty event loops. Event loops only do I/O; all
 * work that may block runs on WorkManager threads (see {@link org.posthorn.connector.endpoint.PostOffice}).
 */
public final class ListenerHost {

    private static final Logger LOG = Logger.getLogger(ListenerHost.class.getName());

    private final List<Protocol> protocols;
    private final EventLoopGroup acceptors;
    private final EventLoopGroup workers;
    private final Map<Protocol, Channel> bound = new HashMap<>();

    public ListenerHost(List<Protocol> protocols) {
        this.protocols = List.copyOf(protocols);
        this.acceptors = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("posthorn-accept", true),
                NioIoHandler.newFactory());
        this.workers = new MultiThreadIoEventLoopGroup(0, new DefaultThreadFactory("posthorn-io", true),
                NioIoHandler.newFactory());
    }

    /** Binds every protocol whose required endpoints are all active and that is not bound yet. */
    public synchronized void bindReady(EndpointRegistry endpoints) throws ResourceException {
        for (Protocol protocol : protocols) {
            if (!bound.containsKey(protocol) && protocol.requiredListeners().stream().allMatch(endpoints::isActive)) {
                bound.put(protocol, bind(protocol));
            }
        }
    }

    /** Unbinds every protocol that lost one of its endpoints; open connections finish on their own. */
    public synchronized void unbindUnserved(EndpointRegistry endpoints) {
        bound.entrySet().removeIf(entry -> {
            if (entry.getKey().requiredListeners().stream().allMatch(endpoints::isActive)) {
                return false;
            }
            entry.getValue().close().syncUninterruptibly();
            LOG.info(() -> entry.getKey().name() + " listener closed");
            return true;
        });
    }

    public synchronized void shutdown() {
        bound.values().forEach(channel -> channel.close().syncUninterruptibly());
        bound.clear();
        acceptors.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private Channel bind(Protocol protocol) throws ResourceException {
        var address = new InetSocketAddress(protocol.bindAddress(), Settings.listenPort(protocol.portSetting()));
        var bootstrap = new ServerBootstrap()
                .group(acceptors, workers)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .option(ChannelOption.SO_REUSEADDR, true)
                // Without TCP_NODELAY a TLS handshake stalls ~90 ms on Nagle + delayed ACK (fact 12).
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.SO_KEEPALIVE, true)
                .childHandler(new LimitedChannelInitializer(protocol, Settings.MAX_CONNECTIONS.get(),
                        Settings.MAX_CONNECTIONS_PER_ADDRESS.get(), CommandLimits.fromSettings()));
        try {
            Channel channel = bootstrap.bind(address).sync().channel();
            LOG.info(() -> protocol.name() + " listening on " + address);
            return channel;
        } catch (Exception e) {
            throw new ResourceException("Cannot listen for " + protocol.name() + " on " + address + ": " + e, e);
        }
    }
}
