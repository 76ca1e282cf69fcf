package org.posthorn.ejb.imap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.posthorn.ejb.store.mime.StoredStructure;
import org.posthorn.spi.MailError;
import org.posthorn.spi.MessageContent;
import org.posthorn.spi.Result;
import org.posthorn.spi.imap.FetchScope;
import org.posthorn.spi.imap.MessageState;
import org.posthorn.spi.imap.MessageView;
import org.posthorn.spi.imap.UidSet;

/**
 * FETCH (RFC 3501 §6.4.5) in UIDs: loads only what the {@link FetchScope} asks for. Flags come from
 * two set queries, envelope and structure from the stored structure column, the octets only for
 * {@code content}, all read fully before the call returns. CHANGEDSINCE (RFC 7162 §3.1.4) filters by
 * MODSEQ in SQL.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class MessageFetcher {

    @PersistenceContext(unitName = "posthorn")
    EntityManager em;

    @Inject
    AccountMailboxes mailboxes;

    @Inject
    MessageStates states;

    @Inject
    StructureStore structures;

    public Result<List<MessageView>> fetch(String account, String mailbox, UidSet uids, FetchScope scope,
                                           OptionalLong changedSince) {
        Optional<Long> mailboxId = mailboxes.findId(account, mailbox);
        if (mailboxId.isEmpty()) {
            return Result.refused(MailError.NOT_FOUND);
        }
        long since = changedSince.orElse(-1);
        List<MessageState> found = states.in(mailboxId.get(), uids).stream().filter(s -> s.modSeq() > since).toList();
        if (found.isEmpty() || scope.equals(FetchScope.FLAGS_ONLY)) {
            return Result.of(found.stream().map(MessageFetcher::flagsOnly).toList());
        }
        Map<Long, Object[]> rows = rows(mailboxId.get(), uids);
        // A message expunged by another session between the two queries is left out, as if gone before.
        found = found.stream().filter(s -> rows.containsKey(s.uid())).toList();
        List<Long> blobIds = found.stream().map(s -> (Long) rows.get(s.uid())[2]).toList();
        Map<Long, StoredStructure> parsed = scope.envelope() || scope.bodyStructure()
                ? structures.of(blobIds) : Map.of();
        Map<Long, byte[]> contents = scope.content() ? structures.contents(blobIds) : Map.of();
        List<MessageView> views = new ArrayList<>(found.size());
        for (MessageState state : found) {
            Object[] row = rows.get(state.uid());
            long blobId = (Long) row[2];
            StoredStructure structure = parsed.get(blobId);
            views.add(new MessageView(state,
                    scope.summary() ? Optional.of((Instant) row[0]) : Optional.empty(),
                    scope.summary() ? Optional.of((Long) row[1]) : Optional.empty(),
                    scope.envelope() ? Optional.of(structure.envelope()) : Optional.empty(),
                    scope.bodyStructure() ? Optional.of(structure.body()) : Optional.empty(),
                    scope.content() ? Optional.of(MessageContent.of(contents.get(blobId))) : Optional.empty()));
        }
        return Result.of(views);
    }

    /** UID to {internal date, size, blob id}. */
    private Map<Long, Object[]> rows(long mailboxId, UidSet uids) {
        TypedQuery<Object[]> query = em.createQuery("select m.uid, m.internalDate, m.size, m.blob.id"
                + " from MailboxMessage m where m.mailbox.id = :mailbox and " + UidRanges.condition(uids), Object[].class);
        Map<Long, Object[]> rows = new HashMap<>();
        for (Object[] row : UidRanges.bind(query, uids).setParameter("mailbox", mailboxId).getResultList()) {
            rows.put((Long) row[0], new Object[] {row[1], row[2], row[3]});
        }
        return rows;
    }

    private static MessageView flagsOnly(MessageState state) {
        return new MessageView(state, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }
}
