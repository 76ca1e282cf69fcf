package org.posthorn.connector.codec;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class HeaderSectionLimitTest {

    /** 20 octets of header (two lines of 10 with their CRLFs), then the empty line and a long body. */
    private static final String MESSAGE = "A: 12345\r\nB: 12345\r\n\r\n" + "body line\r\n".repeat(100);

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 7, 1000})
    void aHeaderOfExactlyTheLimitPassesWholeInChunksOfAnySize(int chunk) throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        HeaderSectionLimit limit = feed(new HeaderSectionLimit(sink, 20), MESSAGE, chunk);
        assertThat(limit.exceeded()).isFalse();
        assertThat(sink.toString(US_ASCII)).isEqualTo(MESSAGE);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 7, 1000})
    void oneOctetOverTheLimitIsExceededAndNothingMoreReachesTheSink(int chunk) throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        HeaderSectionLimit limit = feed(new HeaderSectionLimit(sink, 19), MESSAGE, chunk);
        assertThat(limit.exceeded()).isTrue();
        assertThat(sink.size()).isLessThanOrEqualTo(19);
    }

    @Test
    void theBodyDoesNotCountHoweverLong() throws IOException {
        assertThat(HeaderSectionLimit.exceeds(stream("S: x\r\n\r\n" + "y".repeat(100_000)), 6)).isFalse();
    }

    @Test
    void aMessageWithoutEmptyLineIsAllHeader() throws IOException {
        assertThat(HeaderSectionLimit.exceeds(stream("S: x\r\nT: y\r\n"), 11)).isTrue();
        assertThat(HeaderSectionLimit.exceeds(stream("S: x\r\nT: y\r\n"), 12)).isFalse();
    }

    @Test
    void aBareLfEndsLinesAndTheHeaderToo() throws IOException {
        assertThat(HeaderSectionLimit.exceeds(stream("S: x\nT: y\n\n" + "z".repeat(1000)), 10)).isFalse();
        assertThat(HeaderSectionLimit.exceeds(stream("S: x\nT: y\n\n"), 9)).isTrue();
    }

    @Test
    void aMessageStartingWithAnEmptyLineHasNoHeader() throws IOException {
        assertThat(HeaderSectionLimit.exceeds(stream("\r\n" + "x".repeat(1000)), 0)).isFalse();
    }

    @Test
    void readsNoMoreThanTheHeaderAndItsLimit() throws IOException {
        CountingStream endless = new CountingStream();
        assertThat(HeaderSectionLimit.exceeds(endless, 100_000)).isTrue();
        assertThat(endless.read).isLessThanOrEqualTo(100_000 + 8 * 1024);
    }

    private static HeaderSectionLimit feed(HeaderSectionLimit limit, String message, int chunk) throws IOException {
        byte[] octets = message.getBytes(US_ASCII);
        for (int i = 0; i < octets.length; i += chunk) {
            limit.write(octets, i, Math.min(chunk, octets.length - i));
        }
        return limit;
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(US_ASCII));
    }

    /** A header line that never ends. */
    private static final class CountingStream extends InputStream {
        long read;

        @Override
        public int read() {
            read++;
            return 'h';
        }
    }
}
