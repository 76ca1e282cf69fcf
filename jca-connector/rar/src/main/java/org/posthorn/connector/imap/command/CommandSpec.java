package org.posthorn.connector.imap.command;

import java.util.Objects;
import java.util.Set;
import org.posthorn.connector.imap.decode.ImapCommand;

/**
 * One row of the command table: a command, the states it is valid in (RFC 3501 §6), whether it
 * carries credentials (refused on a connection without TLS unless the plaintext policy allows,
 * RFC 3501 §6.2.3 and §11.1), which untagged updates may precede its completion, and its handler.
 *
 * @param <C> the command's record
 */
record CommandSpec<C extends ImapCommand>(Class<C> type, Set<ImapState> states, boolean credentials, Updates updates,
                                          CommandHandler<C> handler) {

    /** Which news of the selected mailbox a command's completion may carry (RFC 3501 §7, §7.4.1). */
    enum Updates {
        /** None: the command changes or ends the selection itself (SELECT, CLOSE, LOGOUT). */
        NONE,
        /** What is announced, but no EXPUNGE while the client may rely on sequence numbers (FETCH, STORE, SEARCH). */
        NO_EXPUNGE,
        /** What is announced, EXPUNGE included. */
        ANNOUNCED,
        /** Always ask the post office: the client is polling (NOOP, CHECK). */
        ALWAYS
    }

    CommandSpec {
        Objects.requireNonNull(type, "type");
        states = Set.copyOf(states);
        Objects.requireNonNull(updates, "updates");
        Objects.requireNonNull(handler, "handler");
    }

    @SuppressWarnings("unchecked")
    Outcome handle(ImapCommand command, ImapSession session) {
        return handler.handle((C) command, session);
    }
}
