package org.posthorn.ejb.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import org.posthorn.ejb.auth.PasswordHasher;
import org.posthorn.ejb.auth.PasswordPolicy;
import org.posthorn.ejb.auth.ScramKeyMaker;
import org.posthorn.ejb.directory.Account;
import org.posthorn.ejb.directory.Domain;
import org.posthorn.ejb.directory.Role;
import org.posthorn.ejb.store.MailboxProvisioner;

/** Creates an account ready for mail: its password hashed, its SCRAM keys made, its standard mailboxes made. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class AccountFactory {

    @PersistenceContext(unitName = "posthorn")
    EntityManager em;

    @Inject
    PasswordHasher hasher;

    @Inject
    ScramKeyMaker scramKeys;

    @Inject
    MailboxProvisioner mailboxes;

    Clock clock = Clock.systemUTC();

    /**
     * @param canonicalName from {@link org.posthorn.ejb.directory.AccountName}, not yet taken
     * @param domain        the account's domain, null only for {@code admin}
     * @param password      already checked by the caller (see {@link PasswordPolicy})
     */
    public Account create(String canonicalName, Domain domain, String password, Role role) {
        Account account = new Account(canonicalName, domain, hasher.hash(password), role, clock.instant());
        scramKeys.derive(password).ifPresent(account::setScramKeys);
        em.persist(account);
        mailboxes.createStandardMailboxes(account);
        return account;
    }
}
