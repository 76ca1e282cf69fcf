package org.posthorn.connector.imap.decode;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The commands that name a mailbox (RFC 3501 §6.3): SELECT, EXAMINE, CREATE, DELETE, RENAME,
 * SUBSCRIBE, UNSUBSCRIBE, LSUB, STATUS and APPEND. LIST has its own parser ({@link ListParser}).
 */
final class MailboxCommandParser {

    private MailboxCommandParser() {
    }

    /** @param name the command name in upper case, one of those above */
    static ImapCommand parse(String tag, String name, ImapReader in) {
        in.sp();
        String mailbox = Arguments.mailbox(in);
        return switch (name) {
            case "SELECT" -> new ImapCommand.Select(tag, mailbox, false, selectParameters(in));
            case "EXAMINE" -> new ImapCommand.Select(tag, mailbox, true, selectParameters(in));
            case "CREATE" -> new ImapCommand.Create(tag, mailbox);
            case "DELETE" -> new ImapCommand.Delete(tag, mailbox);
            case "SUBSCRIBE" -> new ImapCommand.Subscribe(tag, mailbox);
            case "UNSUBSCRIBE" -> new ImapCommand.Unsubscribe(tag, mailbox);
            case "RENAME" -> {
                in.sp();
                yield new ImapCommand.Rename(tag, mailbox, Arguments.mailbox(in));
            }
            case "LSUB" -> {
                in.sp();
                yield new ImapCommand.Lsub(tag, mailbox, Arguments.listMailbox(in));
            }
            case "STATUS" -> {
                in.sp();
                yield new ImapCommand.Status(tag, mailbox, statusItems(in));
            }
            case "APPEND" -> append(tag, mailbox, in);
            default -> throw new IllegalArgumentException("not a mailbox command: " + name);
        };
    }

    /**
     * {@code select-params = SP "(" select-param *(SP select-param) ")"} (RFC 4466 §2.1), of which
     * only {@code CONDSTORE} (RFC 7162 §3.1.8) is known.
     *
     * @return whether CONDSTORE was given
     */
    private static boolean selectParameters(ImapReader in) {
        if (!in.skip(' ')) {
            return false;
        }
        Arguments.list(in, false, () -> {
            if (!in.keyword("CONDSTORE")) {
                throw SyntaxError.syntax("Unknown SELECT parameter");
            }
            return true;
        });
        return true;
    }

    /** {@code "(" status-att *(SP status-att) ")"}. */
    static Set<StatusItem> statusItems(ImapReader in) {
        return EnumSets.copy(StatusItem.class, Arguments.list(in, false, () -> EnumSets.find(StatusItem.class, in.keyword())
                .orElseThrow(() -> SyntaxError.syntax("Unknown status item"))));
    }

    /**
     * {@code append = "APPEND" SP mailbox [SP flag-list] [SP date-time] SP literal}. The message must
     * be a literal: RFC 3501 allows no quoted message, and RFC 3516's {@code literal8} is not offered.
     */
    private static ImapCommand append(String tag, String mailbox, ImapReader in) {
        in.sp();
        List<String> flags = List.of();
        if (in.peek() == '(') {
            flags = Arguments.flagList(in);
            in.sp();
        }
        Optional<OffsetDateTime> date = Optional.empty();
        if (in.peek() == '"') {
            date = Optional.of(ImapDates.dateTime(in));
            in.sp();
        }
        if (in.peek() != '{') {
            throw SyntaxError.syntax("Expected the message as a literal");
        }
        return new ImapCommand.Append(tag, mailbox, flags, date, Octets.wrap(in.literal()));
    }
}
