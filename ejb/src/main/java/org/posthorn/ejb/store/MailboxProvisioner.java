package org.posthorn.ejb.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import org.posthorn.ejb.directory.Account;

/** Gives a new account its standard mailboxes ({@link SpecialUse}), all subscribed. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class MailboxProvisioner {

    @PersistenceContext(unitName = "posthorn")
    EntityManager em;

    Clock clock = Clock.systemUTC();

    /** Creates the standard mailboxes of an account that was just persisted. */
    public void createStandardMailboxes(Account account) {
        long uidValidity = UidValidity.next(em, clock);
        for (SpecialUse use : SpecialUse.values()) {
            em.persist(new Mailbox(account, use.mailboxName(), uidValidity, use.attribute(), true));
        }
    }
}
