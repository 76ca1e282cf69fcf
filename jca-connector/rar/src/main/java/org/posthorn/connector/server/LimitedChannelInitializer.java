package org.posthorn.connector.server;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

/**
 * Sets up each accepted connection for its protocol, unless the listener already has
 * {@code maxConnections} open: then the client is told to come back later and closed at once, so
 * an overloaded server answers instead of stalling.
 */
final class LimitedChannelInitializer extends ChannelInitializer<SocketChannel> {

    private static final Logger LOG = Logger.getLogger(LimitedChannelInitializer.class.getName());

    private final Protocol protocol;
    private final int maxConnections;
    private final AtomicInteger open = new AtomicInteger();

    LimitedChannelInitializer(Protocol protocol, int maxConnections) {
        this.protocol = protocol;
        this.maxConnections = maxConnections;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        int now = open.incrementAndGet();
        channel.closeFuture().addListener(future -> open.decrementAndGet());
        if (now > maxConnections) {
            LOG.warning(() -> protocol.name() + ": connection limit " + maxConnections + " reached, refusing "
                    + channel.remoteAddress());
            channel.pipeline().addLast(new TooBusy(protocol.tooBusyReply()));
            return;
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
