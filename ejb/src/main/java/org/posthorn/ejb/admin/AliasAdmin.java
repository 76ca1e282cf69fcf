package org.posthorn.ejb.admin;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.posthorn.ejb.directory.AccountName;
import org.posthorn.ejb.directory.Alias;
import org.posthorn.ejb.directory.ConflictException;
import org.posthorn.ejb.directory.DirectoryLookup;
import org.posthorn.ejb.directory.Domain;
import org.posthorn.ejb.directory.DomainName;
import org.posthorn.ejb.directory.InvalidInputException;
import org.posthorn.ejb.directory.NoSuchEntryException;

/**
 * Adds, lists, changes and removes aliases: addresses of a local domain that forward to other
 * addresses, local or remote, and each domain's catch-all, written {@code @domain}. Addresses and
 * targets arrive as typed by an administrator and are checked by {@link AccountName}.
 *
 * <p>An alias may not have the address of an account (the account would hide it); its targets are
 * 1–{@value Alias#MAX_TARGETS} distinct addresses, which need not exist yet (mail to a local target
 * that does not exist is refused when it arrives, as to any unknown user).
 */
@Stateless
public class AliasAdmin {

    @PersistenceContext(unitName = "posthorn")
    EntityManager em;

    @Inject
    DirectoryLookup directory;

    Clock clock = Clock.systemUTC();

    /** Creates the alias with these targets, or gives the existing one these targets instead of its own. */
    public Saved<AliasInfo> put(String address, List<String> targets) {
        String key = parseAddress(address);
        List<String> canonicalTargets = parseTargets(key, targets);
        Domain domain = directory.domain(domainOf(key))
                .orElseThrow(() -> new NoSuchEntryException("no domain " + domainOf(key)));
        if (directory.account(key).isPresent()) {
            throw new ConflictException(key + " is an account; an alias of that address would never be used");
        }
        Alias alias = directory.alias(key).orElse(null);
        boolean created = alias == null;
        if (created) {
            alias = new Alias(key, domain, canonicalTargets, clock.instant());
            em.persist(alias);
        } else {
            alias.setTargets(canonicalTargets);
        }
        return new Saved<>(AliasInfo.of(alias), created);
    }

    public AliasInfo get(String address) {
        return AliasInfo.of(existing(address));
    }

    /** All aliases, by address; or those of one domain. */
    public List<AliasInfo> list(String domainName) {
        if (domainName == null) {
            return em.createQuery("select a from Alias a join fetch a.domain order by a.address", Alias.class)
                    .getResultStream().map(AliasInfo::of).toList();
        }
        String domain = DomainName.parse(domainName);
        // No alias on the fetch join: JPA forbids it, and WildFly's Hibernate enforces that.
        return em.createQuery("select a from Alias a join fetch a.domain where a.domain.name = :domain"
                        + " order by a.address", Alias.class)
                .setParameter("domain", domain)
                .getResultStream().map(AliasInfo::of).toList();
    }

    public void delete(String address) {
        em.remove(existing(address));
    }

    /** Removes every alias of a domain that is being removed. */
    public void deleteAllOf(Domain domain) {
        em.createQuery("select a from Alias a where a.domain = :domain", Alias.class)
                .setParameter("domain", domain)
                .getResultList()
                .forEach(em::remove);
    }

    private Alias existing(String address) {
        String key = parseAddress(address);
        return directory.alias(key).orElseThrow(() -> new NoSuchEntryException("no alias " + key));
    }

    /** {@code local@domain} as {@link AccountName#parseAddress} writes it, or {@code @domain} for a catch-all. */
    private static String parseAddress(String address) {
        if (address != null && address.startsWith("@")) {
            return Alias.catchAll(DomainName.parse(address.substring(1)));
        }
        return AccountName.parseAddress(address);
    }

    private static String domainOf(String key) {
        return key.substring(key.lastIndexOf('@') + 1);
    }

    /** @throws InvalidTargetException saying which target is wrong and why */
    private static List<String> parseTargets(String key, List<String> targets) {
        if (targets == null || targets.isEmpty()) {
            throw new InvalidTargetException("an alias needs at least one target");
        }
        if (targets.size() > Alias.MAX_TARGETS) {
            throw new InvalidTargetException("an alias has at most " + Alias.MAX_TARGETS + " targets");
        }
        Set<String> canonical = new LinkedHashSet<>();
        for (String target : targets) {
            String parsed;
            try {
                parsed = AccountName.parseAddress(target);
            } catch (InvalidInputException e) {
                throw new InvalidTargetException("target '" + shortened(target) + "': " + e.getMessage());
            }
            if (parsed.equals(key)) {
                throw new InvalidTargetException("an alias cannot point at itself");
            }
            canonical.add(parsed);
        }
        return new ArrayList<>(canonical);
    }

    /** What a refusal quotes of a target: enough to find it, never a whole megabyte. */
    private static String shortened(String target) {
        return target == null || target.length() <= 80 ? String.valueOf(target) : target.substring(0, 80) + "…";
    }
}
