package org.posthorn.ejb.queue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.posthorn.ejb.directory.NoSuchEntryException;
import org.posthorn.ejb.relay.RecipientResult;
import org.posthorn.settings.Settings;

/**
 * The queue's state changes, each in a transaction of its own, so that the network I/O of a delivery
 * attempt happens between two short transactions and never inside one:
 * <ol>
 *   <li>{@link #claim}: an attempt takes the entry for a while (a lease), or learns that it is gone,
 *       done or already being worked on. Two attempts that claim at once are kept apart by the
 *       entry's version: the second commit fails.</li>
 *   <li>{@link #record}: the attempt's per-recipient results are written; a delivered recipient is
 *       never tried again; the next attempt is scheduled by {@code posthorn.queue.retry}, at the
 *       latest at the entry's expiry ({@code posthorn.queue.max-age}), when the recipients still
 *       pending fail with {@code 4.4.7}; the sender gets a {@code failed} report for recipients that
 *       failed, and one {@code delayed} report once the entry is older than
 *       {@code posthorn.queue.delay-warning}; an entry with nothing pending is removed.</li>
 * </ol>
 * A crash between sending and recording can only make a recipient get the message twice, never lose
 * it; the lease runs out and the entry is tried again.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class QueueStore {

    private static final Logger LOG = Logger.getLogger(QueueStore.class.getName());

    /** How often an entry whose attempt request got lost is asked for again. */
    static final Duration RETRIGGER_AFTER = Duration.ofMinutes(1);

    @PersistenceContext(unitName = "posthorn")
    EntityManager em;

    @Inject
    Bounces bounces;

    @Inject
    RelayTrigger trigger;

    /** The entry for one attempt, leased until {@code now + lease}; empty if gone, done or leased already. */
    public Optional<Attempt> claim(long id, Instant now, Duration lease) {
        QueuedMessage entry = em.find(QueuedMessage.class, id);
        if (entry == null || entry.leased(now) || entry.pending().isEmpty()) {
            return Optional.empty();
        }
        entry.lease(now.plus(lease));
        return Optional.of(new Attempt(id, entry.getSender(),
                entry.pending().stream().map(QueuedRecipient::getAddress).toList(), entry.getContent()));
    }

    /** Writes an attempt's results; see the class comment for all that follows from them. */
    public void record(long id, List<RecipientResult> results, Instant now) {
        QueuedMessage entry = em.find(QueuedMessage.class, id);
        if (entry == null) {
            LOG.info(() -> "Queue entry " + id + " was removed during its delivery attempt");
            return;
        }
        List<QueuedRecipient> failed = new ArrayList<>();
        List<String> troubles = new ArrayList<>();
        for (RecipientResult result : results) {
            Optional<QueuedRecipient> recipient = entry.recipient(result.address()).filter(QueuedRecipient::isPending);
            if (recipient.isEmpty()) {
                continue;
            }
            RecipientState state = switch (result.kind()) {
                case DELIVERED -> RecipientState.DELIVERED;
                case FAILED -> RecipientState.FAILED;
                case DEFERRED -> RecipientState.PENDING;
            };
            recipient.get().record(state, result.status(), result.diagnostic(), result.remoteMta());
            if (state == RecipientState.FAILED) {
                failed.add(recipient.get());
            } else if (state == RecipientState.PENDING) {
                troubles.add(result.address() + ": " + result.diagnostic());
            }
        }
        Instant expiry = entry.getCreated().plus(Settings.QUEUE_MAX_AGE.get());
        if (!entry.pending().isEmpty() && !now.isBefore(expiry)) {
            for (QueuedRecipient recipient : entry.pending()) {
                recipient.record(RecipientState.FAILED, "4.4.7",
                        "delivery time expired; last: " + (recipient.getDiagnostic() == null ? "no attempt got through"
                                : recipient.getDiagnostic()), recipient.getRemoteMta());
                failed.add(recipient);
            }
        }
        String lastError = troubles.isEmpty() ? null : troubles.stream().distinct().collect(Collectors.joining("; "));
        entry.attempted(nextAttempt(entry.getAttempts() + 1, now, expiry), lastError);
        bounces.failed(entry, failed, now);
        List<QueuedRecipient> pending = entry.pending();
        if (!pending.isEmpty() && !entry.isDelayNotified()
                && !now.isBefore(entry.getCreated().plus(Settings.QUEUE_DELAY_WARNING.get()))) {
            bounces.delayed(entry, pending, now);
            entry.delayNotified();
        }
        if (pending.isEmpty()) {
            em.remove(entry);
            LOG.fine(() -> "Queue entry " + entry.getDeliveryId() + " done");
        }
    }

    /** Asks for an attempt of each due entry that no attempt holds and that was not asked for lately. */
    public int triggerDue(Instant now, int max) {
        List<QueuedMessage> due = em.createQuery("select q from QueuedMessage q where q.nextAttempt <= :now"
                                + " and (q.leaseUntil is null or q.leaseUntil <= :now)"
                                + " and (q.triggeredAt is null or q.triggeredAt <= :again) order by q.nextAttempt",
                        QueuedMessage.class)
                .setParameter("now", now)
                .setParameter("again", now.minus(RETRIGGER_AFTER))
                .setMaxResults(max)
                .getResultList();
        for (QueuedMessage entry : due) {
            entry.triggered(now);
            trigger.attempt(entry.getId());
        }
        return due.size();
    }

    /** Makes an entry due now and asks for an attempt (an administrator's "retry now"). */
    public QueueEntryInfo retryNow(long id, Instant now) {
        QueuedMessage entry = existing(id);
        entry.dueAt(now);
        entry.triggered(now);
        trigger.attempt(id);
        return QueueEntryInfo.of(entry);
    }

    /** Removes an entry without telling anyone (an administrator's "delete"). */
    public void delete(long id) {
        em.remove(existing(id));
    }

    public QueueEntryInfo get(long id) {
        return QueueEntryInfo.of(existing(id));
    }

    /** Every entry, oldest first. */
    public List<QueueEntryInfo> list() {
        return em.createQuery("select q from QueuedMessage q order by q.created, q.id", QueuedMessage.class)
                .getResultStream().map(QueueEntryInfo::of).toList();
    }

    private QueuedMessage existing(long id) {
        QueuedMessage entry = em.find(QueuedMessage.class, id);
        if (entry == null) {
            throw new NoSuchEntryException("no queue entry " + id);
        }
        return entry;
    }

    /**
     * After the {@code attempts}-th attempt: the {@code attempts}-th wait of {@code posthorn.queue.retry},
     * the last one repeating, but never after the expiry, so that the last attempt happens then.
     */
    static Instant nextAttempt(int attempts, Instant now, Instant expiry) {
        List<Duration> waits = Settings.QUEUE_RETRY.get();
        Instant next = now.plus(waits.get(Math.min(attempts, waits.size()) - 1));
        return next.isAfter(expiry) ? expiry : next;
    }
}
