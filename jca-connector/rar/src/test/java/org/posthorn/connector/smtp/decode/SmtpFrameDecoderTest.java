package org.posthorn.connector.smtp.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SmtpFrameDecoderTest {

    private static final Set<String> FRAMING = Set.of("DATA", "STARTTLS", "BDAT", "AUTH");

    /**
     * A pipelined session; the decoder is resumed in data mode after DATA and in command mode after
     * STARTTLS, as the processor would.
     */
    private static final String SESSION = "EHLO client.example.org\r\n"
            + "MAIL FROM:<a@b.example> SIZE=10\r\n"
            + "rcpt TO:<c@d.example>\r\n"
            + "DATA\r\n"
            + "Subject: hi\r\n\r\n..dot\r\nbare\nLF\r\n.\r\n"
            + "NOOP\r\n"
            + "x".repeat(600) + "\r\n"
            + "STARTTLS\r\n"
            + "QUIT\r\n";

    private static final List<String> FRAMES = List.of(
            "EHLO [client.example.org]",
            "MAIL [FROM:<a@b.example> SIZE=10]",
            "RCPT [TO:<c@d.example>]",
            "DATA [] holds",
            "message [Subject: hi\r\n\r\n.dot\r\nbare\nLF\r\n] bare=true",
            "NOOP []",
            "bad TOO_LONG",
            "STARTTLS [] holds",
            "QUIT []");

    @ParameterizedTest(name = "chunks of {0}")
    @ValueSource(ints = {1, 2, 3, 13, 512, 100_000})
    void framesTheSameWhateverTheChunks(int chunkSize) {
        assertThat(decode(SESSION, chunkSize)).isEqualTo(FRAMES);
    }

    @Test
    void framesNothingAfterDataUntilResumed() {
        EmbeddedChannel channel = channel(1000);
        channel.writeInbound(Unpooled.copiedBuffer("DATA\r\nQUIT\r\n.\r\n", StandardCharsets.US_ASCII));

        assertThat(describe(channel.readInbound())).isEqualTo("DATA [] holds");
        Object nothing = channel.readInbound();
        assertThat(nothing).isNull();
        assertThat(decoder(channel).isPaused()).isTrue();
        assertThat(channel.config().isAutoRead()).as("no reading while paused with unread bytes").isFalse();

        decoder(channel).resume(InputMode.DATA);

        assertThat(describe(channel.readInbound())).isEqualTo("message [QUIT\r\n] bare=false");
        assertThat(channel.config().isAutoRead()).isTrue();
    }

    @Test
    void afterARefusedDataTheSameBytesAreCommands() {
        EmbeddedChannel channel = channel(1000);
        channel.writeInbound(Unpooled.copiedBuffer("DATA\r\nQUIT\r\n", StandardCharsets.US_ASCII));
        channel.readInbound();

        decoder(channel).resume(InputMode.COMMANDS);

        assertThat(describe(channel.readInbound())).isEqualTo("QUIT []");
    }

    /** RFC 4954 §4: after a 334 the next line is the client's response, whatever it looks like, and up to 12288 octets. */
    @ParameterizedTest(name = "chunks of {0}")
    @ValueSource(ints = {1, 7, 100_000})
    void aSaslLineIsNoCommandAndTheDecoderPausesAfterIt(int chunkSize) {
        String longResponse = "A".repeat(SmtpFrameDecoder.MAX_AUTH_LINE - 2);
        String input = "AUTH PLAIN\r\nQUIT\r\n" + longResponse + "\r\n" + "A".repeat(SmtpFrameDecoder.MAX_AUTH_LINE - 1)
                + "\r\nbare\nNOOP\r\n";
        byte[] bytes = input.getBytes(StandardCharsets.US_ASCII);
        EmbeddedChannel channel = channel(1000);
        List<Object> frames = new ArrayList<>();
        for (int i = 0; i < bytes.length; i += chunkSize) {
            channel.writeInbound(Unpooled.wrappedBuffer(bytes, i, Math.min(chunkSize, bytes.length - i)));
            Object frame;
            while ((frame = channel.readInbound()) != null) {
                frames.add(frame);
                assertThat(decoder(channel).isPaused())
                        .isEqualTo(frame instanceof SaslLine || frame instanceof CommandLine line && line.holdsFraming());
                if (decoder(channel).isPaused()) {
                    // Three SASL lines follow the AUTH, then commands again.
                    decoder(channel).resume(frames.size() <= 3 ? InputMode.AUTH_RESPONSE : InputMode.COMMANDS);
                }
            }
        }

        assertThat(frames).containsExactly(
                new CommandLine("AUTH", "PLAIN", true),
                new SaslLine(Optional.of("QUIT")),
                new SaslLine(Optional.of(longResponse)),
                new SaslLine(Optional.empty()),
                new BadLine(BadLine.Problem.BARE_LINE_END),
                new CommandLine("NOOP", "", false));
    }

    @Test
    void anAuthLineWithAnInitialResponseMayBeAsLongAsASaslLine() {
        String response = "A".repeat(SmtpFrameDecoder.MAX_AUTH_LINE - "AUTH PLAIN \r\n".length());
        List<String> frames = decode("AUTH PLAIN " + response + "\r\n" + "NOOP " + "x".repeat(600) + "\r\n"
                + "auth plain " + response + "A\r\n", 100_000);

        // RFC 4954 §4: 12,288 octets for the AUTH line too; any other command stays within 512 (RFC 5321).
        assertThat(frames).containsExactly("AUTH [PLAIN " + response + "] holds", "bad TOO_LONG", "bad TOO_LONG");
    }

    @Test
    void aSaslLineWithOctetsOutsidePrintableAsciiIsUnreadable() {
        EmbeddedChannel channel = channel(1000);
        channel.writeInbound(Unpooled.copiedBuffer("AUTH LOGIN\r\nYW\tJj\r\n", StandardCharsets.ISO_8859_1));
        channel.readInbound();
        decoder(channel).resume(InputMode.AUTH_RESPONSE);

        assertThat((Object) channel.readInbound()).isEqualTo(new SaslLine(Optional.empty()));
        assertThat(new SaslLine(Optional.of("c2VjcmV0")).toString()).doesNotContain("c2VjcmV0");
    }

    @Test
    void resumingWithoutAPauseIsABug() {
        EmbeddedChannel channel = channel(1000);

        assertThatThrownBy(() -> decoder(channel).resume(InputMode.DATA)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void keepsNoMoreOfAMessageThanTheLimit() throws IOException {
        EmbeddedChannel channel = channel(100);
        channel.writeInbound(Unpooled.copiedBuffer("DATA\r\n", StandardCharsets.US_ASCII));
        channel.readInbound();
        decoder(channel).resume(InputMode.DATA);
        for (int i = 0; i < 100; i++) {
            channel.writeInbound(Unpooled.copiedBuffer("y".repeat(98) + "\r\n", StandardCharsets.US_ASCII));
        }
        channel.writeInbound(Unpooled.copiedBuffer(".\r\n", StandardCharsets.US_ASCII));

        MessageData data = channel.readInbound();
        assertThat(data.content().size()).isEqualTo(100);
        assertThat(data.content().readAllBytes()).hasSize(100);
        assertThat(data.report().size()).isEqualTo(10_000);
        assertThat(data.report().tooBig()).isTrue();
    }

    @Test
    void keepsNoMoreOfAMessageThanTheHeaderLimitAndReadsOnToItsEnd() throws IOException {
        EmbeddedChannel channel = channel(100_000, 1000);
        channel.writeInbound(Unpooled.copiedBuffer("DATA\r\n", StandardCharsets.US_ASCII));
        channel.readInbound();
        decoder(channel).resume(InputMode.DATA);
        for (int i = 0; i < 100; i++) {
            channel.writeInbound(Unpooled.copiedBuffer("X-Filler: " + "y".repeat(88) + "\r\n", StandardCharsets.US_ASCII));
        }
        channel.writeInbound(Unpooled.copiedBuffer("\r\nbody\r\n.\r\nNOOP\r\n", StandardCharsets.US_ASCII));

        MessageData data = channel.readInbound();
        assertThat(data.headerTooLarge()).isTrue();
        assertThat(data.isAcceptable()).isFalse();
        assertThat(data.content().size()).as("kept up to the limit's chunk, no more").isLessThanOrEqualTo(1000);
        assertThat(data.report().size()).isEqualTo(10_008);
        assertThat(((CommandLine) channel.readInbound()).verb()).as("in step after the message").isEqualTo("NOOP");
    }

    @Test
    void aHeaderWithinTheLimitPassesWhole() throws IOException {
        EmbeddedChannel channel = channel(100_000, 1000);
        channel.writeInbound(Unpooled.copiedBuffer("DATA\r\n", StandardCharsets.US_ASCII));
        channel.readInbound();
        decoder(channel).resume(InputMode.DATA);
        String header = "Subject: " + "s".repeat(987) + "\r\n";
        channel.writeInbound(Unpooled.copiedBuffer(header + "\r\n" + "body line\r\n".repeat(500) + ".\r\n",
                StandardCharsets.US_ASCII));

        MessageData data = channel.readInbound();
        assertThat(header).hasSize(998);
        assertThat(data.isAcceptable()).isTrue();
        assertThat(data.content().size()).isEqualTo(998 + 2 + 5500);
    }

    @Test
    void aLineThatIsNotUtf8IsABadLine() {
        EmbeddedChannel channel = channel(1000);
        channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {'N', 'O', 'O', 'P', ' ', (byte) 0xC3, '\r', '\n'}));

        assertThat(describe(channel.readInbound())).isEqualTo("bad NOT_UTF8");
    }

    @Test
    void releasesItsBufferWhenRemoved() {
        EmbeddedChannel channel = channel(1000);
        channel.writeInbound(Unpooled.copiedBuffer("NOOP", StandardCharsets.US_ASCII));

        assertThat(channel.finishAndReleaseAll()).isFalse();
    }

    private static List<String> decode(String input, int chunkSize) {
        byte[] bytes = input.getBytes(StandardCharsets.US_ASCII);
        EmbeddedChannel channel = channel(1000);
        List<String> frames = new ArrayList<>();
        for (int i = 0; i < bytes.length; i += chunkSize) {
            channel.writeInbound(Unpooled.wrappedBuffer(bytes, i, Math.min(chunkSize, bytes.length - i)));
            Object frame;
            while ((frame = channel.readInbound()) != null) {
                frames.add(describe(frame));
                if (frame instanceof CommandLine line && line.holdsFraming()) {
                    decoder(channel).resume(line.verb().equals("DATA") ? InputMode.DATA : InputMode.COMMANDS);
                }
            }
        }
        return frames;
    }

    private static final java.nio.file.Path SPOOL =
            java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "posthorn-test-spool");

    private static EmbeddedChannel channel(long maxMessageSize) {
        return channel(maxMessageSize, maxMessageSize);
    }

    private static EmbeddedChannel channel(long maxMessageSize, long maxHeaderSize) {
        EmbeddedChannel channel = new EmbeddedChannel();
        channel.pipeline().addLast(new SmtpFrameDecoder(FRAMING::contains, maxMessageSize, maxHeaderSize,
                new ReadThrottle(channel),
                // A small memory limit, so that larger test messages go through a spool file too.
                () -> new MessageSpool(16 * 1024, SPOOL)));
        return channel;
    }

    private static SmtpFrameDecoder decoder(EmbeddedChannel channel) {
        return channel.pipeline().get(SmtpFrameDecoder.class);
    }

    private static String describe(Object frame) {
        if (frame instanceof CommandLine line) {
            return line.verb() + " [" + line.argument() + "]" + (line.holdsFraming() ? " holds" : "");
        }
        if (frame instanceof BadLine bad) {
            return "bad " + bad.problem();
        }
        MessageData data = (MessageData) frame;
        try {
            return "message [" + new String(data.content().readAllBytes(), StandardCharsets.US_ASCII) + "] bare="
                    + data.report().bareLineEnds();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
