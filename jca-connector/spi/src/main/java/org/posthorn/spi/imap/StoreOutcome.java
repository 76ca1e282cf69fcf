package org.posthorn.spi.imap;

import java.util.List;

/**
 * The result of a STORE.
 *
 * @param updated  the new state of every message the update reached (changed or not), ascending UID
 * @param modified UIDs left alone because of UNCHANGEDSINCE (RFC 7162 §3.1.3 {@code [MODIFIED ...]})
 */
public record StoreOutcome(List<MessageState> updated, List<Long> modified) {

    public StoreOutcome {
        updated = List.copyOf(updated);
        modified = List.copyOf(modified);
    }
}
