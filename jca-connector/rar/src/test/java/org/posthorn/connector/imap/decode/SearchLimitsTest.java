package org.posthorn.connector.imap.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SEARCH nesting and key count are bounded (DecodeLimits), so no SEARCH can exhaust the stack. */
class SearchLimitsTest {

    private static ImapInput decode(String command) {
        List<ImapInput> inputs = Feeder.decode(new ImapDecoder(DecodeLimits.defaults()),
                (command + "\r\n").getBytes(StandardCharsets.US_ASCII), 4096);
        assertThat(inputs).hasSize(1);
        return inputs.get(0);
    }

    @Test
    void sixtyFourLevelsOfNestingAreAllowed() {
        assertThat(decode("a SEARCH " + "NOT ".repeat(63) + "SEEN")).isInstanceOf(Search.class);
        assertThat(decode("a SEARCH " + "(".repeat(63) + "SEEN" + ")".repeat(63))).isInstanceOf(Search.class);
    }

    @Test
    void deeperNestingIsRefusedAsTooComplex() {
        assertThat(decode("a SEARCH " + "NOT ".repeat(64) + "SEEN")).isInstanceOfSatisfying(ParseError.class, e -> {
            assertThat(e.problem()).isEqualTo(ParseError.Problem.TOO_COMPLEX);
            assertThat(e.tag()).contains("a");
        });
        assertThat(decode("a SEARCH " + "(".repeat(64) + "SEEN" + ")".repeat(64)))
                .isInstanceOfSatisfying(ParseError.class, e -> assertThat(e.problem()).isEqualTo(ParseError.Problem.TOO_COMPLEX));
        assertThat(decode("a SEARCH " + "OR SEEN ".repeat(64) + "SEEN"))
                .isInstanceOfSatisfying(ParseError.class, e -> assertThat(e.problem()).isEqualTo(ParseError.Problem.TOO_COMPLEX));
    }

    @Test
    void parenthesesDeeperThanALineCanHoldAreRefusedWithoutStackOverflow() {
        assertThat(decode("a SEARCH " + "(".repeat(4000))).isInstanceOfSatisfying(ParseError.class,
                e -> assertThat(e.problem()).isEqualTo(ParseError.Problem.TOO_COMPLEX));
    }

    @Test
    void aThousandKeysAreAllowedOneMoreIsNot() {
        assertThat(decode("a SEARCH" + " SEEN".repeat(1000))).isInstanceOfSatisfying(Search.class,
                s -> assertThat(((SearchKey.And) s.key()).keys()).hasSize(1000));
        assertThat(decode("a SEARCH" + " SEEN".repeat(1001))).isInstanceOfSatisfying(ParseError.class,
                e -> assertThat(e.problem()).isEqualTo(ParseError.Problem.TOO_COMPLEX));
    }

    @Test
    void smallerLimitsAreHonoured() {
        DecodeLimits limits = new DecodeLimits(8192, 1024, 1024, 65536, 8, 3, 5);
        List<ImapInput> inputs = Feeder.decode(new ImapDecoder(limits),
                "a SEARCH NOT NOT SEEN\r\nb SEARCH NOT NOT NOT SEEN\r\nc SEARCH 1 2 3 4 5\r\nd SEARCH 1 2 3 4 5 6\r\n"
                        .getBytes(StandardCharsets.US_ASCII), 1);

        assertThat(inputs).extracting(i -> i instanceof ParseError e ? e.problem().toString() : "ok")
                .containsExactly("ok", "TOO_COMPLEX", "ok", "TOO_COMPLEX");
    }
}
