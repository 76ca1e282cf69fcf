package org.posthorn.ejb.directory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Optional;

/**
 * Finds domains, accounts and aliases by their normalised names ({@link DomainName}, {@link AccountName};
 * a domain's catch-all alias as {@link Alias#catchAll}).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class DirectoryLookup {

    @PersistenceContext(unitName = "posthorn")
    EntityManager em;

    public Optional<Domain> domain(String normalizedName) {
        return em.createQuery("select d from Domain d where d.name = :name", Domain.class)
                .setParameter("name", normalizedName)
                .getResultStream()
                .findFirst();
    }

    /** The account with that canonical name, its domain loaded with it. */
    public Optional<Account> account(String canonicalName) {
        return em.createQuery("select a from Account a left join fetch a.domain where a.address = :address",
                        Account.class)
                .setParameter("address", canonicalName)
                .getResultStream()
                .findFirst();
    }

    /** The alias of that canonical address ({@code local@domain}, or {@code @domain} for the catch-all). */
    public Optional<Alias> alias(String address) {
        return em.createQuery("select a from Alias a where a.address = :address", Alias.class)
                .setParameter("address", address)
                .getResultStream()
                .findFirst();
    }
}
