package org.posthorn.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingTest {

    @Test
    void propertyWinsOverEnvironmentAndDefault() {
        Map<String, String> source = Map.of("posthorn.smtp.port", "25", "POSTHORN_SMTP_PORT", "2600");
        assertThat(Settings.SMTP_PORT.get(source::get)).isEqualTo(25);
    }

    @Test
    void environmentNameFollowsMicroProfileRule() {
        assertThat(Settings.SMTP_MAX_RECIPIENTS.environmentName()).isEqualTo("POSTHORN_SMTP_MAX_RECIPIENTS");
        Map<String, String> source = Map.of("POSTHORN_SMTP_MAX_RECIPIENTS", "7");
        assertThat(Settings.SMTP_MAX_RECIPIENTS.get(source::get)).isEqualTo(7);
    }

    @Test
    void defaultWhenUnset() {
        assertThat(Settings.MAX_MESSAGE_SIZE.get(key -> null)).isEqualTo(25L * 1024 * 1024);
    }

    @Test
    void sizesAndDurationsHaveUnits() {
        assertThat(ValueParsers.size("512k")).isEqualTo(512 * 1024L);
        assertThat(ValueParsers.size("25M")).isEqualTo(25L * 1024 * 1024);
        assertThat(ValueParsers.duration("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(ValueParsers.duration("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(ValueParsers.duration("PT4H")).isEqualTo(Duration.ofHours(4));
        assertThat(Settings.QUEUE_RETRY.get(Map.of("posthorn.queue.retry", "2s, 1m,4h")::get))
                .containsExactly(Duration.ofSeconds(2), Duration.ofMinutes(1), Duration.ofHours(4));
        assertThat(Settings.QUEUE_RETRY.get(key -> null)).hasSize(5).endsWith(Duration.ofHours(4));
        assertThatThrownBy(() -> ValueParsers.durations("1m,0s")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void badValueNamesTheSetting() {
        Map<String, String> source = Map.of("posthorn.smtp.port", "70000");
        assertThatThrownBy(() -> Settings.SMTP_PORT.get(source::get))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("posthorn.smtp.port");
    }
}
