package org.posthorn.ejb.imap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import org.posthorn.ejb.store.Mailbox;
import org.posthorn.ejb.store.MailboxLocks;

/**
 * Finds the mailboxes of the authenticated account by name: the only way the IMAP services reach a
 * mailbox, so a name of another account's mailbox, or an invalid name, reads as not existing.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class AccountMailboxes {

    @PersistenceContext(unitName = "posthorn")
    EntityManager em;

    @Inject
    MailboxLocks locks;

    /** The mailbox's id, if the name is valid and the account has it. */
    public Optional<Long> findId(String account, String name) {
        return MailboxNames.normalise(name).flatMap(normalised -> locks.findId(account, normalised));
    }

    /** The mailbox, unlocked (for reading). */
    public Optional<Mailbox> find(String account, String name) {
        return findId(account, name).map(id -> em.find(Mailbox.class, id));
    }

    /** The mailbox locked for writing ({@link MailboxLocks#lock}). */
    public Optional<Mailbox> lock(String account, String name) {
        return findId(account, name).map(locks::lock);
    }

    /** Locks two mailboxes in ascending id order (no deadlock with another such pair); the same one once. */
    public Mailbox[] lockPair(long first, long second) {
        if (first == second) {
            Mailbox only = locks.lock(first);
            return new Mailbox[] {only, only};
        }
        Mailbox a = locks.lock(Math.min(first, second));
        Mailbox b = locks.lock(Math.max(first, second));
        return first < second ? new Mailbox[] {a, b} : new Mailbox[] {b, a};
    }

    /** Every mailbox of the account, by name. */
    public List<Mailbox> all(String account) {
        return em.createQuery("select m from Mailbox m where m.account.address = :account order by m.name",
                        Mailbox.class)
                .setParameter("account", account)
                .getResultList();
    }
}
