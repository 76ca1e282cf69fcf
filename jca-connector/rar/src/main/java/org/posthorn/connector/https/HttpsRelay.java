package org.posthorn.connector.https;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.posthorn.connector.tls.TlsPipeline;

/**
 * The browser's side of one HTTPS connection, behind the {@code SslHandler}: once the handshake has
 * succeeded it connects to the web server's loopback listener, sends the PROXY line and then relays
 * every decrypted chunk, reading the next only after the web server has taken the last.
 */
final class HttpsRelay extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = Logger.getLogger(HttpsRelay.class.getName());

    private final InetSocketAddress backend;
    /** Chunks read with the handshake's last record, before the web server's connection is up. */
    private final Queue<Object> early = new ArrayDeque<>();
    private Channel webServer;

    HttpsRelay(InetSocketAddress backend) {
        this.backend = backend;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof SslHandshakeCompletionEvent handshake) {
            if (handshake.isSuccess()) {
                ctx.channel().config().setAutoRead(false);
                connect(ctx.channel());
            } else {
                ctx.close();
            }
        }
        ctx.fireUserEventTriggered(event);
    }

    private void connect(Channel browser) {
        ChannelFuture connecting = new Bootstrap()
                .group(browser.eventLoop())
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.AUTO_READ, false)
                .handler(new BackRelay(browser))
                .connect(backend);
        webServer = connecting.channel();
        connecting.addListener((ChannelFuture connected) -> {
            if (!connected.isSuccess()) {
                LOG.warning(() -> "HTTPS: the web server's listener " + backend + " does not answer: "
                        + connected.cause());
                browser.close();
                return;
            }
            if (!browser.isActive()) {
                // The browser left while the web server's connection was being made.
                webServer.close();
                return;
            }
            String proxyLine = ProxyProtocolLine.of((InetSocketAddress) browser.remoteAddress(),
                    (InetSocketAddress) browser.localAddress());
            webServer.write(Unpooled.copiedBuffer(proxyLine, StandardCharsets.US_ASCII));
            while (!early.isEmpty()) {
                webServer.write(early.poll());
            }
            webServer.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(readNextFrom(browser));
            webServer.read();
        });
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (webServer == null) {
            ReferenceCountUtil.release(msg);
        } else if (!webServer.isActive()) {
            early.add(msg);
        } else {
            webServer.writeAndFlush(msg).addListener(readNextFrom(ctx.channel()));
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        early.forEach(ReferenceCountUtil::release);
        early.clear();
        if (webServer != null && webServer.isActive()) {
            closeAfterFlush(webServer);
        } else if (webServer != null) {
            webServer.close(); // still connecting: cancel it
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.log(TlsPipeline.isTlsFailure(cause) ? Level.FINE : Level.WARNING, "HTTPS connection failed", cause);
        ctx.close();
    }

    /** After a write to one side: read the next chunk from {@code source}, or give up on both. */
    static ChannelFutureListener readNextFrom(Channel source) {
        return written -> {
            if (written.isSuccess()) {
                source.read();
            } else {
                source.close();
                written.channel().close();
            }
        };
    }

    static void closeAfterFlush(Channel channel) {
        if (channel.isActive()) {
            channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        }
    }

    /** The web server's side: its replies go back to the browser, encrypted by the browser side's pipeline. */
    private static final class BackRelay extends ChannelInboundHandlerAdapter {

        private final Channel browser;

        BackRelay(Channel browser) {
            this.browser = browser;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            browser.writeAndFlush(msg).addListener(readNextFrom(ctx.channel()));
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            closeAfterFlush(browser);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            LOG.log(Level.FINE, "HTTPS: connection to the web server failed", cause);
            ctx.close();
        }
    }
}
