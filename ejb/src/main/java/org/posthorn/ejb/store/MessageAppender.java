package org.posthorn.ejb.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * Adds a message to a mailbox: the next UID and MODSEQ of that mailbox, taken under its lock.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class MessageAppender {

    @PersistenceContext(unitName = "posthorn")
    EntityManager em;

    /**
     * Appends an entry for a blob that already counts this entry among its references.
     *
     * @param locked a mailbox from {@link MailboxLocks#lock} in this transaction
     */
    public MailboxMessage append(Mailbox locked, MessageBlob blob, MessageSummary summary, Instant internalDate) {
        MailboxMessage message = new MailboxMessage(locked, locked.allocateUid(), locked.nextModSeq(),
                internalDate, blob, summary);
        em.persist(message);
        return message;
    }
}
