package org.posthorn.ejb.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.posthorn.ejb.directory.Account;
import org.posthorn.ejb.notify.MailboxChangeNotifier;
import org.posthorn.ejb.store.MailStorageRemover;

/**
 * Deletes an account with all its mailboxes and messages (also for a domain removed with its accounts),
 * and announces that every mailbox of the account changed.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class AccountRemover {

    @PersistenceContext(unitName = "posthorn")
    EntityManager em;

    @Inject
    MailStorageRemover storage;

    @Inject
    MailboxChangeNotifier notifier;

    public void remove(Account account) {
        // First, so that the per-mailbox announcements of the removal below add nothing to it.
        notifier.changedAll(account.getAddress());
        storage.removeAllOf(account);
        em.remove(account);
    }
}
