package org.posthorn.ejb.admin;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.posthorn.ejb.directory.Account;
import org.posthorn.ejb.directory.ConflictException;
import org.posthorn.ejb.directory.DirectoryLookup;
import org.posthorn.ejb.directory.Domain;
import org.posthorn.ejb.directory.DomainName;
import org.posthorn.ejb.directory.InvalidInputException;
import org.posthorn.ejb.directory.NoSuchEntryException;

/**
 * Adds, lists, changes and removes the domains this server receives mail for. Names arrive as typed
 * by an administrator and are checked by {@link DomainName}.
 */
@Stateless
public class DomainAdmin {

    @PersistenceContext(unitName = "posthorn")
    EntityManager em;

    @Inject
    DirectoryLookup directory;

    @Inject
    AccountRemover accounts;

    @Inject
    MailUsage usage;

    @Inject
    AliasAdmin aliases;

    Clock clock = Clock.systemUTC();

    /** Creates the domain, or applies the changes to the existing one. */
    public Saved<DomainInfo> put(String name, DomainChanges changes) {
        String normalized = DomainName.parse(name);
        if (changes.enabled().present() && changes.enabled().value() == null) {
            throw new InvalidInputException("enabled must be true or false");
        }
        Domain domain = directory.domain(normalized).orElse(null);
        boolean created = domain == null;
        if (created) {
            domain = new Domain(normalized, clock.instant());
            em.persist(domain);
        }
        Domain target = domain;
        changes.enabled().ifPresent(target::setEnabled);
        return new Saved<>(created ? info(target, 0, 0, Usage.NONE) : info(target), created);
    }

    /** All domains by name. */
    public List<DomainInfo> list() {
        Map<Long, Long> counts = new HashMap<>();
        em.createQuery("select a.domain.id, count(a) from Account a where a.domain is not null group by a.domain.id",
                        Object[].class)
                .getResultList()
                .forEach(row -> counts.put((Long) row[0], (Long) row[1]));
        Map<Long, Long> aliasCounts = new HashMap<>();
        em.createQuery("select a.domain.id, count(a) from Alias a group by a.domain.id", Object[].class)
                .getResultList()
                .forEach(row -> aliasCounts.put((Long) row[0], (Long) row[1]));
        Map<Long, Usage> usages = usage.byDomain();
        return em.createQuery("select d from Domain d order by d.name", Domain.class)
                .getResultStream()
                .map(d -> info(d, counts.getOrDefault(d.getId(), 0L), aliasCounts.getOrDefault(d.getId(), 0L),
                        usages.getOrDefault(d.getId(), Usage.NONE)))
                .toList();
    }

    public DomainInfo get(String name) {
        return info(existing(name));
    }

    /**
     * Removes a domain with its aliases. One that still has accounts is only removed with
     * {@code cascade}, which deletes those accounts and all their mail first.
     */
    public void delete(String name, boolean cascade) {
        Domain domain = existing(name);
        List<Account> members = em.createQuery("select a from Account a where a.domain = :domain", Account.class)
                .setParameter("domain", domain)
                .getResultList();
        if (!members.isEmpty() && !cascade) {
            throw new ConflictException("domain " + domain.getName() + " still has " + members.size()
                    + " account(s); delete them first or use cascade=true");
        }
        members.forEach(accounts::remove);
        aliases.deleteAllOf(domain);
        em.remove(domain);
    }

    private Domain existing(String name) {
        String normalized = DomainName.parse(name);
        return directory.domain(normalized)
                .orElseThrow(() -> new NoSuchEntryException("no domain " + normalized));
    }

    private long countAccounts(Domain domain) {
        return em.createQuery("select count(a) from Account a where a.domain = :domain", Long.class)
                .setParameter("domain", domain)
                .getSingleResult();
    }

    private long countAliases(Domain domain) {
        return em.createQuery("select count(a) from Alias a where a.domain = :domain", Long.class)
                .setParameter("domain", domain)
                .getSingleResult();
    }

    private DomainInfo info(Domain domain) {
        return info(domain, countAccounts(domain), countAliases(domain),
                usage.byDomain().getOrDefault(domain.getId(), Usage.NONE));
    }

    private static DomainInfo info(Domain domain, long accountCount, long aliasCount, Usage usage) {
        return new DomainInfo(domain.getName(), domain.isEnabled(), accountCount, aliasCount, usage.messages(),
                usage.bytes(), domain.getCreated());
    }
}
