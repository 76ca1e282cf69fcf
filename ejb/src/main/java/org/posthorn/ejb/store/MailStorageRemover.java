package org.posthorn.ejb.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import org.posthorn.ejb.directory.Account;

/** Deletes all mailboxes of an account with their messages, before the account itself goes. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class MailStorageRemover {

    @PersistenceContext(unitName = "posthorn")
    EntityManager em;

    @Inject
    MailboxLocks locks;

    @Inject
    MessageExpunger expunger;

    public void removeAllOf(Account account) {
        List<Long> mailboxIds = em.createQuery(
                        "select m.id from Mailbox m where m.account = :account order by m.id", Long.class)
                .setParameter("account", account)
                .getResultList();
        for (long id : mailboxIds) {
            // Locked like any other change, so a delivery running now either finishes first or waits and fails.
            Mailbox mailbox = locks.lock(id);
            expunger.expunge(mailbox, expunger.allIn(mailbox));
            expunger.forget(mailbox);
            em.remove(mailbox);
        }
    }
}
