package org.posthorn.spi.imap;

import java.util.Objects;
import java.util.Set;

/**
 * The mutable state of one message: what a session needs to number it and report flag changes.
 *
 * @param uid    its UID in the mailbox
 * @param flags  system flags ({@code \Seen \Answered \Flagged \Deleted \Draft}) and keywords, as stored
 * @param modSeq the MODSEQ of its last change (RFC 7162 §3.1.1)
 */
public record MessageState(long uid, Set<String> flags, long modSeq) {

    public MessageState {
        flags = Set.copyOf(Objects.requireNonNull(flags, "flags"));
    }
}
