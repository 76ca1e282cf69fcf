package org.posthorn.spi.imap;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A mailbox as SELECT/EXAMINE opens it (RFC 3501 §6.3.1): the wire numbers {@link #messages} 1..n
 * in this order and keeps the mapping between sequence numbers and UIDs from then on.
 *
 * @param status         the counters at the moment of opening
 * @param messages       every message, ascending UID
 * @param recentUids     the messages that are {@code \Recent} for this session (RFC 3501 §2.3.2): a
 *                       read-write open takes them, so no later session sees them as recent
 * @param keywords       the keywords in use in the mailbox, for the FLAGS response
 * @param readOnly       whether the mailbox was opened read-only (EXAMINE, or no permission to write)
 */
public record MailboxSnapshot(MailboxStatus status, List<MessageState> messages, Set<Long> recentUids,
                              Set<String> keywords, boolean readOnly) {

    public MailboxSnapshot {
        Objects.requireNonNull(status, "status");
        messages = List.copyOf(messages);
        recentUids = Set.copyOf(recentUids);
        keywords = Set.copyOf(keywords);
    }
}
