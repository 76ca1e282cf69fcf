package org.posthorn.spi.imap;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What changed in a mailbox since a MODSEQ: what a session reports as untagged EXISTS, EXPUNGE and
 * FETCH (FLAGS) responses at its next command or during IDLE (RFC 3501 §7, RFC 7162 §3.2).
 *
 * @param added         messages that arrived (UID at least the session's UIDNEXT), ascending UID
 * @param changed       older messages whose flags changed, ascending UID
 * @param expungedUids  UIDs removed since, ascending
 * @param recentUids    the added messages that are {@code \Recent} for this session (taken by it)
 * @param status        the counters now
 */
public record MailboxChanges(List<MessageState> added, List<MessageState> changed, List<Long> expungedUids,
                             Set<Long> recentUids, MailboxStatus status) {

    public MailboxChanges {
        added = List.copyOf(added);
        recentUids = Set.copyOf(recentUids);
        changed = List.copyOf(changed);
        expungedUids = List.copyOf(expungedUids);
        Objects.requireNonNull(status, "status");
    }

    public boolean isEmpty() {
        return added.isEmpty() && changed.isEmpty() && expungedUids.isEmpty();
    }
}
