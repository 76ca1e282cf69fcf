package org.posthorn.ejb.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebLoginThrottleTest {

    private final MutableClock clock = new MutableClock();
    private final WebLoginThrottle throttle = new WebLoginThrottle();

    @BeforeEach
    void limits() {
        throttle.clock = clock;
        throttle.maxFailures = 3;
        throttle.window = Duration.ofMinutes(10);
    }

    @Test
    void anAddressIsRefusedForOneWindowAfterTooManyFailures() {
        fail("192.0.2.1", "a@example.test", "b@example.test", "c@example.test");

        assertThat(throttle.refusal("192.0.2.1", "d@example.test")).contains(Duration.ofMinutes(10));
        assertThat(throttle.refusal("192.0.2.2", "d@example.test")).as("another address").isEmpty();
        clock.advance(Duration.ofMinutes(10));
        assertThat(throttle.refusal("192.0.2.1", "d@example.test")).isEmpty();
    }

    @Test
    void aLoginIsRefusedFromEveryAddressAfterTooManyFailuresFromAny() {
        throttle.failed("192.0.2.1", "Admin");
        throttle.failed("192.0.2.2", "admin");
        throttle.failed("192.0.2.3", "ADMIN");

        assertThat(throttle.refusal("192.0.2.9", "admin")).isPresent();
        assertThat(throttle.refusal("192.0.2.9", "someone")).isEmpty();
    }

    @Test
    void failuresOlderThanTheWindowDoNotCount() {
        throttle.failed("192.0.2.1", "x");
        throttle.failed("192.0.2.1", "y");
        clock.advance(Duration.ofMinutes(11));
        throttle.failed("192.0.2.1", "z");

        assertThat(throttle.refusal("192.0.2.1", "w")).isEmpty();
    }

    @Test
    void refusedAttemptsOnAThrottledNameCountAgainstTheirAddressOnly() {
        fail("192.0.2.1", "victim", "victim", "victim");
        clock.advance(Duration.ofMinutes(1));

        for (int i = 0; i < 3; i++) {
            assertThat(throttle.refusal("198.51.100.7", "victim")).isPresent();
        }
        assertThat(throttle.refusal("198.51.100.7", "someone-else")).as("the hammering address is throttled").isPresent();
        clock.advance(Duration.ofMinutes(9));
        assertThat(throttle.refusal("203.0.113.5", "victim")).as("the name's throttle ends after its window").isEmpty();
    }

    private void fail(String address, String... logins) {
        for (String login : logins) {
            throttle.failed(address, login);
        }
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-11-27T12:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
