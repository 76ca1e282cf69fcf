package org.posthorn.connector.imap.decode;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code list = "LIST" [SP list-select-opts] SP mailbox SP mbox-or-pat [SP list-return-opts]}
 * (RFC 5258 §6, which includes RFC 3501's basic LIST), with {@code SPECIAL-USE} (RFC 6154 §5.1) and
 * {@code STATUS} (RFC 5819 §4). Option extensions beyond these are refused: RFC 5258 §3 lets a server
 * answer BAD to options it does not know.
 */
final class ListParser {

    private ListParser() {
    }

    static ListMailboxes parse(String tag, ImapReader in) {
        in.sp();
        boolean extended = false;
        Set<ListMailboxes.Selection> selection = EnumSet.noneOf(ListMailboxes.Selection.class);
        if (in.peek() == '(') {
            extended = true;
            selection.addAll(Arguments.list(in, true, () -> option(ListMailboxes.Selection.class, in)));
            in.sp();
            if (selection.contains(ListMailboxes.Selection.RECURSIVEMATCH)
                    && !selection.contains(ListMailboxes.Selection.SUBSCRIBED)) {
                // RFC 5258 §3: RECURSIVEMATCH alone (or with REMOTE) is a BAD.
                throw SyntaxError.syntax("RECURSIVEMATCH needs SUBSCRIBED");
            }
        }
        String reference = Arguments.mailbox(in);
        in.sp();
        List<String> patterns;
        if (in.peek() == '(') {
            extended = true;
            patterns = Arguments.list(in, false, () -> Arguments.listMailbox(in));
        } else {
            patterns = List.of(Arguments.listMailbox(in));
        }
        Set<ListMailboxes.Return> returns = EnumSet.noneOf(ListMailboxes.Return.class);
        Set<StatusItem> status = EnumSet.noneOf(StatusItem.class);
        if (in.skip(' ')) {
            if (!in.keyword("RETURN")) {
                throw SyntaxError.syntax("Expected RETURN");
            }
            in.sp();
            extended = true;
            Arguments.list(in, true, () -> {
                ListMailboxes.Return option = option(ListMailboxes.Return.class, in);
                if (option == ListMailboxes.Return.STATUS) {
                    if (returns.contains(option)) {
                        throw SyntaxError.syntax("STATUS given twice");
                    }
                    in.sp();
                    status.addAll(MailboxCommandParser.statusItems(in));
                }
                returns.add(option);
                return option;
            });
        }
        return new ListMailboxes(tag, extended, selection, reference, patterns, returns, status);
    }

    /** An option keyword; {@code SPECIAL-USE} is the constant {@code SPECIAL_USE}. */
    private static <E extends Enum<E>> E option(Class<E> type, ImapReader in) {
        String keyword = in.keyword();
        return (keyword.indexOf('_') < 0 ? EnumSets.find(type, keyword.replace('-', '_')) : Optional.<E>empty())
                .orElseThrow(() -> SyntaxError.syntax("Unknown LIST option"));
    }
}
