package org.posthorn.connector.auth;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.logging.Logger;

/**
 * Brute-force protection shared by every protocol that takes passwords: one per resource adapter,
 * used by all its listeners' sessions on every event loop. Thread-safe; every method is a few map
 * operations under one lock and never blocks on I/O, so event loops may call it.
 *
 * <p>Failed logins are counted per client address and per login name (lower-cased) in a sliding
 * window. When an address, or a name from any addresses, reaches {@link ThrottleLimits#maxFailures()}
 * failures within {@link ThrottleLimits#window()}, it is throttled for one window: its attempts are
 * {@linkplain #refuses refused} without asking the password store, and the protocol answers them
 * exactly as it answers a wrong password, so the client learns nothing. The start of a throttle is
 * logged once, at WARNING. A {@linkplain #refused refused} attempt counts against its address only,
 * so that its delay grows exactly as a wrong password's would (the timing gives nothing away) and an
 * address hammering a throttled account is throttled itself; it does not count against the name, or
 * an attacker could keep somebody else's account locked for ever. Failures of an address or name
 * that is already throttled are not counted: the throttle lasts one window from its start.
 *
 * <p>A success takes back only the failures of that address for that name (a user who mistyped and
 * then got it right carries no strikes). It does not clear the address's other failures, or an
 * attacker who owns one account could wipe his address's record between guesses at others; nor the
 * name's failures from other addresses, or the owner logging in would reset an attacker's count.
 *
 * <p>Failed logins are answered after a delay that doubles with each recent failure from the
 * address (base × 2<sup>n−1</sup>, at most {@link ThrottleLimits#maxDelay()}); the protocol holds
 * it on its event loop's timer.
 *
 * <p>Memory: at most {@link ThrottleLimits#maxKeys()} addresses and as many names (the least
 * recently seen are forgotten first; names are cut to 255 characters), each with at most
 * {@code maxFailures} failures of 16 octets. A failure notes the other side of the attempt only as a
 * salted SHA-256 fingerprint, so a botnet trying long names costs the name table, not every address's
 * log. With the defaults that is some 100–150 MB in the worst case (every tracked key at its limit,
 * every name 255 characters long) and a few MB in ordinary life. Stale entries are dropped lazily
 * when the tables are touched.
 */
public final class LoginThrottle {

    private static final Logger LOG = Logger.getLogger(LoginThrottle.class.getName());

    private final ThrottleLimits limits;
    private final Clock clock;
    private final FailureTable addresses;
    private final FailureTable names;
    /** Keys the fingerprints, so that a client cannot choose a name whose failures another's success takes back. */
    private final byte[] salt = new byte[16];
    private final MessageDigest sha256;

    public LoginThrottle(ThrottleLimits limits, Clock clock) {
        new SecureRandom().nextBytes(salt);
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        this.limits = Objects.requireNonNull(limits, "limits");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.addresses = new FailureTable(limits.maxKeys());
        this.names = new FailureTable(limits.maxKeys());
    }

    /** Whether a login as {@code login} from {@code address} is to be refused without checking the password. */
    public synchronized boolean refuses(InetAddress address, String login) {
        long now = clock.millis();
        long oldest = now - limits.window().toMillis();
        return blocked(addresses, key(address), oldest, now) || blocked(names, name(login), oldest, now);
    }

    /** Notes a failed login (wrong password, unknown name, refused identity); logs a throttle it starts. */
    public void failed(InetAddress address, String login) {
        String addressKey = key(address);
        String nameKey = name(login);
        boolean addressBlocked;
        boolean nameBlocked;
        synchronized (this) {
            long now = clock.millis();
            addressBlocked = count(addresses, addressKey, fingerprint(nameKey), now);
            nameBlocked = count(names, nameKey, fingerprint(addressKey), now);
        }
        if (addressBlocked) {
            warnAddress(addressKey);
        }
        if (nameBlocked) {
            LOG.warning(() -> "login throttle: login name " + printable(nameKey) + " refused for " + limits.window()
                    + " after " + limits.maxFailures() + " failed logins from any address");
        }
    }

    /**
     * Notes a login that {@link #refuses} turned away: a failure of the address (logged if it starts
     * the address's throttle), not of the name.
     */
    public void refused(InetAddress address, String login) {
        String addressKey = key(address);
        String nameKey = name(login);
        boolean addressBlocked;
        synchronized (this) {
            addressBlocked = count(addresses, addressKey, fingerprint(nameKey), clock.millis());
        }
        if (addressBlocked) {
            warnAddress(addressKey);
        }
    }

    /** Notes a successful login: takes back this address's failures for this name, and nothing else. */
    public synchronized void succeeded(InetAddress address, String login) {
        long now = clock.millis();
        long oldest = now - limits.window().toMillis();
        String addressKey = key(address);
        String nameKey = name(login);
        forgive(addresses, addressKey, fingerprint(nameKey), oldest, now);
        forgive(names, nameKey, fingerprint(addressKey), oldest, now);
    }

    /**
     * How long to wait before answering a failed or refused login from {@code address}: {@code base}
     * doubled for each recent failure after the first, at most the configured maximum; a throttled
     * address waits as long as it would after the last failure the limit allows.
     */
    public synchronized Duration failureDelay(InetAddress address, Duration base) {
        long now = clock.millis();
        FailureLog log = addresses.find(key(address), now - limits.window().toMillis(), now);
        int failures = log == null ? 0 : log.blocked() ? limits.maxFailures() : log.recent();
        return grow(base, failures, limits.maxDelay());
    }

    /** Keys tracked now (addresses + names); for tests and monitoring. */
    public synchronized int trackedKeys() {
        return addresses.size() + names.size();
    }

    /** {@code base} × 2<sup>failures−1</sup> (base for no failures), capped at {@code max}, without overflow. */
    static Duration grow(Duration base, int failures, Duration max) {
        Duration delay = base;
        for (int i = 1; i < failures && delay.compareTo(max) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(max) > 0 ? max : delay;
    }

    private void warnAddress(String addressKey) {
        LOG.warning(() -> "login throttle: client address " + addressKey + " refused for " + limits.window()
                + " after " + limits.maxFailures() + " failed logins");
    }

    private boolean blocked(FailureTable table, String key, long oldest, long now) {
        FailureLog log = table.find(key, oldest, now);
        return log != null && log.blocked();
    }

    /** Counts a failure in {@code table}; true if it starts a throttle. */
    private boolean count(FailureTable table, String key, long other, long now) {
        FailureLog log = table.touch(key, now - limits.window().toMillis(), now);
        if (log.blocked()) {
            return false;
        }
        if (log.add(now, other) >= limits.maxFailures()) {
            log.block(now + limits.window().toMillis());
            return true;
        }
        return false;
    }

    private static void forgive(FailureTable table, String key, long other, long oldest, long now) {
        FailureLog log = table.find(key, oldest, now);
        if (log != null) {
            log.forgive(other);
            table.tidy(key, log);
        }
    }

    private static String key(InetAddress address) {
        return Objects.requireNonNull(address, "address").getHostAddress();
    }

    /** The key of a login name: lower-cased, at most 255 characters (longer than any address, RFC 5321 §4.5.3.1.3). */
    private static String name(String login) {
        String name = Objects.requireNonNull(login, "login").toLowerCase(Locale.ROOT);
        return name.length() > 255 ? name.substring(0, 255) : name;
    }

    /** 64 bits of the salted SHA-256 of {@code key}; called under the lock (the digest is not thread-safe). */
    private long fingerprint(String key) {
        sha256.update(salt);
        byte[] hash = sha256.digest(key.getBytes(StandardCharsets.UTF_8));
        return ByteBuffer.wrap(hash).getLong();
    }

    /** A login name for the log: control characters (CR, LF, …) replaced, at most 64 characters. */
    private static String printable(String name) {
        String shown = name.length() > 64 ? name.substring(0, 64) + "…" : name;
        return '"' + shown.replaceAll("\\p{Cntrl}", "?") + '"';
    }
}
