package org.posthorn.connector.imap.decode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The commands on messages of the selected mailbox, with or without the {@code UID} prefix (RFC 3501
 * §6.4.4-8, RFC 4315 §2.1, RFC 6851 §3): FETCH and SEARCH through their own parsers, STORE, COPY, MOVE
 * and UID EXPUNGE here.
 */
final class MessageCommandParser {

    private MessageCommandParser() {
    }

    /**
     * @param name the command name in upper case; {@code EXPUNGE} only with {@code uid}
     * @param uid  whether the command came as {@code UID <name>}
     */
    static ImapCommand parse(String tag, String name, boolean uid, ImapReader in, DecodeLimits limits) {
        if (name.equals("SEARCH")) {
            return new SearchParser(in, limits).parse(tag, uid);
        }
        in.sp();
        SequenceSet set = Numbers.sequenceSet(in);
        return switch (name) {
            case "FETCH" -> FetchParser.parse(tag, uid, set, in);
            case "STORE" -> store(tag, uid, set, in);
            case "COPY" -> {
                in.sp();
                yield new ImapCommand.Copy(tag, uid, set, Arguments.mailbox(in));
            }
            case "MOVE" -> {
                in.sp();
                yield new ImapCommand.Move(tag, uid, set, Arguments.mailbox(in));
            }
            case "EXPUNGE" -> new ImapCommand.Expunge(tag, Optional.of(set));
            default -> throw new IllegalArgumentException("not a message command: " + name);
        };
    }

    /**
     * {@code store = "STORE" SP sequence-set [store-modifiers] SP store-att-flags}, with
     * {@code store-modifier = "UNCHANGEDSINCE" SP mod-sequence-valzer} (RFC 7162 §3.1.3).
     */
    private static Store store(String tag, boolean uid, SequenceSet set, ImapReader in) {
        in.sp();
        OptionalLong unchangedSince = OptionalLong.empty();
        if (in.peek() == '(') {
            List<Long> modifiers = Arguments.list(in, false, () -> {
                if (!in.keyword("UNCHANGEDSINCE")) {
                    throw SyntaxError.syntax("Unknown STORE modifier");
                }
                in.sp();
                return Numbers.modSequenceOrZero(in);
            });
            if (modifiers.size() > 1) {
                throw SyntaxError.syntax("UNCHANGEDSINCE given twice");
            }
            unchangedSince = OptionalLong.of(modifiers.get(0));
            in.sp();
        }
        Store.Operation operation = in.skip('+') ? Store.Operation.ADD
                : in.skip('-') ? Store.Operation.REMOVE : Store.Operation.REPLACE;
        String item = in.keyword();
        if (!item.equals("FLAGS") && !item.equals("FLAGS.SILENT")) {
            throw SyntaxError.syntax("Expected FLAGS, +FLAGS or -FLAGS");
        }
        in.sp();
        List<String> flags;
        if (in.peek() == '(') {
            flags = Arguments.flagList(in);
        } else {
            flags = new ArrayList<>();
            do {
                flags.add(Arguments.flag(in));
            } while (in.skip(' '));
        }
        return new Store(tag, uid, set, unchangedSince, operation, item.endsWith(".SILENT"), flags);
    }
}
