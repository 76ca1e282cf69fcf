package org.posthorn.connector.server;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.net.InetAddress;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sets up each accepted connection for its protocol, unless the listener already has
 * {@code maxConnections} open, or {@code maxPerAddress} from the same client address: then the client
 * is told to come back later and closed at once, so an overloaded server answers instead of stalling
 * and one host cannot crowd out all others. Every admitted connection lasts at most the protocol's
 * {@linkplain Protocol#maxSessionDuration() longest session} ({@link SessionTimeLimit}) and gets its
 * {@link CommandPacer}, which the protocol's handlers consult before each command.
 */
final class LimitedChannelInitializer extends ChannelInitializer<SocketChannel> {

    private static final Logger LOG = Logger.getLogger(LimitedChannelInitializer.class.getName());

    private final Protocol protocol;
    private final ConnectionCounts counts;
    /** Zero: sessions may last for ever. */
    private final Duration maxSession;
    private final CommandLimits commandLimits;

    LimitedChannelInitializer(Protocol protocol, int maxConnections, int maxPerAddress) {
        this(protocol, maxConnections, maxPerAddress, CommandLimits.UNLIMITED);
    }

    LimitedChannelInitializer(Protocol protocol, int maxConnections, int maxPerAddress, CommandLimits commandLimits) {
        this.protocol = protocol;
        this.commandLimits = commandLimits;
        this.counts = new ConnectionCounts(maxConnections, maxPerAddress);
        this.maxSession = protocol.maxSessionDuration();
        if (maxSession.isNegative()) {
            throw new IllegalArgumentException(protocol.name() + ": negative session limit " + maxSession);
        }
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        InetAddress address = channel.remoteAddress().getAddress();
        ConnectionCounts.Refusal refusal = counts.tryOpen(address);
        if (refusal != null) {
            // FINE for the per-address case: a flooding host must not flood the log as well.
            LOG.log(refusal == ConnectionCounts.Refusal.TOTAL ? Level.WARNING : Level.FINE,
                    () -> protocol.name() + ": " + (refusal == ConnectionCounts.Refusal.TOTAL ? "connection limit"
                            : "connection limit per address") + " reached, refusing " + channel.remoteAddress());
            channel.pipeline().addLast(new TooBusy(protocol.tooBusyReply()));
            return;
        }
        channel.closeFuture().addListener(future -> counts.release(address));
        CommandPacer.install(channel, commandLimits.newPacer(System::nanoTime));
        if (!maxSession.isZero()) {
            // Before the protocol's handlers, so its event reaches them; after TLS, which goes first.
            channel.pipeline().addLast("session-time-limit", new SessionTimeLimit(protocol.name(), maxSession));
        }
        protocol.initChannel(channel);
    }

    /** Answers the protocol's "too busy" line and closes. */
    private static final class TooBusy extends ChannelInboundHandlerAdapter {

        private final String reply;

        TooBusy(String reply) {
            this.reply = reply;
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            ctx.writeAndFlush(Unpooled.copiedBuffer(reply, StandardCharsets.US_ASCII))
                    .addListener(ChannelFutureListener.CLOSE);
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            io.netty.util.ReferenceCountUtil.release(msg);
        }
    }
}
