package org.posthorn.ejb.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.posthorn.ejb.directory.Account;
import org.posthorn.ejb.store.MailStorageRemover;

/** Deletes an account with all its mailboxes and messages. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class AccountRemover {

    @PersistenceContext(unitName = "posthorn")
    EntityManager em;

    @Inject
    MailStorageRemover storage;

    public void remove(Account account) {
        storage.removeAllOf(account);
        em.remove(account);
    }
}
