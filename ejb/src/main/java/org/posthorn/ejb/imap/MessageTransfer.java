package org.posthorn.ejb.imap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.posthorn.ejb.store.BlobReferences;
import org.posthorn.ejb.store.Mailbox;
import org.posthorn.ejb.store.MailboxMessage;
import org.posthorn.ejb.store.MessageAppender;
import org.posthorn.ejb.store.MessageExpunger;
import org.posthorn.ejb.store.SystemFlag;
import org.posthorn.spi.MailError;
import org.posthorn.spi.Result;
import org.posthorn.spi.imap.CopyOutcome;
import org.posthorn.spi.imap.UidSet;

/**
 * EXPUNGE (RFC 3501 §6.4.3, RFC 4315 §2.1 UID EXPUNGE), COPY (RFC 3501 §6.4.7, RFC 4315 COPYUID) and
 * MOVE (RFC 6851). Copies share the stored octets (one more blob reference each, no byte copied);
 * new UIDs are taken in the target under its row lock, source and target locked in ascending id order.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class MessageTransfer {

    @PersistenceContext(unitName = "posthorn")
    EntityManager em;

    @Inject
    AccountMailboxes mailboxes;

    @Inject
    MessageAppender appender;

    @Inject
    MessageExpunger expunger;

    @Inject
    BlobReferences blobs;

    /** Removes the messages of the set that carry {@code \Deleted}; their UIDs, ascending. */
    public Result<List<Long>> expunge(String account, String mailbox, UidSet uids) {
        Optional<Mailbox> locked = mailboxes.lock(account, mailbox);
        if (locked.isEmpty()) {
            return Result.refused(MailError.NOT_FOUND);
        }
        List<MailboxMessage> deleted = messages(locked.get(), uids).stream()
                .filter(m -> m.getFlags().contains(SystemFlag.DELETED))
                .toList();
        expunger.expunge(locked.get(), deleted);
        return Result.of(deleted.stream().map(MailboxMessage::getUid).toList());
    }

    public Result<CopyOutcome> copy(String account, String source, UidSet uids, String target) {
        return transfer(account, source, uids, target, false);
    }

    /** Copy and expunge of the originals in one transaction; {@code \Deleted} plays no part (RFC 6851 §3.3). */
    public Result<CopyOutcome> move(String account, String source, UidSet uids, String target) {
        return transfer(account, source, uids, target, true);
    }

    /** RENAME INBOX (RFC 3501 §6.3.5): every INBOX message moves to the new mailbox, which gets new UIDs. */
    public void moveAll(long inboxId, long targetId) {
        Mailbox[] locked = mailboxes.lockPair(inboxId, targetId);
        List<MailboxMessage> all = expunger.allIn(locked[0]);
        copyInto(locked[1], all);
        expunger.expunge(locked[0], all);
    }

    private Result<CopyOutcome> transfer(String account, String source, UidSet uids, String target, boolean move) {
        Optional<Long> sourceId = mailboxes.findId(account, source);
        Optional<Long> targetId = mailboxes.findId(account, target);
        if (sourceId.isEmpty() || targetId.isEmpty()) {
            return Result.refused(MailError.NOT_FOUND);
        }
        Mailbox[] locked = mailboxes.lockPair(sourceId.get(), targetId.get());
        List<MailboxMessage> originals = messages(locked[0], uids);
        List<Long> targetUids = copyInto(locked[1], originals);
        if (move) {
            expunger.expunge(locked[0], originals);
        }
        return Result.of(new CopyOutcome(locked[1].getUidValidity(),
                originals.stream().map(MailboxMessage::getUid).toList(), targetUids));
    }

    /** New entries in the locked target, ascending source UID; the UIDs they got, in that order. */
    private List<Long> copyInto(Mailbox lockedTarget, List<MailboxMessage> originals) {
        List<Long> targetUids = new ArrayList<>(originals.size());
        Map<Long, Integer> addedPerBlob = new HashMap<>();
        for (MailboxMessage original : originals) {
            targetUids.add(appender.copy(lockedTarget, original).getUid());
            addedPerBlob.merge(original.getBlob().getId(), 1, Integer::sum);
        }
        em.flush();
        blobs.acquire(addedPerBlob);
        return targetUids;
    }

    /** The locked mailbox's messages of the set, ascending UID. */
    private List<MailboxMessage> messages(Mailbox locked, UidSet uids) {
        return UidRanges.bind(em.createQuery("select m from MailboxMessage m where m.mailbox = :mailbox and "
                                + UidRanges.condition(uids) + " order by m.uid", MailboxMessage.class), uids)
                .setParameter("mailbox", locked)
                .getResultList().stream()
                .filter(m -> uids.contains(m.getUid()))
                .toList();
    }
}
