package org.posthorn.ejb.store;

import java.time.Clock;

/**
 * Chooses the UIDVALIDITY of a new mailbox (RFC 9051 §2.3.1.1): the creation time in seconds since
 * the epoch, which fits the 32-bit unsigned range until 2106 and grows with time, so a mailbox that
 * is deleted and created again under the same name later gets a different value.
 */
final class UidValidity {

    private UidValidity() {
    }

    static long next(Clock clock) {
        return Math.max(1, clock.instant().getEpochSecond());
    }
}
