package org.posthorn.ejb.store;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;

/**
 * Chooses the UIDVALIDITY of a new mailbox (RFC 3501 §2.3.1.1, RFC 9051 §2.3.1.1): the creation
 * time in seconds since the epoch, or one more than the last value issued if that is not larger.
 * The last value lives in {@link UidValidityCounter}, taken under its row lock, so values are
 * unique and ascending across mailboxes, restarts and mailboxes recreated within the same second.
 * Seconds fit the 32-bit unsigned range until 2106.
 */
public final class UidValidity {

    private UidValidity() {
    }

    /** A value never issued before; call in the transaction that creates the mailbox. */
    public static long next(EntityManager em, Clock clock) {
        UidValidityCounter counter = em.find(UidValidityCounter.class, UidValidityCounter.ID,
                LockModeType.PESSIMISTIC_WRITE);
        long now = Math.max(1, clock.instant().getEpochSecond());
        if (counter == null) {
            // The first mailbox ever: two first creations at once collide on the primary key and one
            // fails (answered "try again later"), never both get the same value.
            em.persist(new UidValidityCounter(now));
            return now;
        }
        long value = Math.max(now, counter.getLastIssued() + 1);
        counter.setLastIssued(value);
        return value;
    }
}
