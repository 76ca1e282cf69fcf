package org.posthorn.web.console.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void twoLargestUnits() {
        assertThat(Durations.format(Duration.ofSeconds(42))).isEqualTo("42 s");
        assertThat(Durations.format(Duration.ofMinutes(7).plusSeconds(3))).isEqualTo("7 min");
        assertThat(Durations.format(Duration.ofHours(5).plusMinutes(12))).isEqualTo("5 h 12 min");
        assertThat(Durations.format(Duration.ofDays(3).plusHours(4).plusMinutes(9))).isEqualTo("3 d 4 h");
        assertThat(Durations.format(Duration.ofSeconds(-5))).isEqualTo("0 s");
    }
}
