package org.posthorn.connector.imap.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SequenceSetTest {

    private static SequenceSet set(String text) {
        return SequenceSet.parse(text).orElseThrow();
    }

    private static SequenceSet.Range range(long first, long last) {
        return new SequenceSet.Range(first, last);
    }

    @Test
    void rangesAreKeptAsWritten() {
        assertThat(set("2,4:7,9,*:4,12:10").ranges()).containsExactly(range(2, 2), range(4, 7), range(9, 9),
                range(SequenceSet.STAR, 4), range(12, 10));
        assertThat(set("2,4:7,9,*:4,12:10")).hasToString("2,4:7,9,*:4,12:10");
    }

    @Test
    void starIsTheLargestNumberInUse() {
        SequenceSet set = set("1:*");

        assertThat(set.contains(1, 5)).isTrue();
        assertThat(set.contains(5, 5)).isTrue();
        assertThat(set.contains(6, 5)).isFalse();
        assertThat(set("*").contains(5, 5)).isTrue();
        assertThat(set("*").contains(4, 5)).isFalse();
    }

    @Test
    void rangesWorkInEitherOrder() {
        assertThat(set("*:4").contains(4, 10)).isTrue();
        assertThat(set("*:4").contains(3, 10)).isFalse();
        assertThat(set("7:2").contains(5, 10)).isTrue();
        assertThat(set("7:2").contains(8, 10)).isFalse();
    }

    @Test
    void aRangeBeyondTheLargestStillHoldsTheLargest() {
        // RFC 3501 §9: "10:*" with 5 as the largest is "5:10", which includes 5 (for UID sets).
        assertThat(set("10:*").contains(5, 5)).isTrue();
        assertThat(set("10:*").contains(4, 5)).isFalse();
        assertThat(set("10:*").resolve(5)).containsExactly(range(5, 10));
    }

    @Test
    void theWholeUidSpaceIsOneRangeNotFourBillionNumbers() {
        SequenceSet all = set("1:4294967295");

        assertThat(all.resolve(100)).containsExactly(range(1, 4294967295L));
        assertThat(all.contains(4294967295L, 100)).isTrue();
        assertThat(all.contains(4000000000L, 0)).isTrue();
    }

    @Test
    void resolveSortsMergesAndReplacesStar() {
        assertThat(set("9,1:3,*,4,20:18,2").resolve(50)).containsExactly(range(1, 4), range(9, 9), range(18, 20), range(50, 50));
        assertThat(set("5:*").resolve(0)).containsExactly(range(1, 5));
        assertThat(set("*").resolve(0)).isEmpty();
    }

    @Test
    void dollarIsTheSavedResultAndHasNoNumbersOfItsOwn() {
        SequenceSet saved = set("$");

        assertThat(saved.isSavedResult()).isTrue();
        assertThat(saved.ranges()).isEmpty();
        assertThat(saved).hasToString("$").isEqualTo(SequenceSet.savedResult());
        assertThatThrownBy(() -> saved.contains(1, 1)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> saved.resolve(1)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theLargestMustBeA32BitNumber() {
        assertThatThrownBy(() -> set("1").contains(1, 4294967296L)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> set("1").resolve(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0", "0:5", "01", "1:", ":1", "1,", ",1", "1,,2", "1:2:3", "4294967296", "12345678901",
            "1:*:2", "**", "$,1", "$$", "-1", "a", "1 2"})
    void invalidSetsAreRefused(String text) {
        assertThat(SequenceSet.parse(text)).isEmpty();
    }

    @Test
    void equalityIsByRangesAsWritten() {
        assertThat(set("1:3")).isEqualTo(SequenceSet.of(List.of(range(1, 3)))).isNotEqualTo(set("3:1"));
        assertThat(set("1:3").hashCode()).isEqualTo(SequenceSet.of(List.of(range(1, 3))).hashCode());
    }
}
