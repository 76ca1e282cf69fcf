package org.posthorn.connector.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class LineFramerTest {

    private static final int MAX = 512;

    private static final String INPUT = "NOOP\r\n"
            + "EHLO client.example.org\r\n"
            + "x".repeat(510) + "\r\n"           // 512 octets: the longest line
            + "y".repeat(511) + "\r\n"           // 513: too long
            + "z".repeat(3000) + "\r\n"          // far too long
            + "bare\n"
            + "inner\rcr\r\n"
            + "\r\n"                             // empty line
            + "\n"                               // only a bare LF
            + "QUIT\r\n"
            + "incomplete";

    private static final List<String> EXPECTED = List.of(
            "NOOP", "EHLO client.example.org", "x".repeat(510), "<too long>", "<too long>", "<malformed>",
            "<malformed>", "", "<malformed>", "QUIT");

    @ParameterizedTest(name = "chunks of {0}")
    @ValueSource(ints = {1, 2, 3, 7, 64, 511, 512, 513, 100_000})
    void framesTheSameWhateverTheChunks(int chunkSize) {
        assertThat(frame(INPUT, chunkSize)).isEqualTo(EXPECTED);
    }

    @Test
    void leavesAnIncompleteLineInTheBuffer() {
        ByteBuf in = Unpooled.copiedBuffer("NOOP\r\nQU", StandardCharsets.US_ASCII);
        LineFramer framer = new LineFramer(MAX);

        assertThat(framer.next(in)).isInstanceOf(LineFramer.Text.class);
        assertThat(framer.next(in)).isNull();
        assertThat(in.toString(StandardCharsets.US_ASCII)).isEqualTo("QU");
    }

    @Test
    void aLineEndingInCrWaitsForItsLf() {
        ByteBuf in = Unpooled.copiedBuffer("x".repeat(510) + "\r", StandardCharsets.US_ASCII);
        LineFramer framer = new LineFramer(MAX);

        assertThat(framer.next(in)).isNull();
        in.writeByte('\n');
        assertThat(framer.next(in)).isInstanceOf(LineFramer.Text.class);
    }

    @Test
    void neverKeepsMoreThanOneLineOfAnEndlessLine() {
        ByteBuf in = Unpooled.buffer();
        LineFramer framer = new LineFramer(MAX);
        for (int i = 0; i < 1000; i++) {
            in.writeBytes("a".repeat(100).getBytes(StandardCharsets.US_ASCII));
            assertThat(framer.next(in)).isNull();
            assertThat(in.readableBytes()).isLessThan(MAX);
            in.discardReadBytes();
        }
        in.writeBytes("\r\nNOOP\r\n".getBytes(StandardCharsets.US_ASCII));

        assertThat(framer.next(in)).isInstanceOf(LineFramer.TooLong.class);
        assertThat(framer.next(in)).isInstanceOfSatisfying(LineFramer.Text.class,
                text -> assertThat(new String(text.octets(), StandardCharsets.US_ASCII)).isEqualTo("NOOP"));
    }

    @Test
    void refusesAMaximumWithoutRoomForCrlf() {
        assertThatThrownBy(() -> new LineFramer(1)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Feeds {@code input} in chunks and describes every line framed. */
    static List<String> frame(String input, int chunkSize) {
        byte[] bytes = input.getBytes(StandardCharsets.US_ASCII);
        LineFramer framer = new LineFramer(MAX);
        ByteBuf in = Unpooled.buffer();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < bytes.length; i += chunkSize) {
            in.writeBytes(bytes, i, Math.min(chunkSize, bytes.length - i));
            LineFramer.Line line;
            while ((line = framer.next(in)) != null) {
                lines.add(describe(line));
            }
            in.discardReadBytes();
        }
        return lines;
    }

    private static String describe(LineFramer.Line line) {
        if (line instanceof LineFramer.Text text) {
            return new String(text.octets(), StandardCharsets.US_ASCII);
        }
        return line instanceof LineFramer.TooLong ? "<too long>" : "<malformed>";
    }
}
