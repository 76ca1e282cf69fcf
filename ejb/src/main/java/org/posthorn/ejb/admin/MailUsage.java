package org.posthorn.ejb.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.posthorn.ejb.directory.Account;

/**
 * Counts messages and octets per domain, per account and per folder with aggregate queries, so that
 * listings never load messages.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class MailUsage {

    @PersistenceContext(unitName = "posthorn")
    EntityManager em;

    /** Usage of every domain that holds any mail, by domain id. */
    public Map<Long, Usage> byDomain() {
        Map<Long, Usage> usage = new HashMap<>();
        em.createQuery("select a.domain.id, count(m), coalesce(sum(m.size), 0) from MailboxMessage m"
                        + " join m.mailbox b join b.account a where a.domain is not null group by a.domain.id",
                        Object[].class)
                .getResultList()
                .forEach(row -> usage.put((Long) row[0], new Usage((Long) row[1], ((Number) row[2]).longValue())));
        return usage;
    }

    /** Usage of the given accounts that hold any mail, by account id. */
    public Map<Long, Usage> byAccount(Collection<Long> accountIds) {
        Map<Long, Usage> usage = new HashMap<>();
        if (accountIds.isEmpty()) {
            return usage;
        }
        em.createQuery("select b.account.id, count(m), coalesce(sum(m.size), 0) from MailboxMessage m"
                        + " join m.mailbox b where b.account.id in :ids group by b.account.id", Object[].class)
                .setParameter("ids", accountIds)
                .getResultList()
                .forEach(row -> usage.put((Long) row[0], new Usage((Long) row[1], ((Number) row[2]).longValue())));
        return usage;
    }

    public Usage ofAccount(Account account) {
        return byAccount(List.of(account.getId())).getOrDefault(account.getId(), Usage.NONE);
    }

    /** The account's folders by name, with their counts; empty folders included. */
    public List<FolderInfo> folders(Account account) {
        Map<Long, long[]> counts = new HashMap<>();
        // \Seen is bit value 1 (SystemFlag.SEEN): an even flags value is an unseen message.
        em.createQuery("select m.mailbox.id, count(m), sum(case when mod(m.flags, 2) = 0 then 1 else 0 end),"
                        + " coalesce(sum(m.size), 0) from MailboxMessage m where m.mailbox.account = :account"
                        + " group by m.mailbox.id", Object[].class)
                .setParameter("account", account)
                .getResultList()
                .forEach(row -> counts.put((Long) row[0], new long[] {
                        ((Number) row[1]).longValue(), ((Number) row[2]).longValue(), ((Number) row[3]).longValue()}));
        return em.createQuery("select b.id, b.name, b.specialUse from Mailbox b where b.account = :account"
                        + " order by b.name", Object[].class)
                .setParameter("account", account)
                .getResultStream()
                .map(row -> {
                    long[] c = counts.getOrDefault((Long) row[0], new long[3]);
                    return new FolderInfo((String) row[1], (String) row[2], c[0], c[1], c[2]);
                })
                .toList();
    }
}
