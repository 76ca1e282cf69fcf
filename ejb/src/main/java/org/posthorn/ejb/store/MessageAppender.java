package org.posthorn.ejb.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Set;
import org.posthorn.ejb.notify.MailboxChangeNotifier;

/**
 * Adds a message to a mailbox: the next UID and MODSEQ of that mailbox, taken under its lock. Every
 * addition (delivery, APPEND, COPY, MOVE) passes here and announces the change ({@link MailboxChangeNotifier}).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class MessageAppender {

    @PersistenceContext(unitName = "posthorn")
    EntityManager em;

    @Inject
    MailboxChangeNotifier notifier;

    /**
     * Appends an entry for a blob that already counts this entry among its references.
     *
     * @param locked a mailbox from {@link MailboxLocks#lock} in this transaction
     */
    public MailboxMessage append(Mailbox locked, MessageBlob blob, MessageSummary summary, Instant internalDate) {
        MailboxMessage message = new MailboxMessage(locked, locked.allocateUid(), locked.nextModSeq(),
                internalDate, blob, summary);
        em.persist(message);
        notifier.changed(locked.getAccount().getAddress(), locked.getName());
        return message;
    }

    /**
     * Appends an entry with flags (APPEND with a flag list, COPY); the blob already counts it.
     *
     * @param locked a mailbox from {@link MailboxLocks#lock} in this transaction
     */
    public MailboxMessage append(Mailbox locked, MessageBlob blob, MessageSummary summary, Instant internalDate,
                                 Set<SystemFlag> flags, Set<String> keywords) {
        MailboxMessage message = append(locked, blob, summary, internalDate);
        message.changeFlags(flags, keywords, message.getModSeq());
        return message;
    }

    /**
     * A copy of an entry in another (or the same) mailbox with a new UID, sharing the blob (IMAP COPY,
     * RFC 3501 §6.4.7: flags and internal date are kept). The caller adds the blob reference
     * ({@link BlobReferences#acquire}).
     */
    public MailboxMessage copy(Mailbox lockedTarget, MailboxMessage source) {
        return append(lockedTarget, source.getBlob(), source.getSummary(), source.getInternalDate(),
                source.getFlags(), source.getKeywords());
    }
}
