package org.posthorn.connector.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.posthorn.connector.conversation.Escapes;
import org.posthorn.spi.ClientConnection;

/**
 * Feeds random input to a whole SMTP connection (decoder, dispatcher, encoder, handler) on an embedded
 * channel with a fake MTA, in random chunks: commands with random arguments, message data, dot lines,
 * long lines, NUL, bare CR and LF, octets above 127. Whatever comes in, no exception escapes the
 * pipeline, every line written is a reply of RFC 5321 §4.2 and none is the internal-error reply, and
 * nothing is written after the connection closed. Two fixed seeds and three fresh ones (printed in any
 * failure), each bounded in time.
 */
class SmtpFuzzTest {

    private static final SmtpConfig CONFIG = SmtpConfig.of("mx.example.test", 1024, 3, 5, Duration.ofMinutes(5));

    private static final String[] TOKENS = {
        "EHLO c", "HELO c", "MAIL FROM:<a@b.example>", "MAIL FROM:<>", "MAIL FROM:<a@b.example> SIZE=100",
        "MAIL FROM:<a@b.example> SIZE=99999999999999999999", "MAIL FROM:<a@b.example> BODY=8BITMIME SMTPUTF8",
        "RCPT TO:<alice@example.test>", "RCPT TO:<nobody@example.test>", "RCPT TO:<Postmaster>", "RCPT TO:<>",
        "RCPT TO:<@a,@b:c@d>", "DATA", "BDAT 5", "BDAT 0 LAST", "RSET", "NOOP", "VRFY x", "EXPN x", "HELP", "QUIT",
        "STARTTLS", "AUTH PLAIN", "AUTH PLAIN AGFsaWNlAHNlY3JldA==", "AUTH LOGIN", "*", ".", "..", ". ", "Subject: x",
        "", " ", "<", ">", ":", "\"", "\\", "@", "\u00e9", "\u0000", "\u00ff", "MAIL FROM:<\u00e9@b.example>",
        "MAIL FROM:<a@b.example", "RCPT TO alice@example.test", "x".repeat(600), "y".repeat(1100)};
    private static final String[] LINE_ENDS = {"\r\n", "\r\n", "\r\n", "\r\n", "\n", "\r", "\r\r\n", ""};

    static Stream<Long> seeds() {
        SecureRandom fresh = new SecureRandom();
        return Stream.concat(Stream.of(5321L, 0x5A7BL), LongStream.generate(fresh::nextLong).limit(3).boxed());
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void randomInputIsAlwaysAnsweredWithReplies(long seed) {
        Random random = new Random(seed);
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            for (int round = 0; round < 300; round++) {
                byte[] script = randomScript(random);
                run(script, random, "seed " + seed + " round " + round + ": " + Escapes.escape(script));
            }
        });
    }

    private static void run(byte[] script, Random random, String described) throws Exception {
        FakeMta mta = new FakeMta("mx.example.test");
        ControlledPostOffice postOffice = new ControlledPostOffice(mta);
        EmbeddedChannel channel = new EmbeddedChannel(false, false);
        new SmtpProtocol(postOffice, CONFIG).install(channel, new ClientConnection("smtp",
                new InetSocketAddress("192.0.2.9", 40000), false, Optional.empty()));
        channel.register();
        StringBuilder output = new StringBuilder();
        try {
            int at = 0;
            while (at < script.length && channel.isOpen()) {
                int size = Math.min(script.length - at, 1 + random.nextInt(random.nextBoolean() ? 4 : 200));
                channel.writeInbound(Unpooled.wrappedBuffer(script, at, size));
                at += size;
                while (postOffice.pendingCalls() > 0) {
                    postOffice.completeNext();
                    channel.runPendingTasks();
                }
                channel.checkException();
                collect(channel, output);
            }
            boolean open = channel.isOpen();
            channel.finish();
            collect(channel, output);
            assertThat(output.toString()).as(described).endsWith("\r\n");
            for (String line : output.toString().split("\r\n")) {
                assertThat(line).as(described).matches("[2-5][0-9][0-9]([ -].*)?");
                assertThat(line).as(described).doesNotContain("internal error");
            }
            if (!open) {
                String[] lines = output.toString().split("\r\n");
                assertThat(lines[lines.length - 1]).as("%s: the last reply before the close", described).matches("(221|421) .*");
            }
        } finally {
            channel.finishAndReleaseAll();
        }
    }

    private static void collect(EmbeddedChannel channel, StringBuilder output) {
        for (ByteBuf buf; (buf = channel.readOutbound()) != null; buf.release()) {
            output.append(buf.toString(StandardCharsets.ISO_8859_1));
        }
    }

    private static byte[] randomScript(Random random) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int lines = random.nextInt(30); lines > 0; lines--) {
            switch (random.nextInt(10)) {
                case 0 -> { // raw octets
                    for (int i = random.nextInt(40); i > 0; i--) {
                        out.write(random.nextInt(256));
                    }
                }
                case 1 -> { // a whole well-formed transaction
                    out.writeBytes(ascii("EHLO c\r\nMAIL FROM:<a@b.example>\r\nRCPT TO:<alice@example.test>\r\nDATA\r\n"));
                    for (int i = random.nextInt(5); i > 0; i--) {
                        out.writeBytes(ascii((random.nextBoolean() ? "." : "") + "line " + i + "\r\n"));
                    }
                    out.writeBytes(ascii(".\r\n"));
                }
                case 2 -> { // BDAT with a chunk of the announced size, or not quite
                    int size = random.nextInt(50);
                    out.writeBytes(ascii("BDAT " + size + (random.nextBoolean() ? " LAST" : "") + "\r\n"));
                    for (int i = size + random.nextInt(3) - 1; i > 0; i--) {
                        out.write(random.nextInt(256));
                    }
                }
                default -> {
                    out.writeBytes(TOKENS[random.nextInt(TOKENS.length)].getBytes(StandardCharsets.UTF_8));
                    if (random.nextInt(4) == 0) {
                        out.writeBytes(TOKENS[random.nextInt(TOKENS.length)].getBytes(StandardCharsets.UTF_8));
                    }
                    out.writeBytes(ascii(LINE_ENDS[random.nextInt(LINE_ENDS.length)]));
                }
            }
        }
        return out.toByteArray();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
