package org.posthorn.ejb.imap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.posthorn.ejb.store.Mailbox;
import org.posthorn.ejb.store.SystemFlag;
import org.posthorn.spi.MailError;
import org.posthorn.spi.Result;
import org.posthorn.spi.imap.MailboxChanges;
import org.posthorn.spi.imap.MailboxSnapshot;
import org.posthorn.spi.imap.MailboxStatus;
import org.posthorn.spi.imap.MessageState;

/**
 * STATUS (RFC 3501 §6.3.10), SELECT/EXAMINE (§6.3.1, §6.3.2) and the change report a selected
 * session asks for (RFC 3501 §7, RFC 7162 §3.2). {@code \Recent} (RFC 3501 §2.3.2) is the mailbox's
 * first-recent UID: messages from it on are recent, and a read-write SELECT, under the mailbox lock,
 * takes them all and moves it to UIDNEXT, so exactly one session sees each message as recent.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class MailboxSelection {

    @PersistenceContext(unitName = "posthorn")
    EntityManager em;

    @Inject
    AccountMailboxes mailboxes;

    @Inject
    MessageStates states;

    public Result<MailboxStatus> status(String account, String name) {
        return mailboxes.find(account, name).map(m -> Result.of(counters(m)))
                .orElseGet(() -> Result.refused(MailError.NOT_FOUND));
    }

    public Result<MailboxSnapshot> open(String account, String name, boolean readOnly) {
        Optional<Mailbox> found = readOnly ? mailboxes.find(account, name) : mailboxes.lock(account, name);
        if (found.isEmpty()) {
            return Result.refused(MailError.NOT_FOUND);
        }
        Mailbox mailbox = found.get();
        MailboxStatus status = counters(mailbox);
        List<MessageState> messages = states.where(mailbox.getId(), "1 = 1");
        long firstRecent = mailbox.getFirstRecentUid();
        Set<Long> recent = new HashSet<>();
        for (MessageState message : messages) {
            if (message.uid() >= firstRecent) {
                recent.add(message.uid());
            }
        }
        if (!readOnly) {
            mailbox.takeRecent();
        }
        return Result.of(new MailboxSnapshot(status, messages, recent, states.keywordsInUse(mailbox.getId()),
                readOnly));
    }

    /**
     * Added: UID at least {@code knownUidNext}. Changed: older messages with a MODSEQ above
     * {@code sinceModSeq}. Expunged: tombstones above {@code sinceModSeq} of UIDs below
     * {@code knownUidNext} (the session never saw the later ones). Recent: the added messages that are
     * still {@code \Recent}; a read-write session takes them, under the mailbox lock, which it asks for only when
     * there are any, so that looking for news does not queue behind deliveries for nothing.
     */
    public Result<MailboxChanges> changes(String account, String name, long uidValidity, long sinceModSeq,
                                          long knownUidNext, boolean readOnly) {
        Optional<Mailbox> found = mailboxes.find(account, name);
        if (found.isEmpty() || found.get().getUidValidity() != uidValidity) {
            return Result.refused(MailError.NOT_FOUND);
        }
        boolean takesRecent = !readOnly && found.get().getFirstRecentUid() < found.get().getUidNext();
        if (takesRecent) {
            found = mailboxes.lock(account, name);
            if (found.isEmpty()) {
                return Result.refused(MailError.NOT_FOUND);
            }
        }
        Mailbox mailbox = found.get();
        List<MessageState> added = states.where(mailbox.getId(), "m.uid >= :p0", knownUidNext);
        long firstRecent = mailbox.getFirstRecentUid();
        Set<Long> recent = new HashSet<>();
        added.stream().map(MessageState::uid).filter(uid -> uid >= firstRecent).forEach(recent::add);
        if (takesRecent) {
            mailbox.takeRecent();
        }
        List<MessageState> changed = states.where(mailbox.getId(), "m.uid < :p0 and m.modSeq > :p1", knownUidNext,
                sinceModSeq);
        List<Long> expunged = em.createQuery("select e.uid from ExpungedMessage e where e.mailboxId = :mailbox"
                        + " and e.modSeq > :since and e.uid < :uidNext order by e.uid", Long.class)
                .setParameter("mailbox", mailbox.getId())
                .setParameter("since", sinceModSeq)
                .setParameter("uidNext", knownUidNext)
                .getResultList();
        return Result.of(new MailboxChanges(added, changed, expunged.stream().distinct().toList(), recent,
                counters(mailbox)));
    }

    /** The counters, from one aggregate query over the mailbox's rows. */
    MailboxStatus counters(Mailbox mailbox) {
        Object[] row = em.createQuery("select count(m), coalesce(sum(m.size), 0),"
                        + " coalesce(sum(case when m.flags in :unseen then 1 else 0 end), 0),"
                        + " coalesce(sum(case when m.uid >= :firstRecent then 1 else 0 end), 0)"
                        + " from MailboxMessage m where m.mailbox.id = :mailbox", Object[].class)
                .setParameter("unseen", Flags.bitValues(SystemFlag.SEEN, false))
                .setParameter("firstRecent", mailbox.getFirstRecentUid())
                .setParameter("mailbox", mailbox.getId())
                .getSingleResult();
        return new MailboxStatus(((Number) row[0]).longValue(), ((Number) row[3]).longValue(),
                ((Number) row[2]).longValue(), mailbox.getUidNext(), mailbox.getUidValidity(),
                mailbox.getHighestModSeq(), ((Number) row[1]).longValue());
    }
}
