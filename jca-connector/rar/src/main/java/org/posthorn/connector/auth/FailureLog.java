package org.posthorn.connector.auth;

import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * The recent failed logins of one key (a client address or a login name), each noted with a
 * fingerprint of the other side of the attempt (the name tried, or the address it came from) so that
 * a success can take back exactly the failures of its own address and name. At most
 * {@code maxFailures} entries of 16 octets' worth each: reaching the limit starts a throttle and
 * empties the log. Not thread-safe: {@link LoginThrottle} guards it.
 */
final class FailureLog {

    /** One failed login at {@code millis}, against the name or address whose fingerprint is {@code other}. */
    private record Failure(long millis, long other) {
    }

    private final ArrayDeque<Failure> failures = new ArrayDeque<>();
    /** Refused until this instant (epoch millis); 0 when not throttled. */
    private long blockedUntil;

    /** Forgets failures at or before {@code oldest}, and a throttle that has ended by {@code now}. */
    void expire(long oldest, long now) {
        while (!failures.isEmpty() && failures.peekFirst().millis() <= oldest) {
            failures.removeFirst();
        }
        if (blockedUntil != 0 && blockedUntil <= now) {
            blockedUntil = 0;
        }
    }

    /** Notes a failure; returns how many are recent now. */
    int add(long now, long other) {
        failures.addLast(new Failure(now, other));
        return failures.size();
    }

    /** Starts a throttle until {@code until}; the failures that caused it are spent. */
    void block(long until) {
        blockedUntil = until;
        failures.clear();
    }

    boolean blocked() {
        return blockedUntil != 0;
    }

    int recent() {
        return failures.size();
    }

    /** Takes back the failures against {@code other}. */
    void forgive(long other) {
        for (Iterator<Failure> it = failures.iterator(); it.hasNext(); ) {
            if (it.next().other() == other) {
                it.remove();
            }
        }
    }

    /** Nothing left worth remembering. */
    boolean empty() {
        return failures.isEmpty() && blockedUntil == 0;
    }
}
