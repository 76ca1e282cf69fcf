package org.posthorn.ejb.auth;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.posthorn.settings.Settings;

/**
 * Brute-force protection of the web sign-ins (admin console and REST API), with the limits the mail
 * protocols use ({@code posthorn.auth.max-failures} within {@code posthorn.auth.failure-window}): an
 * address, or a login name from any addresses, that reaches the limit is refused for one window without
 * the password being checked. A refused attempt counts against its address only, so an attacker cannot
 * keep somebody else's name locked for ever by trying it from elsewhere. The start of a throttle is
 * logged once, at WARNING.
 *
 * <p>Unlike the mail protocols, the web answers a throttled client plainly (HTTP 429 with Retry-After,
 * a message on the form) and holds no delay: a delay would hold one of the web container's worker
 * threads per attempt, which is what a flood of attempts would then exhaust.
 *
 * <p>Memory: at most {@link #MAX_KEYS} addresses and as many names (the least recently seen forgotten
 * first, names cut to 255 characters), each with at most max-failures instants.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class WebLoginThrottle {

    private static final Logger LOG = Logger.getLogger(WebLoginThrottle.class.getName());
    static final int MAX_KEYS = 10_000;
    private static final int MAX_NAME = 255;

    private final Map<String, Entry> addresses = boundedMap();
    private final Map<String, Entry> names = boundedMap();
    Clock clock = Clock.systemUTC();
    int maxFailures = Settings.AUTH_MAX_FAILURES.get();
    Duration window = Settings.AUTH_FAILURE_WINDOW.get();

    /**
     * How long the address or the login is still throttled, if it is; such an attempt counts against
     * the address (unless it is throttled already) and must be refused without checking the password.
     */
    public synchronized Optional<Duration> refusal(String address, String login) {
        Instant now = clock.instant();
        Instant until = later(throttledUntil(addresses, address, now), throttledUntil(names, name(login), now));
        if (until == null) {
            return Optional.empty();
        }
        count(addresses, address, now, "address " + LogText.safe(address));
        return Optional.of(Duration.between(now, until));
    }

    /** A wrong login or password from {@code address}. */
    public synchronized void failed(String address, String login) {
        Instant now = clock.instant();
        count(addresses, address, now, "address " + LogText.safe(address));
        count(names, name(login), now, "login " + LogText.safe(name(login)));
    }

    private void count(Map<String, Entry> table, String key, Instant now, String what) {
        Entry entry = table.computeIfAbsent(key, k -> new Entry());
        if (entry.throttledUntil != null && entry.throttledUntil.isAfter(now)) {
            return;
        }
        entry.failures.addLast(now);
        while (!entry.failures.isEmpty() && !entry.failures.peekFirst().isAfter(now.minus(window))) {
            entry.failures.removeFirst();
        }
        if (entry.failures.size() >= maxFailures) {
            entry.failures.clear();
            entry.throttledUntil = now.plus(window);
            LOG.warning(() -> "Web sign-in throttled for " + window.toMinutes() + " min: " + maxFailures
                    + " failed logins for " + what);
        }
    }

    private static Instant throttledUntil(Map<String, Entry> table, String key, Instant now) {
        Entry entry = table.get(key);
        return entry != null && entry.throttledUntil != null && entry.throttledUntil.isAfter(now) ? entry.throttledUntil : null;
    }

    private static Instant later(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }

    private static String name(String login) {
        String lower = login == null ? "" : login.toLowerCase(Locale.ROOT);
        return lower.length() > MAX_NAME ? lower.substring(0, MAX_NAME) : lower;
    }

    private static Map<String, Entry> boundedMap() {
        return new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > MAX_KEYS;
            }
        };
    }

    /** The recent failures of one address or name, and the end of its throttle. */
    private static final class Entry {
        final Deque<Instant> failures = new ArrayDeque<>();
        Instant throttledUntil;
    }
}
