package org.posthorn.connector.auth;

import java.time.Duration;
import java.util.Objects;
import org.posthorn.settings.Settings;

/**
 * The limits of a {@link LoginThrottle}.
 *
 * @param maxFailures failed logins within {@code window} from one client address, or for one login
 *                    name, after which that address or name is refused for one {@code window}
 * @param window      how far back failures count, and how long a throttle lasts once it starts
 * @param maxDelay    the longest a failed login waits for its answer, however many failures came before
 * @param maxKeys     client addresses (and, separately, login names) tracked at once; past it the
 *                    least recently seen is forgotten, so a botnet cannot grow the tables without bound
 */
public record ThrottleLimits(int maxFailures, Duration window, Duration maxDelay, int maxKeys) {

    /** Keys tracked by default: 100,000 addresses and as many names (see {@link LoginThrottle} on memory). */
    public static final int DEFAULT_MAX_KEYS = 100_000;

    public ThrottleLimits {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (maxFailures <= 0 || maxKeys <= 0) {
            throw new IllegalArgumentException("max failures and max keys must be positive");
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("failure window must be positive");
        }
        if (maxDelay.isNegative()) {
            throw new IllegalArgumentException("max failure delay must not be negative");
        }
    }

    /** The limits from {@code posthorn.auth.*} settings. */
    public static ThrottleLimits fromSettings() {
        return new ThrottleLimits(Settings.AUTH_MAX_FAILURES.get(), Settings.AUTH_FAILURE_WINDOW.get(),
                Settings.AUTH_MAX_FAILURE_DELAY.get(), DEFAULT_MAX_KEYS);
    }
}
