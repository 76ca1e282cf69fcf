package org.posthorn.spi.imap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class UidSetTest {

    @Test
    void rangesAreSortedAndMergedWhenTheyOverlapOrTouch() {
        UidSet set = new UidSet(List.of(new UidSet.Range(10, 12), new UidSet.Range(1, 3),
                new UidSet.Range(4, 5), new UidSet.Range(11, 20)));

        assertThat(set.ranges()).containsExactly(new UidSet.Range(1, 5), new UidSet.Range(10, 20));
    }

    @Test
    void containsWithoutExpanding() {
        UidSet all = UidSet.all();
        assertThat(all.contains(1)).isTrue();
        assertThat(all.contains(UidSet.MAX_UID)).isTrue();
        UidSet some = new UidSet(List.of(new UidSet.Range(2, 4), new UidSet.Range(9, 9)));
        assertThat(some.contains(1)).isFalse();
        assertThat(some.contains(3)).isTrue();
        assertThat(some.contains(5)).isFalse();
        assertThat(some.contains(9)).isTrue();
        assertThat(some.contains(10)).isFalse();
    }

    @Test
    void rangesOutsideThe32BitUidSpaceAreRefused() {
        assertThatThrownBy(() -> new UidSet.Range(0, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new UidSet.Range(5, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new UidSet.Range(1, UidSet.MAX_UID + 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
