package org.posthorn.ejb.imap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.posthorn.ejb.store.mime.StoredStructure;
import org.posthorn.spi.MailError;
import org.posthorn.spi.Result;
import org.posthorn.spi.imap.SearchCriteria;

/**
 * SEARCH (RFC 3501 §6.4.4) in two steps: {@link SearchQuery} narrows the candidates in SQL, then
 * {@link SearchMatcher} decides each one, in batches that load only what the criteria need
 * (keywords; the stored structure for header matches; the octets for body matches).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class MessageSearch {

    static final int BATCH = 500;

    @PersistenceContext(unitName = "posthorn")
    EntityManager em;

    @Inject
    AccountMailboxes mailboxes;

    @Inject
    StructureStore structures;

    ZoneId zone = ZoneId.systemDefault();

    public Result<List<Long>> search(String account, String mailbox, SearchCriteria criteria) {
        Optional<Long> mailboxId = mailboxes.findId(account, mailbox);
        if (mailboxId.isEmpty()) {
            return Result.refused(MailError.NOT_FOUND);
        }
        StringBuilder condition = new StringBuilder();
        SearchQuery narrowing = SearchQuery.of(criteria, zone, condition);
        TypedQuery<Object[]> query = em.createQuery("select m.uid, m.flags, m.modSeq, m.internalDate, m.size,"
                + " m.blob.id from MailboxMessage m where m.mailbox.id = :mailbox and " + condition
                + " order by m.uid", Object[].class);
        query.setParameter("mailbox", mailboxId.get());
        narrowing.parameters().forEach(query::setParameter);
        List<Object[]> rows = query.getResultList();
        SearchMatcher matcher = new SearchMatcher(zone);
        boolean needsStructure = SearchMatcher.needsStructure(criteria);
        boolean needsContent = SearchMatcher.needsContent(criteria);
        List<Long> matching = new ArrayList<>();
        for (int from = 0; from < rows.size(); from += BATCH) {
            List<Object[]> batch = rows.subList(from, Math.min(rows.size(), from + BATCH));
            List<Long> blobIds = batch.stream().map(row -> (Long) row[5]).toList();
            Map<Long, Set<String>> keywords = keywords(mailboxId.get(), batch);
            Map<Long, StoredStructure> parsed = needsStructure ? structures.of(blobIds) : Map.of();
            Map<Long, byte[]> contents = needsContent ? structures.contents(blobIds) : Map.of();
            for (Object[] row : batch) {
                long uid = (Long) row[0];
                long blobId = (Long) row[5];
                SearchCandidate candidate = new SearchCandidate(uid, (Integer) row[1], (Long) row[2], (Instant) row[3],
                        (Long) row[4], blobId, keywords.getOrDefault(uid, Set.of()), parsed.get(blobId),
                        contents.get(blobId));
                if (matcher.matches(criteria, candidate)) {
                    matching.add(uid);
                }
            }
        }
        return Result.of(matching);
    }

    /** UID to keywords for the batch's messages, in one query. */
    private Map<Long, Set<String>> keywords(long mailboxId, List<Object[]> batch) {
        long first = (Long) batch.get(0)[0];
        long last = (Long) batch.get(batch.size() - 1)[0];
        Map<Long, Set<String>> out = new HashMap<>();
        for (Object[] row : em.createQuery("select m.uid, k from MailboxMessage m join m.keywords k"
                        + " where m.mailbox.id = :mailbox and m.uid between :first and :last", Object[].class)
                .setParameter("mailbox", mailboxId).setParameter("first", first).setParameter("last", last)
                .getResultList()) {
            out.computeIfAbsent((Long) row[0], uid -> new HashSet<>()).add((String) row[1]);
        }
        return out;
    }
}
