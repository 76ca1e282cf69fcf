package org.posthorn.ejb.admin;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.posthorn.ejb.auth.PasswordHasher;
import org.posthorn.ejb.auth.PasswordPolicy;
import org.posthorn.ejb.directory.Account;
import org.posthorn.ejb.directory.AccountName;
import org.posthorn.ejb.directory.ConflictException;
import org.posthorn.ejb.directory.DirectoryLookup;
import org.posthorn.ejb.directory.Domain;
import org.posthorn.ejb.directory.DomainName;
import org.posthorn.ejb.directory.InvalidInputException;
import org.posthorn.ejb.directory.NoSuchEntryException;
import org.posthorn.ejb.directory.Role;

/**
 * Creates, changes, lists and deletes accounts. Addresses and values arrive as typed by an
 * administrator and are checked here ({@link AccountName}, {@link PasswordPolicy}, {@link AccountValues}).
 * The built-in {@code admin} account can be changed but neither deleted, disabled nor demoted, so the
 * server can always be administered.
 */
@Stateless
public class AccountAdmin {

    @PersistenceContext(unitName = "posthorn")
    EntityManager em;

    @Inject
    DirectoryLookup directory;

    @Inject
    AccountFactory factory;

    @Inject
    AccountRemover remover;

    @Inject
    PasswordHasher hasher;

    /** Creates the account (a password is required then) or applies the changes to the existing one. */
    public Saved<AccountInfo> put(String address, AccountChanges changes) {
        String name = AccountName.parse(address);
        AccountValues.check(changes);
        Optional<Account> existing = directory.account(name);
        Account account;
        if (existing.isPresent()) {
            account = existing.get();
            changes.password().ifPresent(password -> {
                PasswordPolicy.check(password);
                account.setPasswordHash(hasher.hash(password));
            });
        } else {
            if (!changes.password().present()) {
                throw new InvalidInputException("password is required to create an account");
            }
            PasswordPolicy.check(changes.password().value());
            account = factory.create(name, localDomain(name), changes.password().value(), Role.USER);
        }
        changes.displayName().ifPresent(account::setDisplayName);
        changes.quotaBytes().ifPresent(account::setQuotaBytes);
        changes.enabled().ifPresent(account::setEnabled);
        changes.role().ifPresent(account::setRole);
        if (AccountName.ADMIN.equals(name) && (!account.isEnabled() || account.getRole() != Role.ADMIN)) {
            throw new ConflictException("the admin account cannot be disabled or lose its ADMIN role");
        }
        return new Saved<>(AccountInfo.of(account), existing.isEmpty());
    }

    /** All accounts by address, or those of one domain. */
    public List<AccountInfo> list(Optional<String> domainName) {
        if (domainName.isPresent()) {
            Domain domain = existingDomain(DomainName.parse(domainName.get()));
            return em.createQuery("select a from Account a join fetch a.domain where a.domain = :domain"
                            + " order by a.address", Account.class)
                    .setParameter("domain", domain)
                    .getResultStream()
                    .map(AccountInfo::of)
                    .toList();
        }
        return em.createQuery("select a from Account a left join fetch a.domain order by a.address", Account.class)
                .getResultStream()
                .map(AccountInfo::of)
                .toList();
    }

    public AccountInfo get(String address) {
        return AccountInfo.of(existing(AccountName.parse(address)));
    }

    /** Deletes the account with all its mailboxes and messages. */
    public void delete(String address) {
        String name = AccountName.parse(address);
        if (AccountName.ADMIN.equals(name)) {
            throw new ConflictException("the admin account cannot be deleted");
        }
        remover.remove(existing(name));
    }

    private Account existing(String name) {
        return directory.account(name).orElseThrow(() -> new NoSuchEntryException("no account " + name));
    }

    /** The domain a new address belongs to, which must already be a local domain. */
    private Domain localDomain(String name) {
        String domainName = AccountName.domainOf(name)
                .orElseThrow(() -> new ConflictException("the account " + name + " is created by the server"));
        return directory.domain(domainName).orElseThrow(() -> new ConflictException(
                "domain " + domainName + " is not a local domain; add it first"));
    }

    private Domain existingDomain(String normalized) {
        return directory.domain(normalized).orElseThrow(() -> new NoSuchEntryException("no domain " + normalized));
    }
}
