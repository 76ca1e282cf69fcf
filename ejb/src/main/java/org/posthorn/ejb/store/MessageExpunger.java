package org.posthorn.ejb.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.posthorn.ejb.notify.MailboxChangeNotifier;

/**
 * Removes entries from a mailbox for good (IMAP EXPUNGE, POP3 DELE, account deletion), records the
 * change in the mailbox's HIGHESTMODSEQ with one tombstone per UID ({@link ExpungedMessage},
 * RFC 7162 §3.2.10), releases the blobs and announces the change ({@link MailboxChangeNotifier}).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class MessageExpunger {

    @PersistenceContext(unitName = "posthorn")
    EntityManager em;

    @Inject
    BlobReferences blobs;

    @Inject
    MailboxChangeNotifier notifier;

    /**
     * @param locked   a mailbox from {@link MailboxLocks#lock} in this transaction
     * @param messages entries of that mailbox
     */
    public void expunge(Mailbox locked, List<MailboxMessage> messages) {
        if (messages.isEmpty()) {
            return;
        }
        Map<Long, Integer> droppedPerBlob = new HashMap<>();
        long modSeq = locked.nextModSeq();
        Instant now = Instant.now();
        for (MailboxMessage message : messages) {
            if (!message.getMailbox().getId().equals(locked.getId())) {
                throw new IllegalArgumentException("message " + message.getId() + " is not in mailbox " + locked.getId());
            }
            droppedPerBlob.merge(message.getBlob().getId(), 1, Integer::sum);
            em.persist(new ExpungedMessage(locked.getId(), message.getUid(), modSeq, now));
            em.remove(message);
        }
        // The entries' rows must be gone before their blobs can be (foreign key), and the blob
        // statements are bulk statements that do not wait for the persistence context's own flush.
        em.flush();
        blobs.release(droppedPerBlob);
        notifier.changed(locked.getAccount().getAddress(), locked.getName());
    }

    /** Every entry of a mailbox, for removing it whole. */
    public List<MailboxMessage> allIn(Mailbox mailbox) {
        return em.createQuery("select m from MailboxMessage m where m.mailbox = :mailbox order by m.uid",
                        MailboxMessage.class)
                .setParameter("mailbox", mailbox)
                .getResultList();
    }

    /**
     * Drops the tombstones of expunges before {@code cutoff} (and those of unknown age, written before
     * tombstones had one), for mailboxes that stay. Only a session selected since before the expunge
     * asks for a tombstone, so once every such session has ended, it is dead weight.
     *
     * @return how many were dropped
     */
    public int forgetTombstonesBefore(Instant cutoff) {
        return em.createQuery("delete from ExpungedMessage e where e.expungedAt < :cutoff or e.expungedAt is null")
                .setParameter("cutoff", cutoff)
                .executeUpdate();
    }

    /** Drops the tombstones of a mailbox that is being deleted. */
    public void forget(Mailbox locked) {
        em.createQuery("delete from ExpungedMessage e where e.mailboxId = :id")
                .setParameter("id", locked.getId())
                .executeUpdate();
    }
}
