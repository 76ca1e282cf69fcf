package org.posthorn.ejb.admin;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.posthorn.ejb.auth.PasswordHasher;
import org.posthorn.ejb.auth.PasswordPolicy;
import org.posthorn.ejb.auth.ScramKeyMaker;
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

    @Inject
    ScramKeyMaker scramKeys;

    @Inject
    MailUsage mailUsage;

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
                scramKeys.derive(password).ifPresent(account::setScramKeys);
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
        Usage usage = existing.isEmpty() ? Usage.NONE : mailUsage.ofAccount(account);
        return new Saved<>(AccountInfo.of(account, usage), existing.isEmpty());
    }

    /**
     * Creates the account; unlike {@link #put} never changes an existing one.
     *
     * @throws ConflictException when the account exists
     */
    public Saved<AccountInfo> create(String address, AccountChanges changes) {
        String name = AccountName.parse(address);
        if (directory.account(name).isPresent()) {
            throw new ConflictException("the account " + name + " already exists");
        }
        return put(name, changes);
    }

    /** All accounts by address, or those of one domain. */
    public List<AccountInfo> list(Optional<String> domainName) {
        return search(domainName, null, 0, Integer.MAX_VALUE).accounts();
    }

    /**
     * One page of the accounts whose address or display name contains {@code text} (ignoring case),
     * of all domains or one.
     *
     * @param text   what to look for; null or blank for all
     * @param offset how many matches to skip, at least 0
     * @param limit  how many to return at most, at least 1
     */
    public AccountPage search(Optional<String> domainName, String text, int offset, int limit) {
        AccountSearch search = AccountSearch.of(text, offset, limit);
        Domain domain = domainName.map(name -> existingDomain(DomainName.parse(name))).orElse(null);
        StringBuilder where = new StringBuilder(" where 1 = 1");
        if (domain != null) {
            where.append(" and a.domain = :domain");
        }
        if (search.likePattern() != null) {
            where.append(" and (lower(a.address) like :pattern escape '\\'"
                    + " or lower(a.displayName) like :pattern escape '\\')");
        }
        TypedQuery<Long> count = em.createQuery("select count(a) from Account a" + where, Long.class);
        TypedQuery<Account> page = em.createQuery("select a from Account a left join fetch a.domain" + where
                + " order by a.address", Account.class);
        if (domain != null) {
            count.setParameter("domain", domain);
            page.setParameter("domain", domain);
        }
        if (search.likePattern() != null) {
            count.setParameter("pattern", search.likePattern());
            page.setParameter("pattern", search.likePattern());
        }
        long total = count.getSingleResult();
        List<Account> found = page.setFirstResult(search.offset()).setMaxResults(search.limit()).getResultList();
        Map<Long, Usage> usages = mailUsage.byAccount(found.stream().map(Account::getId).toList());
        return new AccountPage(found.stream()
                .map(a -> AccountInfo.of(a, usages.getOrDefault(a.getId(), Usage.NONE)))
                .toList(), total, search.offset());
    }

    public AccountInfo get(String address) {
        Account account = existing(AccountName.parse(address));
        return AccountInfo.of(account, mailUsage.ofAccount(account));
    }

    /** The folders of an account with their message counts. */
    public List<FolderInfo> folders(String address) {
        return mailUsage.folders(existing(AccountName.parse(address)));
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
