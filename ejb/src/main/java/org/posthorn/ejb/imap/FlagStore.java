package org.posthorn.ejb.imap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.posthorn.ejb.notify.MailboxChangeNotifier;
import org.posthorn.ejb.store.Mailbox;
import org.posthorn.ejb.store.MailboxMessage;
import org.posthorn.ejb.store.SystemFlag;
import org.posthorn.spi.MailError;
import org.posthorn.spi.Result;
import org.posthorn.spi.imap.FlagUpdate;
import org.posthorn.spi.imap.MessageState;
import org.posthorn.spi.imap.StoreOutcome;
import org.posthorn.spi.imap.UidSet;

/**
 * STORE (RFC 3501 §6.4.6) with UNCHANGEDSINCE (RFC 7162 §3.1.3), under the mailbox lock. A message
 * whose flags actually change takes a new MODSEQ from the mailbox's HIGHESTMODSEQ; one left as it
 * was keeps its MODSEQ. {@code \Recent} is never stored. Keywords compare case-insensitively.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class FlagStore {

    @PersistenceContext(unitName = "posthorn")
    EntityManager em;

    @Inject
    AccountMailboxes mailboxes;

    @Inject
    MailboxChangeNotifier notifier;

    public Result<StoreOutcome> store(String account, String mailbox, UidSet uids, FlagUpdate update) {
        Optional<Mailbox> found = mailboxes.lock(account, mailbox);
        if (found.isEmpty()) {
            return Result.refused(MailError.NOT_FOUND);
        }
        Mailbox locked = found.get();
        Set<SystemFlag> flags = Flags.systemFlags(update.flags());
        Set<String> keywords = Flags.keywords(update.flags());
        List<MessageState> updated = new ArrayList<>();
        List<Long> modified = new ArrayList<>();
        List<MailboxMessage> messages = UidRanges.bind(em.createQuery("select m from MailboxMessage m left join fetch m.keywords"
                        + " where m.mailbox = :mailbox and " + UidRanges.condition(uids) + " order by m.uid",
                MailboxMessage.class), uids).setParameter("mailbox", locked).getResultList();
        for (MailboxMessage message : messages) {
            if (!uids.contains(message.getUid())) {
                continue;
            }
            if (update.unchangedSince().isPresent() && message.getModSeq() > update.unchangedSince().getAsLong()) {
                modified.add(message.getUid());
                continue;
            }
            Set<SystemFlag> newFlags = combine(message.getFlags(), flags, update.mode());
            Set<String> newKeywords = combineKeywords(message.getKeywords(), keywords, update.mode());
            if (!newFlags.equals(message.getFlags()) || !newKeywords.equals(message.getKeywords())) {
                message.changeFlags(newFlags, newKeywords, locked.nextModSeq());
                notifier.changed(locked.getAccount().getAddress(), locked.getName());
            }
            updated.add(new MessageState(message.getUid(),
                    Flags.names(SystemFlag.toBits(message.getFlags()), message.getKeywords()), message.getModSeq()));
        }
        return Result.of(new StoreOutcome(updated, modified));
    }

    private static Set<SystemFlag> combine(Set<SystemFlag> current, Set<SystemFlag> given, FlagUpdate.Mode mode) {
        Set<SystemFlag> out = current.isEmpty() ? EnumSet.noneOf(SystemFlag.class) : EnumSet.copyOf(current);
        switch (mode) {
            case REPLACE -> {
                out.clear();
                out.addAll(given);
            }
            case ADD -> out.addAll(given);
            case REMOVE -> out.removeAll(given);
        }
        return out;
    }

    private static Set<String> combineKeywords(Set<String> current, Set<String> given, FlagUpdate.Mode mode) {
        Set<String> out = new LinkedHashSet<>(mode == FlagUpdate.Mode.REPLACE ? Set.of() : current);
        for (String keyword : given) {
            boolean present = out.stream().anyMatch(k -> k.equalsIgnoreCase(keyword));
            if (mode != FlagUpdate.Mode.REMOVE && !present) {
                out.add(keyword);
            }
            if (mode == FlagUpdate.Mode.REMOVE) {
                out.removeIf(k -> k.toLowerCase(Locale.ROOT).equals(keyword.toLowerCase(Locale.ROOT)));
            }
        }
        return out;
    }
}
