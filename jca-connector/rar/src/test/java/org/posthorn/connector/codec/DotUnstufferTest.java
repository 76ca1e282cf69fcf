package org.posthorn.connector.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class DotUnstufferTest {

    private static final long BIG = 1 << 20;

    /** What one run of the unstuffer produced. */
    record Run(boolean ended, String body, String rest, DotUnstuffer.Report report) {
    }

    @Test
    void removesTransparencyDotsAndKeepsCrlf() {
        Run run = run("Subject: x\r\n\r\n..leading dot\r\n...\r\n.\r\n", 1000, 1000, Integer.MAX_VALUE);

        assertThat(run.ended()).isTrue();
        assertThat(run.body()).isEqualTo("Subject: x\r\n\r\n.leading dot\r\n..\r\n");
        assertThat(run.report()).isEqualTo(new DotUnstuffer.Report(run.body().length(), false, false, false,
                Optional.empty()));
    }

    @Test
    void aDotLineRightAtTheStartEndsAnEmptyBody() {
        Run run = run(".\r\nQUIT\r\n", BIG, 1000, Integer.MAX_VALUE);

        assertThat(run.ended()).isTrue();
        assertThat(run.body()).isEmpty();
        assertThat(run.rest()).isEqualTo("QUIT\r\n");
    }

    @Test
    void leavesWhatFollowsTheEndInTheBuffer() {
        Run run = run("a\r\n.\r\nMAIL FROM:<x@y>\r\n", BIG, 1000, Integer.MAX_VALUE);

        assertThat(run.body()).isEqualTo("a\r\n");
        assertThat(run.rest()).isEqualTo("MAIL FROM:<x@y>\r\n");
    }

    @Test
    void waitsForTheEnd() {
        Run run = run("a\r\n.\r", BIG, 1000, Integer.MAX_VALUE);

        assertThat(run.ended()).isFalse();
        assertThat(run.body()).isEqualTo("a\r\n");
    }

    /** The smuggling variants (SEC Consult, 2023): none of them ends the data; all are flagged. */
    static Stream<String> fakeEnds() {
        return Stream.of("\n.\n", "\r\n.\n", "\n.\r\n", "\r.\r\n", "\r.\r", "\r\n.\r", "\r\n.\rX\r\n", "\n.\r", ".\n",
                "\r\n.\r\r\n");
    }

    @ParameterizedTest
    @MethodSource("fakeEnds")
    void onlyCrlfDotCrlfEndsTheData(String fakeEnd) {
        String smuggled = "MAIL FROM:<admin@example.test>\r\nRCPT TO:<bob@example.test>\r\nDATA\r\nevil\r\n";
        String input = "Subject: first\r\n\r\nhello" + fakeEnd + smuggled + ".\r\nNOOP\r\n";

        Run run = run(input, BIG, 1000, 1);

        assertThat(run.ended()).isTrue();
        assertThat(run.rest()).isEqualTo("NOOP\r\n");
        assertThat(run.body()).contains("MAIL FROM:<admin@example.test>").endsWith("evil\r\n");
        assertThat(run.report().bareLineEnds()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\nb\r\n.\r\n", "a\rb\r\n.\r\n", "\n.\r\n", "a\r\r\n.\r\n", ".\r.\r\n.\r\n"})
    void flagsEveryBareCrOrLf(String input) {
        assertThat(run(input, BIG, 1000, Integer.MAX_VALUE).report().bareLineEnds()).isTrue();
    }

    static Stream<Arguments> inputsAndChunks() {
        String[] inputs = {
            "Subject: x\r\n\r\n..a\r\n.b\r\n\r\n.\r\n",
            "a\n.\nb\r.\rc\r\n.\r\n",
            ".\r\n",
            "x".repeat(3000) + "\r\n..\r\n.\r\nrest",
            "\r\n\r\n.\r\r\n.\n.\r\n"
        };
        return Stream.of(inputs).flatMap(input -> Stream.of(1, 2, 3, 5, 64).map(chunk -> Arguments.of(input, chunk)));
    }

    @ParameterizedTest(name = "[{index}] chunks of {1}")
    @MethodSource("inputsAndChunks")
    void chunkingChangesNothing(String input, int chunkSize) {
        assertThat(run(input, 2000, 1000, chunkSize)).isEqualTo(run(input, 2000, 1000, Integer.MAX_VALUE));
    }

    @Test
    void keepsNoMoreThanTheLimitButReadsToTheEnd() {
        String input = "y".repeat(98) + "\r\n";
        Run run = run(input.repeat(50) + ".\r\nNOOP\r\n", 1000, 1000, 7);

        assertThat(run.ended()).isTrue();
        assertThat(run.body()).hasSize(1000);
        assertThat(run.report().size()).isEqualTo(5000);
        assertThat(run.report().tooBig()).isTrue();
        assertThat(run.rest()).isEqualTo("NOOP\r\n");
    }

    @Test
    void aBodyOfExactlyTheLimitIsNotTooBig() {
        Run run = run("y".repeat(98) + "\r\n.\r\n", 100, 1000, Integer.MAX_VALUE);

        assertThat(run.report().tooBig()).isFalse();
        assertThat(run.body()).hasSize(100);
    }

    @Test
    void textLinesMayBe1000OctetsWithTheirCrlfNotCountingTheTransparencyDot() {
        String longest = "." + ".".repeat(998) + "\r\n"; // 1001 on the wire, 1000 unstuffed
        assertThat(run(longest + ".\r\n", BIG, 1000, 3).report().lineTooLong()).isFalse();
        assertThat(run("z".repeat(999) + "\r\n.\r\n", BIG, 1000, 3).report().lineTooLong()).isTrue();
    }

    @Test
    void aFailingSinkIsReportedAndTheBodyStillReadToItsEnd() {
        IOException disk = new IOException("disk full");
        OutputStream failing = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw disk;
            }
        };
        DotUnstuffer unstuffer = new DotUnstuffer(failing, BIG, 1000);
        ByteBuf in = Unpooled.copiedBuffer("a\r\nb\r\n.\r\nNOOP\r\n", StandardCharsets.US_ASCII);

        assertThat(unstuffer.decode(in)).isTrue();
        assertThat(unstuffer.report().sinkFailure()).containsSame(disk);
        assertThat(in.toString(StandardCharsets.US_ASCII)).isEqualTo("NOOP\r\n");
    }

    static Run run(String input, long maxSize, int maxLine, int chunkSize) {
        byte[] bytes = input.getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        DotUnstuffer unstuffer = new DotUnstuffer(sink, maxSize, maxLine);
        ByteBuf in = Unpooled.buffer();
        boolean ended = false;
        int fed = 0;
        while (fed < bytes.length && !ended) {
            int n = Math.min(chunkSize, bytes.length - fed);
            in.writeBytes(bytes, fed, n);
            fed += n;
            ended = unstuffer.decode(in);
            in.discardReadBytes();
        }
        String rest = ended ? input.substring(fed - in.readableBytes()) : "";
        return new Run(ended, sink.toString(StandardCharsets.ISO_8859_1), rest, unstuffer.report());
    }
}
