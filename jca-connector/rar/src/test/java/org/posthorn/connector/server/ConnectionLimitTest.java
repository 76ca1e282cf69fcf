package org.posthorn.connector.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.SocketChannel;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.posthorn.settings.Setting;
import org.posthorn.settings.Settings;

/** The listener's connection limits over real sockets, with a protocol that only greets. */
class ConnectionLimitTest {

    private final List<Socket> sockets = new ArrayList<>();
    private final TestServer server = new TestServer(new GreetingProtocol(), 10, 2);

    @AfterEach
    void close() throws IOException {
        for (Socket socket : sockets) {
            socket.close();
        }
        server.close();
    }

    @Test
    void aThirdConnectionFromOneAddressIsToldToComeBackLaterWhileAnotherAddressGetsIn() throws IOException {
        assertThat(firstLine(connectFrom("127.0.0.1"))).isEqualTo("hello");
        assertThat(firstLine(connectFrom("127.0.0.1"))).isEqualTo("hello");

        Socket third = connectFrom("127.0.0.1");
        assertThat(firstLine(third)).isEqualTo("busy");
        assertThat(third.getInputStream().read()).as("closed after the busy line").isEqualTo(-1);

        assertThat(firstLine(connectFrom("127.0.0.2"))).isEqualTo("hello");
    }

    @Test
    void aClosedConnectionFreesItsSlot() throws Exception {
        Socket first = connectFrom("127.0.0.1");
        assertThat(firstLine(first)).isEqualTo("hello");
        assertThat(firstLine(connectFrom("127.0.0.1"))).isEqualTo("hello");
        first.close();

        // The server notices the close a moment after the client made it.
        String line = "busy";
        for (int attempt = 0; attempt < 100 && line.equals("busy"); attempt++) {
            line = firstLine(connectFrom("127.0.0.1"));
            if (line.equals("busy")) {
                Thread.sleep(20);
            }
        }
        assertThat(line).isEqualTo("hello");
    }

    private Socket connectFrom(String localAddress) throws IOException {
        Socket socket = new Socket();
        sockets.add(socket);
        socket.bind(new InetSocketAddress(InetAddress.getByName(localAddress), 0));
        socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 5_000);
        socket.setSoTimeout(5_000);
        return socket;
    }

    private static String firstLine(Socket socket) throws IOException {
        return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
    }

    /** Says hello and nothing else. */
    private static final class GreetingProtocol implements Protocol {

        @Override
        public String name() {
            return "greeting";
        }

        @Override
        public Setting<Integer> portSetting() {
            return Settings.SMTP_PORT;
        }

        @Override
        public Set<Class<?>> requiredListeners() {
            return Set.of();
        }

        @Override
        public String tooBusyReply() {
            return "busy\r\n";
        }

        @Override
        public void initChannel(SocketChannel channel) {
            channel.pipeline().addLast(new ChannelInboundHandlerAdapter() {
                @Override
                public void channelActive(ChannelHandlerContext ctx) {
                    ctx.writeAndFlush(Unpooled.copiedBuffer("hello\r\n", StandardCharsets.US_ASCII));
                }
            });
        }
    }
}
