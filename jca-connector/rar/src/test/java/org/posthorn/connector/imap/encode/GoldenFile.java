package org.posthorn.connector.imap.encode;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * A test of output against a golden file of {@code src/test/resources/imap/encode/}: a subclass names
 * the file and gives the actual output of each case; every case of the file must match, and every
 * case must be in the file.
 *
 * <p>The file: lines starting with {@code #} are comments; {@code == name} starts a case, and the
 * lines up to the next case are its expected output, joined with CRLF (so a literal's {@code {n}} ends
 * a line and its octets start the next), blank lines at the end of a case left out.
 */
abstract class GoldenFile {

    /** The file's name in {@code /imap/encode/}. */
    abstract String file();

    /** The actual output of each case, by case name. */
    abstract Map<String, String> actual();

    @TestFactory
    Stream<DynamicTest> writesWhatTheGoldenFileSays() throws IOException {
        Map<String, String> actual = actual();
        return read(file()).entrySet().stream().map(golden -> DynamicTest.dynamicTest(golden.getKey(),
                () -> assertThat(actual.get(golden.getKey())).as(golden.getKey()).isEqualTo(golden.getValue())));
    }

    @Test
    void everyCaseHasItsGoldenOutput() throws IOException {
        assertThat(read(file()).keySet()).containsExactlyElementsOf(actual().keySet());
    }

    /** The cases of {@code name} in file order: case name to expected output. */
    static Map<String, String> read(String name) throws IOException {
        String text;
        try (InputStream in = GoldenFile.class.getResourceAsStream("/imap/encode/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing golden file " + name);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, String> cases = new LinkedHashMap<>();
        String current = null;
        StringBuilder expected = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("== ")) {
                put(cases, current, expected);
                current = line.substring(3).strip();
                expected.setLength(0);
            } else if (current != null) {
                expected.append(line).append("\r\n");
            } else if (!line.isBlank()) {
                throw new IllegalStateException(name + ": text before the first case: " + line);
            }
        }
        put(cases, current, expected);
        return cases;
    }

    private static void put(Map<String, String> cases, String name, StringBuilder expected) {
        if (name == null) {
            return;
        }
        String value = expected.toString();
        while (value.endsWith("\r\n")) {
            value = value.substring(0, value.length() - 2);
        }
        if (cases.put(name, value) != null) {
            throw new IllegalStateException("case twice: " + name);
        }
    }
}
