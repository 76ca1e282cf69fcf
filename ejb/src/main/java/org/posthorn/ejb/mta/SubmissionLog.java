package org.posthorn.ejb.mta;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;

/**
 * Notes each message accepted from an authenticated client ({@link SubmittedMessage}), in the
 * transaction that accepts it, so that the count of sent mail agrees with what clients were told.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class SubmissionLog {

    /** How long a submission is counted: a month, more than any chart of the console shows. */
    public static final Duration RETENTION = Duration.ofDays(31);

    @PersistenceContext(unitName = "posthorn")
    EntityManager em;

    void record(String deliveryId, Instant acceptedAt) {
        em.persist(new SubmittedMessage(deliveryId, acceptedAt));
    }

    /** Messages submitted from {@code from} (inclusive) to {@code to} (exclusive). */
    public long countBetween(Instant from, Instant to) {
        return em.createQuery("select count(s) from SubmittedMessage s where s.acceptedAt >= :from"
                        + " and s.acceptedAt < :to", Long.class)
                .setParameter("from", from)
                .setParameter("to", to)
                .getSingleResult();
    }

    /** Forgets submissions older than {@link #RETENTION}; returns how many. */
    int prune(Instant now) {
        return em.createQuery("delete from SubmittedMessage s where s.acceptedAt < :before")
                .setParameter("before", now.minus(RETENTION))
                .executeUpdate();
    }
}
