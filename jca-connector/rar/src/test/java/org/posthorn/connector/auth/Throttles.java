package org.posthorn.connector.auth;

import java.time.Clock;
import java.time.Duration;

/** Login throttles for tests. */
public final class Throttles {

    private Throttles() {
    }

    /** The default limits (10 failures in 10 minutes, 15 s at most) on the system clock. */
    public static LoginThrottle standard() {
        return new LoginThrottle(defaults(), Clock.systemUTC());
    }

    /** The default limits on {@code clock}. */
    public static LoginThrottle standard(Clock clock) {
        return new LoginThrottle(defaults(), clock);
    }

    public static ThrottleLimits defaults() {
        return new ThrottleLimits(10, Duration.ofMinutes(10), Duration.ofSeconds(15), ThrottleLimits.DEFAULT_MAX_KEYS);
    }
}
