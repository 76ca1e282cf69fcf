package org.posthorn.connector.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DotStufferTest {

    /** Stuffs {@code body} fed in chunks of {@code chunk} bytes. */
    private static String stuff(String body, int chunk) {
        byte[] bytes = body.getBytes(StandardCharsets.ISO_8859_1);
        DotStuffer stuffer = new DotStuffer();
        ByteBuf out = Unpooled.buffer();
        for (int i = 0; i < bytes.length; i += chunk) {
            stuffer.stuff(Unpooled.wrappedBuffer(bytes, i, Math.min(chunk, bytes.length - i)), out);
        }
        stuffer.finish(out);
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    /** The rule written the obvious way, for comparison. */
    private static String reference(String body) {
        StringBuilder out = new StringBuilder();
        boolean lineStart = true;
        for (char c : body.toCharArray()) {
            if (lineStart && c == '.') {
                out.append('.');
            }
            out.append(c);
            lineStart = c == '\n';
        }
        if (!body.isEmpty() && !body.endsWith("\r\n")) {
            out.append("\r\n");
        }
        return out.append(".\r\n").toString();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "'a\\r\\nb\\r\\n'             | 'a\\r\\nb\\r\\n.\\r\\n'",
            "'.a\\r\\n'                   | '..a\\r\\n.\\r\\n'",
            "'a\\r\\n.\\r\\nb\\r\\n'      | 'a\\r\\n..\\r\\nb\\r\\n.\\r\\n'",
            "'a\\r\\n..b\\r\\n'           | 'a\\r\\n...b\\r\\n.\\r\\n'",
            "'a.b\\r\\n'                  | 'a.b\\r\\n.\\r\\n'",
            "'no line end'               | 'no line end\\r\\n.\\r\\n'",
            "'ends with cr\\r'           | 'ends with cr\\r\\r\\n.\\r\\n'",
            "'bare\\n.lf'                | 'bare\\n..lf\\r\\n.\\r\\n'",
            "''                          | '.\\r\\n'"})
    void stuffsLinesThatStartWithADot(String body, String expected) {
        assertThat(stuff(unescape(body), 1000)).isEqualTo(unescape(expected));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 5, 7, 64})
    void givesTheSameBytesWhateverTheChunking(int chunk) {
        String body = "From: x\r\n\r\n.\r\n..\r\n.a\r\nb.\r\n\r\n.\r\nlast";
        assertThat(stuff(body, chunk)).isEqualTo(reference(body)).isEqualTo(stuff(body, body.length()));
    }

    @Test
    void agreesWithTheReferenceOnRandomBodiesInRandomChunks() {
        Random random = new Random(1939);
        String alphabet = ".\r\na";
        for (int round = 0; round < 500; round++) {
            StringBuilder body = new StringBuilder();
            int length = random.nextInt(40);
            for (int i = 0; i < length; i++) {
                body.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertThat(stuff(body.toString(), 1 + random.nextInt(6))).as(body.toString()).isEqualTo(reference(body.toString()));
        }
    }

    @Test
    void crlfSplitAcrossChunksStillCountsAsTheLineEnd() {
        DotStuffer stuffer = new DotStuffer();
        ByteBuf out = Unpooled.buffer();
        stuffer.stuff(Unpooled.copiedBuffer("line\r", StandardCharsets.US_ASCII), out);
        stuffer.stuff(Unpooled.copiedBuffer("\n", StandardCharsets.US_ASCII), out);
        stuffer.finish(out);
        assertThat(out.toString(StandardCharsets.US_ASCII)).isEqualTo("line\r\n.\r\n");
    }

    @Test
    void staysWithinItsSizeBound() {
        String worst = ".\n".repeat(100);
        byte[] bytes = worst.getBytes(StandardCharsets.US_ASCII);
        ByteBuf out = Unpooled.buffer();
        new DotStuffer().stuff(Unpooled.wrappedBuffer(bytes), out);
        assertThat(out.readableBytes()).isLessThanOrEqualTo(DotStuffer.maxStuffedLength(bytes.length));
    }

    @Test
    void refusesToContinueAfterFinish() {
        DotStuffer stuffer = new DotStuffer();
        stuffer.finish(Unpooled.buffer());
        assertThatThrownBy(() -> stuffer.finish(Unpooled.buffer())).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> stuffer.stuff(Unpooled.copiedBuffer(new byte[] {'a'}), Unpooled.buffer()))
                .isInstanceOf(IllegalStateException.class);
    }

    static String unescape(String s) {
        return s.replace("\\r", "\r").replace("\\n", "\n");
    }
}
