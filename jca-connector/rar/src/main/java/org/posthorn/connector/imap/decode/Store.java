package org.posthorn.connector.imap.decode;

import java.util.List;
import java.util.OptionalLong;

/**
 * {@code [UID] STORE SP sequence-set [store-modifiers] SP store-att-flags} (RFC 3501 §6.4.6,
 * {@code store-modifiers} of RFC 4466 §2.5, {@code UNCHANGEDSINCE} of RFC 7162 §3.1.3), where
 * {@code store-att-flags = (["+" / "-"] "FLAGS" [".SILENT"]) SP (flag-list / (flag *(SP flag)))}.
 *
 * @param unchangedSince the {@code UNCHANGEDSINCE} mod-sequence (0 allowed), when given
 * @param silent         {@code .SILENT}: no untagged FETCH for the changed flags
 * @param flags          as sent, possibly empty ({@code FLAGS ()} clears every flag)
 */
public record Store(String tag, boolean uid, SequenceSet set, OptionalLong unchangedSince, Operation operation,
        boolean silent, List<String> flags) implements ImapCommand {

    /** {@code FLAGS}, {@code +FLAGS} or {@code -FLAGS}. */
    public enum Operation {
        REPLACE, ADD, REMOVE
    }

    public Store {
        flags = List.copyOf(flags);
    }
}
