package org.posthorn.connector.imap.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.posthorn.connector.conversation.Escapes;

class ImapFramerTest {

    /** Small limits, so the tests can reach them: lines of 64, literals of 100, APPEND 1000, commands 300. */
    static final DecodeLimits SMALL = new DecodeLimits(64, 100, 1000, 300, 4, 8, 20);

    private final ImapFramer framer = new ImapFramer(SMALL);

    @Test
    void aLineWithoutLiteralsIsOneCommand() {
        List<ImapFrame> frames = frames(framer, "a NOOP\r\n", 1000);

        assertThat(frames).hasSize(1);
        assertThat(lines(frames.get(0))).containsExactly("a NOOP");
        assertThat(((ImapFrame.Command) frames.get(0)).command().literals()).isEmpty();
    }

    @Test
    void aSynchronizingLiteralAsksForContinuationBeforeItsOctetsAreRead() {
        ByteBuf in = Unpooled.copiedBuffer("a LOGIN {5}\r\n", StandardCharsets.US_ASCII);

        assertThat(framer.next(in)).isEqualTo(new ImapFrame.Continue());
        assertThat(framer.next(in)).isNull();

        in.writeBytes("alice pw\r\n".getBytes(StandardCharsets.US_ASCII));
        ImapFrame frame = framer.next(in);
        assertThat(lines(frame)).containsExactly("a LOGIN {5}", " pw");
        assertThat(literals(frame)).containsExactly("alice");
    }

    @Test
    void aNonSynchronizingLiteralIsReadWithoutContinuation() {
        List<ImapFrame> frames = frames(framer, "a LOGIN {5+}\r\nalice {2+}\r\npw\r\n", 1000);

        assertThat(frames).hasSize(1);
        assertThat(lines(frames.get(0))).containsExactly("a LOGIN {5+}", " {2+}", "");
        assertThat(literals(frames.get(0))).containsExactly("alice", "pw");
    }

    @Test
    void literalOctetsAreKeptAsTheyAreCrLfAndNulIncluded() {
        byte[] octets = Escapes.unescape("a APPEND x {6}\\r\\n\\r\\n\\x00.\\xFF\\n\\r\\n");

        List<ImapFrame> frames = frames(framer, octets, 1000);

        assertThat(frames).hasSize(2);
        assertThat(((ImapFrame.Command) frames.get(1)).command().literals().get(0))
                .containsExactly('\r', '\n', 0, '.', 0xFF, '\n');
    }

    @Test
    void aZeroLengthLiteralIsALiteral() {
        List<ImapFrame> frames = frames(framer, "a LOGIN {0+}\r\n {0}\r\n\r\n", 1000);

        assertThat(frames).containsOnlyOnce(new ImapFrame.Continue()).hasSize(2);
        assertThat(literals(frames.get(1))).containsExactly("", "");
    }

    @Test
    void itStopsAfterEachFrameAndLeavesTheRestInTheBuffer() {
        ByteBuf in = Unpooled.copiedBuffer("a STARTTLS\r\nb NOOP\r\nc NO", StandardCharsets.US_ASCII);

        assertThat(lines(framer.next(in))).containsExactly("a STARTTLS");
        assertThat(in.toString(StandardCharsets.US_ASCII)).isEqualTo("b NOOP\r\nc NO");
        assertThat(framer.holdsPartialInput()).isFalse();
        assertThat(lines(framer.next(in))).containsExactly("b NOOP");
        assertThat(framer.next(in)).isNull();
        assertThat(framer.holdsPartialInput()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 7, 13, 64, 100000})
    void chunkSizesDoNotChangeTheFrames(int chunk) {
        String script = "a LOGIN {5}\r\nalice {3+}\r\npw!\r\n"
                + "b APPEND INBOX (\\Seen) {12}\r\nline\r\nline\r\n\r\n"
                + "c " + "X".repeat(200) + " {3}\r\n"
                + "d NOOP\n"
                + "e SELECT {500}\r\n"
                + "f SELECT {5+}\r\nabcde\r\n"
                + "g " + "Y".repeat(100) + " {3+}\r\nabc\r\nh NOOP\r\n";
        List<String> expected = describe(frames(new ImapFramer(SMALL), script, script.length()));

        assertThat(describe(frames(new ImapFramer(SMALL), script, chunk))).isEqualTo(expected);
        assertThat(expected).containsExactly("continue", "[a LOGIN {5}|alice| {3+}|pw!||]",
                "continue", "[b APPEND INBOX (\\Seen) {12}|line\r\nline\r\n||]",
                "refused c LINE_TOO_LONG", "refused d BAD_LINE_END", "refused e LITERAL_TOO_LARGE",
                "[f SELECT {5+}|abcde||]", "refused g LINE_TOO_LONG close");
    }

    @Test
    void anOverLongLineIsSkippedToItsEndAndReportedOnceWithItsTag() {
        List<ImapFrame> frames = frames(framer, "a1 SEARCH " + "TEXT x ".repeat(20) + "\r\nb NOOP\r\n", 5);

        assertThat(describe(frames)).containsExactly("refused a1 LINE_TOO_LONG", "[b NOOP|]");
    }

    @Test
    void anOverLongLineEndingInASynchronizingLiteralEndsTheCommandOnly() {
        List<ImapFrame> frames = frames(framer, "a LOGIN " + "x".repeat(80) + " {000000000000005}\r\nb NOOP\r\n", 3);

        assertThat(describe(frames)).containsExactly("refused a LINE_TOO_LONG", "[b NOOP|]");
    }

    @Test
    void anOverLongLineEndingInANonSynchronizingLiteralClosesEvenWithManyDigits() {
        List<ImapFrame> frames = frames(framer, "a LOGIN " + "x".repeat(80) + " {000000000000005+}\r\nb NOOP\r\n", 3);

        assertThat(frames).containsExactly(new ImapFrame.Refused(Optional.of("a"), ParseError.Problem.LINE_TOO_LONG, true));
    }

    @Test
    void aRefusedSynchronizingLiteralIsNeverReadTheClientSendsTheNextCommand() {
        ByteBuf in = Unpooled.copiedBuffer("a LOGIN {101}\r\nb NOOP\r\n", StandardCharsets.US_ASCII);

        assertThat(framer.next(in)).isEqualTo(new ImapFrame.Refused(Optional.of("a"), ParseError.Problem.LITERAL_TOO_LARGE, false));
        assertThat(in.toString(StandardCharsets.US_ASCII)).isEqualTo("b NOOP\r\n");
        assertThat(framer.retainedOctets()).isLessThan(SMALL.maxLiteral());
        assertThat(lines(framer.next(in))).containsExactly("b NOOP");
    }

    @Test
    void aRefusedNonSynchronizingLiteralClosesAndNothingMoreIsFramed() {
        ByteBuf in = Unpooled.copiedBuffer("a LOGIN {101+}\r\n" + "x".repeat(101) + " y\r\nb NOOP\r\n", StandardCharsets.US_ASCII);

        assertThat(framer.next(in)).isEqualTo(new ImapFrame.Refused(Optional.of("a"), ParseError.Problem.LITERAL_TOO_LARGE, true));
        assertThat(framer.next(in)).isNull();
        assertThat(in.isReadable()).isFalse();
        assertThat(framer.next(Unpooled.copiedBuffer("c NOOP\r\n", StandardCharsets.US_ASCII))).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{4294967296}", "{99999999999999999999999}", "{18446744073709551617}"})
    void sizesBeyond32BitsAreTooLargeNotWrappedAround(String announcement) {
        List<ImapFrame> frames = frames(framer, "a APPEND x " + announcement + "\r\n", 1000);

        assertThat(frames).containsExactly(new ImapFrame.Refused(Optional.of("a"), ParseError.Problem.LITERAL_TOO_LARGE, false));
    }

    @Test
    void theAnnouncedSizeIsCheckedBeforeAnythingIsAllocatedAndRoomGrowsWithWhatArrives() {
        DecodeLimits limits = DecodeLimits.defaults().withMaxAppendLiteral(100L * 1024 * 1024);
        ImapFramer big = new ImapFramer(limits);
        ByteBuf in = Unpooled.copiedBuffer("a APPEND INBOX {104857600+}\r\nFrom: x\r\n", StandardCharsets.US_ASCII);

        assertThat(big.next(in)).isNull();

        assertThat(big.retainedOctets()).isLessThan(64 * 1024);
    }

    @Test
    void appendHasTheMessageLimitOtherCommandsTheLiteralLimit() {
        String message = "m".repeat(500);

        List<ImapFrame> append = frames(new ImapFramer(SMALL), "a append INBOX {500+}\r\n" + message + "\r\n", 1000);
        List<ImapFrame> login = frames(new ImapFramer(SMALL), "a LOGIN {500+}\r\n" + message + "\r\n", 1000);
        List<ImapFrame> tooBig = frames(new ImapFramer(SMALL), "a APPEND INBOX {1001}\r\n", 1000);

        assertThat(literals(append.get(0))).containsExactly(message);
        assertThat(login).containsExactly(new ImapFrame.Refused(Optional.of("a"), ParseError.Problem.LITERAL_TOO_LARGE, true));
        assertThat(tooBig).containsExactly(new ImapFrame.Refused(Optional.of("a"), ParseError.Problem.LITERAL_TOO_LARGE, false));
    }

    @Test
    void theNumberOfLiteralsIsLimited() {
        List<ImapFrame> frames = frames(framer, "a X {1+}\r\n1 {1+}\r\n2 {1+}\r\n3 {1+}\r\n4 {1}\r\nb NOOP\r\n", 1000);

        assertThat(describe(frames)).containsExactly("refused a TOO_MANY_LITERALS", "[b NOOP|]");
    }

    @Test
    void theWholeCommandIsLimitedAcrossItsLiterals() {
        // 11 + 95 + 8 + 95 + 7 octets framed; the third literal of 95 would make 311 > 300.
        String script = "a X {95+}\r\n" + "1".repeat(95) + " {95+}\r\n" + "2".repeat(95) + " {95}\r\nb NOOP\r\n";

        assertThat(describe(frames(framer, script, 1000))).containsExactly("refused a COMMAND_TOO_LARGE", "[b NOOP|]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a NOOP\n", "a NO\rOP\r\n", "\n"})
    void linesMustEndWithCrlfAndHoldNoCr(String line) {
        List<ImapFrame> frames = frames(framer, line + "b NOOP\r\n", 1000);

        assertThat(frames).hasSize(2);
        assertThat(frames.get(0)).isInstanceOfSatisfying(ImapFrame.Refused.class,
                r -> assertThat(r.problem()).isEqualTo(ParseError.Problem.BAD_LINE_END));
        assertThat(describe(frames.subList(1, 2))).containsExactly("[b NOOP|]");
    }

    @Test
    void aPlainLineIsNotACommandEvenIfItLooksLikeALiteral() {
        framer.expectLine();

        ImapFrame frame = frames(framer, "DONE {5}\r\na NOOP\r\n", 1000).get(0);

        assertThat(frame).isInstanceOfSatisfying(ImapFrame.Line.class,
                line -> assertThat(new String(line.text(), StandardCharsets.US_ASCII)).isEqualTo("DONE {5}"));
    }

    @Test
    void aPlainLineCannotBeAskedForInTheMiddleOfACommand() {
        assertThat(framer.next(Unpooled.copiedBuffer("a LOGIN {5}\r\n", StandardCharsets.US_ASCII)))
                .isEqualTo(new ImapFrame.Continue());

        assertThatThrownBy(framer::expectLine).isInstanceOf(IllegalStateException.class);
    }

    static List<ImapFrame> frames(ImapFramer framer, String script, int chunk) {
        return frames(framer, script.getBytes(StandardCharsets.ISO_8859_1), chunk);
    }

    static List<ImapFrame> frames(ImapFramer framer, byte[] script, int chunk) {
        List<ImapFrame> frames = new ArrayList<>();
        ByteBuf in = Unpooled.buffer();
        for (int at = 0; at < script.length; at += chunk) {
            in.writeBytes(script, at, Math.min(chunk, script.length - at));
            ImapFrame frame;
            while ((frame = framer.next(in)) != null) {
                frames.add(frame);
            }
        }
        return frames;
    }

    private static List<String> lines(ImapFrame frame) {
        return ((ImapFrame.Command) frame).command().lines().stream().map(ImapFramerTest::text).toList();
    }

    private static List<String> literals(ImapFrame frame) {
        return ((ImapFrame.Command) frame).command().literals().stream().map(ImapFramerTest::text).toList();
    }

    private static String text(byte[] octets) {
        return new String(octets, StandardCharsets.ISO_8859_1);
    }

    private static List<String> describe(List<ImapFrame> frames) {
        return frames.stream().map(f -> {
            if (f instanceof ImapFrame.Continue) {
                return "continue";
            }
            if (f instanceof ImapFrame.Refused r) {
                return "refused " + r.tag().orElse("-") + " " + r.problem() + (r.close() ? " close" : "");
            }
            RawCommand c = ((ImapFrame.Command) f).command();
            StringBuilder out = new StringBuilder("[");
            for (int i = 0; i < c.lines().size(); i++) {
                out.append(text(c.lines().get(i))).append('|');
                if (i < c.literals().size()) {
                    out.append(text(c.literals().get(i))).append('|');
                }
            }
            return out.append(']').toString();
        }).toList();
    }
}
