package org.posthorn.connector.imap.decode;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * {@code LIST}, basic (RFC 3501 §6.3.8: {@code LIST SP mailbox SP list-mailbox}) or extended (RFC 5258
 * §6: {@code LIST [SP list-select-opts] SP mailbox SP mbox-or-pat [SP list-return-opts]}), with the
 * options of LIST-STATUS (RFC 5819) and SPECIAL-USE (RFC 6154 §5.1).
 *
 * @param extended  whether the extended syntax was used (selection options, several patterns or
 *                  return options), which changes the responses (RFC 5258 §3)
 * @param selection the selection options; {@code RECURSIVEMATCH} only with another one
 * @param reference the reference name ({@code mailbox}), as sent
 * @param patterns  one or more {@code list-mailbox} patterns, wildcards kept
 * @param returns   the return options; {@code STATUS} exactly when {@code status} is not empty
 * @param status    the status items asked for by {@code RETURN (STATUS (...))}
 */
public record ListMailboxes(String tag, boolean extended, Set<Selection> selection, String reference,
        List<String> patterns, Set<Return> returns, Set<StatusItem> status) implements ImapCommand {

    /** {@code list-select-opt} (RFC 5258 §6, RFC 6154 §5.1). */
    public enum Selection {
        SUBSCRIBED, REMOTE, RECURSIVEMATCH, SPECIAL_USE
    }

    /** {@code return-option} (RFC 5258 §6, RFC 5819 §4, RFC 6154 §5.1). */
    public enum Return {
        SUBSCRIBED, CHILDREN, SPECIAL_USE, STATUS
    }

    public ListMailboxes {
        Objects.requireNonNull(reference, "reference");
        selection = EnumSets.copy(Selection.class, selection);
        patterns = List.copyOf(patterns);
        returns = EnumSets.copy(Return.class, returns);
        status = EnumSets.copy(StatusItem.class, status);
        if (patterns.isEmpty() || returns.contains(Return.STATUS) == status.isEmpty()) {
            throw new IllegalArgumentException("LIST needs a pattern, and STATUS its items");
        }
    }
}
