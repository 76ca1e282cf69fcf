package org.posthorn.connector.pop3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.posthorn.connector.conversation.Escapes;
import org.posthorn.spi.ClientConnection;
import org.posthorn.spi.auth.AuthenticationListener;
import org.posthorn.spi.pop3.MaildropListener;

/**
 * Feeds random input to a whole POP3 connection (framing, command parsing, dispatcher, encoder) on an
 * embedded channel with in-memory maildrops, in random chunks: commands of RFC 1939, 2449 and 5034
 * with random arguments, a correct login now and then, SASL responses, long lines, NUL, bare CR and
 * LF, octets above 127. Whatever comes in, no exception escapes the pipeline, every answer starts
 * {@code +OK}, {@code -ERR} or is a SASL continuation, and none is the internal-error answer. Two
 * fixed seeds and three fresh ones (printed in any failure), each bounded in time.
 */
class Pop3FuzzTest {

    private static final String[] TOKENS = {
        "USER " + Pop3Fixtures.ALICE, "PASS " + Pop3Fixtures.ALICE_PASSWORD, "PASS wrong", "USER", "PASS", "APOP x y",
        "STAT", "LIST", "LIST 1", "LIST 0", "LIST 4294967296", "LIST -1", "RETR 1", "RETR 2", "RETR 99", "RETR x",
        "DELE 1", "DELE 1 2", "TOP 1 0", "TOP 1 99999999999", "TOP 2 -1", "TOP", "UIDL", "UIDL 3", "NOOP", "RSET",
        "CAPA", "STLS", "AUTH", "AUTH PLAIN", "AUTH PLAIN " + "AGFsaWNlQGV4YW1wbGUudGVzdABhbGljZS1wYXNzd29yZA==",
        "AUTH PLAIN =", "AUTH X", "AGFsaWNl", "*", "=", "QUIT", "", " ", "\u00e9", "\u0000", "\u00ff", "x".repeat(600)};
    private static final String[] LINE_ENDS = {"\r\n", "\r\n", "\r\n", "\r\n", "\n", "\r", "\r\r\n", ""};

    static Stream<Long> seeds() {
        SecureRandom fresh = new SecureRandom();
        return Stream.concat(Stream.of(1939L, 0x2449L), LongStream.generate(fresh::nextLong).limit(3).boxed());
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void randomInputIsAlwaysAnsweredWithResponses(long seed) {
        Random random = new Random(seed);
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            for (int round = 0; round < 300; round++) {
                byte[] script = randomScript(random);
                run(script, random, "seed " + seed + " round " + round + ": " + Escapes.escape(script));
            }
        });
    }

    private static void run(byte[] script, Random random, String described) {
        SyncPostOffice postOffice = new SyncPostOffice()
                .with(MaildropListener.class, Pop3Fixtures.maildrops())
                .with(AuthenticationListener.class, Pop3Fixtures.authenticator());
        Pop3Protocol protocol = new Pop3Protocol(postOffice, Pop3Fixtures.fastConfig());
        ClientConnection client = new ClientConnection("pop3", new InetSocketAddress("192.0.2.1", 40000), false, Optional.empty());
        EmbeddedChannel channel = new EmbeddedChannel(new ChannelInitializer<EmbeddedChannel>() {
            @Override
            protected void initChannel(EmbeddedChannel ch) {
                protocol.initPipeline(ch.pipeline(), client);
            }
        });
        channel.freezeTime();
        StringBuilder output = new StringBuilder();
        try {
            int at = 0;
            while (at < script.length && channel.isOpen()) {
                int size = Math.min(script.length - at, 1 + random.nextInt(random.nextBoolean() ? 4 : 200));
                channel.writeInbound(Unpooled.wrappedBuffer(script, at, size));
                at += size;
                // Failed logins are answered after a delay (50 ms here).
                channel.advanceTimeBy(1, TimeUnit.SECONDS);
                channel.runScheduledPendingTasks();
                channel.runPendingTasks();
                channel.checkException();
                collect(channel, output);
            }
            channel.finish();
            collect(channel, output);
            assertThat(output.toString()).as(described).startsWith("+OK").endsWith("\r\n")
                    .doesNotContain("Temporary failure");
            for (String line : output.toString().split("\r\n")) {
                if (line.startsWith("+OK") || line.startsWith("-ERR")) {
                    assertThat(line.length()).as("%s: RFC 2449 §4: at most 512 octets with CRLF", described)
                            .isLessThanOrEqualTo(510);
                }
            }
        } finally {
            channel.finishAndReleaseAll();
        }
    }

    private static void collect(EmbeddedChannel channel, StringBuilder output) {
        for (Object message; (message = channel.readOutbound()) != null; ) {
            if (message instanceof ByteBuf buf) {
                output.append(buf.toString(StandardCharsets.ISO_8859_1));
                buf.release();
            }
        }
    }

    private static byte[] randomScript(Random random) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (random.nextInt(3) == 0) {
            out.writeBytes(ascii("USER " + Pop3Fixtures.ALICE + "\r\nPASS " + Pop3Fixtures.ALICE_PASSWORD + "\r\n"));
        }
        for (int lines = random.nextInt(30); lines > 0; lines--) {
            if (random.nextInt(8) == 0) {
                for (int i = random.nextInt(40); i > 0; i--) {
                    out.write(random.nextInt(256));
                }
                continue;
            }
            out.writeBytes(TOKENS[random.nextInt(TOKENS.length)].getBytes(StandardCharsets.UTF_8));
            if (random.nextInt(4) == 0) {
                out.writeBytes(TOKENS[random.nextInt(TOKENS.length)].getBytes(StandardCharsets.UTF_8));
            }
            out.writeBytes(ascii(LINE_ENDS[random.nextInt(LINE_ENDS.length)]));
        }
        return out.toByteArray();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
