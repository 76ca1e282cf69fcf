package org.posthorn.ejb.imap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.posthorn.spi.imap.MessageState;
import org.posthorn.spi.imap.UidSet;

/**
 * Loads UID, flags and MODSEQ of many messages in two queries (the rows, then their keywords), never
 * one per message: what SELECT of 10,000 messages and every change report need.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class MessageStates {

    @PersistenceContext(unitName = "posthorn")
    EntityManager em;

    /**
     * The states of a mailbox's messages that meet a condition on {@code m}, ascending UID.
     *
     * @param condition a JPQL condition, with {@code :p0, :p1 ...} for {@code values}
     */
    public List<MessageState> where(long mailboxId, String condition, Object... values) {
        TypedQuery<Object[]> rows = em.createQuery("select m.uid, m.flags, m.modSeq from MailboxMessage m"
                + " where m.mailbox.id = :mailbox and " + condition + " order by m.uid", Object[].class);
        TypedQuery<Object[]> keywordRows = em.createQuery("select m.uid, k from MailboxMessage m join m.keywords k"
                + " where m.mailbox.id = :mailbox and " + condition, Object[].class);
        bind(rows, mailboxId, values);
        bind(keywordRows, mailboxId, values);
        return assemble(rows.getResultList(), keywordRows.getResultList());
    }

    /** The states of the messages of a UID set, filtered exactly however the set was put into SQL. */
    public List<MessageState> in(long mailboxId, UidSet uids) {
        String condition = UidRanges.condition(uids);
        TypedQuery<Object[]> rows = em.createQuery("select m.uid, m.flags, m.modSeq from MailboxMessage m"
                + " where m.mailbox.id = :mailbox and " + condition + " order by m.uid", Object[].class);
        TypedQuery<Object[]> keywordRows = em.createQuery("select m.uid, k from MailboxMessage m join m.keywords k"
                + " where m.mailbox.id = :mailbox and " + condition, Object[].class);
        bind(UidRanges.bind(rows, uids), mailboxId);
        bind(UidRanges.bind(keywordRows, uids), mailboxId);
        return assemble(rows.getResultList(), keywordRows.getResultList()).stream()
                .filter(state -> uids.contains(state.uid()))
                .toList();
    }

    /** The keywords in use in a mailbox (the FLAGS response of SELECT, RFC 3501 §7.2.6). */
    public Set<String> keywordsInUse(long mailboxId) {
        return new HashSet<>(em.createQuery("select distinct k from MailboxMessage m join m.keywords k"
                + " where m.mailbox.id = :mailbox", String.class).setParameter("mailbox", mailboxId).getResultList());
    }

    private static void bind(TypedQuery<Object[]> query, long mailboxId, Object... values) {
        query.setParameter("mailbox", mailboxId);
        for (int i = 0; i < values.length; i++) {
            query.setParameter("p" + i, values[i]);
        }
    }

    private static List<MessageState> assemble(List<Object[]> rows, List<Object[]> keywordRows) {
        Map<Long, Set<String>> keywords = new HashMap<>();
        for (Object[] row : keywordRows) {
            keywords.computeIfAbsent((Long) row[0], uid -> new HashSet<>()).add((String) row[1]);
        }
        List<MessageState> states = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            long uid = (Long) row[0];
            states.add(new MessageState(uid, Flags.names((Integer) row[1], keywords.getOrDefault(uid, Set.of())),
                    (Long) row[2]));
        }
        return states;
    }
}
