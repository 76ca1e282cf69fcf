package org.posthorn.connector.imap.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the golden files of this package ({@code *.golden}; each file's header explains the format):
 * every input must decode to the expected canonical command or refusal, and every command must
 * decode again, from its canonical form, to an equal record.
 */
class GoldenFileTest {

    static final List<String> FILES = List.of("commands.golden", "search.golden", "fetch.golden", "list.golden");

    /** One case of a golden file. */
    record Case(String file, int line, String input, String expected) {
        @Override
        public String toString() {
            return file + ":" + line + ": " + input;
        }
    }

    static List<Case> cases(String file) throws IOException {
        String text;
        try (InputStream in = GoldenFileTest.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("missing golden file " + file);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Case> cases = new ArrayList<>();
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int arrow = line.indexOf(" ==> ");
            if (arrow < 0) {
                throw new IllegalStateException(file + ":" + (i + 1) + ": not a case: " + line);
            }
            cases.add(new Case(file, i + 1, line.substring(0, arrow).strip(), line.substring(arrow + 5).strip()));
        }
        return cases;
    }

    static Stream<Case> golden() throws IOException {
        List<Case> all = new ArrayList<>();
        for (String file : FILES) {
            all.addAll(cases(file));
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("golden")
    void decodesAsTheGoldenFileSays(Case golden) {
        assertThat(Feeder.describe(Feeder.one(golden.input())))
                .as("%s line %d", golden.file(), golden.line())
                .isEqualTo(golden.expected());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("golden")
    void theCanonicalFormDecodesToTheSameRecord(Case golden) {
        ImapInput input = Feeder.one(golden.input());
        if (input instanceof ImapCommand command) {
            String canonical = Feeder.describe(command);
            assertThat(Feeder.one(canonical)).as("%s line %d: %s", golden.file(), golden.line(), canonical)
                    .isEqualTo(command);
        } else {
            assertThat(input).isInstanceOf(ParseError.class);
        }
    }

    @Test
    void theGoldenFilesCoverCommandsAndRefusals() throws IOException {
        for (String file : FILES) {
            List<Case> cases = cases(file);
            assertThat(cases).as(file).hasSizeGreaterThan(30)
                    .anyMatch(c -> c.expected().contains(" BAD "))
                    .anyMatch(c -> !c.expected().contains(" BAD "));
        }
    }
}
