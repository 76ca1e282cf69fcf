package org.posthorn.ejb.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Optional;

/**
 * Finds mailboxes and takes the row lock that serialises every change of a mailbox's counters
 * (UIDNEXT, HIGHESTMODSEQ) until the transaction ends. Callers that lock several mailboxes lock
 * them in ascending id order, so two such transactions cannot deadlock.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class MailboxLocks {

    @PersistenceContext(unitName = "posthorn")
    EntityManager em;

    /** The id of an account's mailbox of that name, without loading or locking it. */
    public Optional<Long> findId(String accountName, String mailboxName) {
        return em.createQuery("select m.id from Mailbox m where m.account.address = :account and m.name = :name",
                        Long.class)
                .setParameter("account", accountName)
                .setParameter("name", mailboxName)
                .getResultStream()
                .findFirst();
    }

    /** The id of an account's INBOX. */
    public Optional<Long> findInboxId(long accountId) {
        return em.createQuery("select m.id from Mailbox m where m.account.id = :account and m.name = :name", Long.class)
                .setParameter("account", accountId)
                .setParameter("name", Mailbox.INBOX)
                .getResultStream()
                .findFirst();
    }

    /**
     * Locks a mailbox row for writing and returns it with its current state. Refreshing under the
     * lock matters: an entity already in the persistence context would otherwise keep counters read
     * before the lock was granted.
     *
     * <p>A transaction holding the lock keeps others waiting up to the database's lock timeout
     * (H2: {@code LOCK_TIMEOUT}, 2 s by default); past it the call fails, the wire answers "try again
     * later" and the client retries. (Hibernate 6.6 sends no per-statement timeout to H2 or PostgreSQL.)
     */
    public Mailbox lock(long mailboxId) {
        Mailbox mailbox = em.find(Mailbox.class, mailboxId);
        if (mailbox == null) {
            throw new IllegalStateException("mailbox " + mailboxId + " vanished");
        }
        em.refresh(mailbox, LockModeType.PESSIMISTIC_WRITE);
        return mailbox;
    }
}
