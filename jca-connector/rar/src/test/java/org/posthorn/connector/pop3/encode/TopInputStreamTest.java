package org.posthorn.connector.pop3.encode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class TopInputStreamTest {

    private static final String MESSAGE = "From: a\r\nSubject: b\r\n\r\nbody 1\r\n\r\nbody 3\r\nbody 4";

    /** Reads {@code message} through the filter in reads of at most {@code chunk} bytes. */
    private static String top(String message, long lines, int chunk) throws IOException {
        InputStream source = new FilterInputStream(new ByteArrayInputStream(message.getBytes(StandardCharsets.US_ASCII))) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, chunk));
            }
        };
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TopInputStream top = new TopInputStream(source, lines)) {
            byte[] buffer = new byte[7];
            for (int n; (n = top.read(buffer, 0, buffer.length)) >= 0; ) {
                out.write(buffer, 0, n);
            }
            assertThat(top.read()).isEqualTo(-1);
        }
        return out.toString(StandardCharsets.US_ASCII);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0  | 'From: a\\r\\nSubject: b\\r\\n\\r\\n'",
            "1  | 'From: a\\r\\nSubject: b\\r\\n\\r\\nbody 1\\r\\n'",
            "2  | 'From: a\\r\\nSubject: b\\r\\n\\r\\nbody 1\\r\\n\\r\\n'",
            "3  | 'From: a\\r\\nSubject: b\\r\\n\\r\\nbody 1\\r\\n\\r\\nbody 3\\r\\n'",
            "4  | 'From: a\\r\\nSubject: b\\r\\n\\r\\nbody 1\\r\\n\\r\\nbody 3\\r\\nbody 4'",
            "99 | 'From: a\\r\\nSubject: b\\r\\n\\r\\nbody 1\\r\\n\\r\\nbody 3\\r\\nbody 4'"})
    void sendsTheHeaderTheBlankLineAndNLinesOfTheBody(long lines, String expected) throws IOException {
        String want = expected.replace("\\r", "\r").replace("\\n", "\n");
        assertThat(top(MESSAGE, lines, 1000)).isEqualTo(want);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 11})
    void givesTheSameResultWhateverTheReadSizes(int chunk) throws IOException {
        assertThat(top(MESSAGE, 2, chunk)).isEqualTo(top(MESSAGE, 2, 1000));
    }

    @Test
    void aMessageWithoutBodyComesWhole() throws IOException {
        assertThat(top("Subject: only a header\r\n", 0, 1000)).isEqualTo("Subject: only a header\r\n");
    }

    @Test
    void anEmptyHeaderEndsAtTheFirstLine() throws IOException {
        assertThat(top("\r\nbody\r\nmore\r\n", 1, 1000)).isEqualTo("\r\nbody\r\n");
    }

    @Test
    void refusesNegativeCountsAndSkipping() {
        InputStream empty = new ByteArrayInputStream(new byte[0]);
        assertThatThrownBy(() -> new TopInputStream(empty, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TopInputStream(empty, 1).skip(1)).isInstanceOf(IOException.class);
    }
}
