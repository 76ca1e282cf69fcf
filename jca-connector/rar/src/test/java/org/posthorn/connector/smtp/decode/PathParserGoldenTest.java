package org.posthorn.connector.smtp.decode;

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
import org.posthorn.connector.conversation.Escapes;
import org.posthorn.connector.smtp.encode.SmtpReply;

/** Runs the cases of {@code path-parser.golden}; the file's header explains its format. */
class PathParserGoldenTest {

    /** One line of the golden file. */
    record Case(int line, PathParser.Kind kind, String input, String expected) {
        @Override
        public String toString() {
            return "line " + line + ": " + kind + " " + input;
        }
    }

    static List<Case> cases() throws IOException {
        String text;
        try (InputStream in = PathParserGoldenTest.class.getResourceAsStream("path-parser.golden")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Case> cases = new ArrayList<>();
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int arrow = line.indexOf("==>");
            if (arrow < 0 || line.charAt(1) != ' ' || "RF".indexOf(line.charAt(0)) < 0) {
                throw new IllegalStateException("path-parser.golden:" + (i + 1) + ": not a case: " + line);
            }
            PathParser.Kind kind = line.charAt(0) == 'R' ? PathParser.Kind.REVERSE : PathParser.Kind.FORWARD;
            String input = new String(Escapes.unescape(line.substring(2, arrow).strip()), StandardCharsets.UTF_8);
            cases.add(new Case(i + 1, kind, input, line.substring(arrow + 3).strip()));
        }
        return cases;
    }

    static Stream<Case> golden() throws IOException {
        return cases().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("golden")
    void parsesAsTheGoldenFileSays(Case golden) {
        assertThat(describe(PathParser.parseAll(golden.input(), golden.kind())))
                .as("path-parser.golden line %d", golden.line())
                .isEqualTo(golden.expected());
    }

    @Test
    void theGoldenFileCoversEveryOutcome() throws IOException {
        assertThat(cases()).hasSizeGreaterThan(80)
                .extracting(Case::expected)
                .anyMatch(e -> e.equals("null"))
                .anyMatch(e -> e.equals("postmaster"))
                .anyMatch(e -> e.startsWith("utf8 "))
                .anyMatch(e -> e.startsWith("553 "))
                .anyMatch(e -> e.startsWith("501 "));
    }

    @Test
    void parseReportsWhereThePathEndedSoParametersCanFollow() {
        Parsed<PathParser.Result> parsed = PathParser.parse("FROM:<a@b.example> SIZE=10", 5, PathParser.Kind.REVERSE);

        assertThat(parsed).isInstanceOfSatisfying(Parsed.Ok.class,
                ok -> assertThat(((PathParser.Result) ok.value()).end()).isEqualTo(18));
    }

    static String describe(Parsed<Path> parsed) {
        if (parsed instanceof Parsed.Invalid<Path> invalid) {
            SmtpReply reply = invalid.reply();
            return reply.code() + " " + reply.status() + " " + reply.lines().get(0);
        }
        Path path = ((Parsed.Ok<Path>) parsed).value();
        if (path instanceof Path.NullPath) {
            return "null";
        }
        if (path instanceof Path.Postmaster) {
            return "postmaster";
        }
        Path.Mailbox mailbox = (Path.Mailbox) path;
        return (mailbox.utf8() ? "utf8 " : "") + mailbox.address().localPart() + "@" + mailbox.address().domain();
    }
}
