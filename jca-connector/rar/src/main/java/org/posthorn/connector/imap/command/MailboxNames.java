package org.posthorn.connector.imap.command;

import java.util.Locale;
import java.util.Optional;
import org.posthorn.connector.imap.decode.ModifiedUtf7;
import org.posthorn.connector.imap.encode.ImapStrings;
import org.posthorn.spi.imap.MailboxStoreListener;

/**
 * Mailbox names between the wire (modified UTF-7, RFC 3501 §5.1.3) and the post office (Unicode), and
 * LIST's wildcards ({@code *} any characters, {@code %} any but the delimiter, RFC 3501 §6.3.8).
 */
final class MailboxNames {

    static final char DELIMITER = MailboxStoreListener.DELIMITER;
    static final String INBOX = "INBOX";

    private MailboxNames() {
    }

    /** The Unicode name of a name as the client sent it; empty if it is not valid modified UTF-7. */
    static Optional<String> fromWire(String wire) {
        Optional<String> name = ModifiedUtf7.decode(wire);
        return name.map(MailboxNames::canonicalInbox);
    }

    /** A name as an {@code astring} on the wire. */
    static String toWire(String name) {
        return ImapStrings.astring(ModifiedUtf7.encode(name));
    }

    /** INBOX is case-insensitive (RFC 3501 §5.1), also as the first level of a hierarchy. */
    private static String canonicalInbox(String name) {
        if (name.length() >= 5 && name.regionMatches(true, 0, INBOX, 0, 5)
                && (name.length() == 5 || name.charAt(5) == DELIMITER)) {
            return INBOX + name.substring(5);
        }
        return name;
    }

    /**
     * Whether {@code name} matches the LIST pattern (already decoded, reference prepended). Dynamic
     * programming over the pattern, one row of the name's length: O(pattern × name) time whatever the
     * wildcards, so no pattern can make it slow.
     */
    static boolean matches(String pattern, String name) {
        String canonical = canonicalInbox(pattern);
        // INBOX is case-insensitive also in patterns: "inbox*" and "In%" match it (RFC 3501 §5.1).
        int caseless = name.equals(INBOX) || name.startsWith(INBOX + DELIMITER) ? INBOX.length() : 0;
        boolean[] row = new boolean[name.length() + 1];
        row[0] = true;
        for (int p = 0; p < canonical.length(); p++) {
            char c = canonical.charAt(p);
            boolean[] next = new boolean[row.length];
            if (c == '*' || c == '%') {
                next[0] = row[0];
                for (int n = 1; n < row.length; n++) {
                    next[n] = row[n] || (next[n - 1] && (c == '*' || name.charAt(n - 1) != DELIMITER));
                }
            } else {
                for (int n = 1; n < row.length; n++) {
                    char at = name.charAt(n - 1);
                    next[n] = row[n - 1] && (at == c || (n <= caseless && Character.toUpperCase(c) == at));
                }
            }
            row = next;
        }
        return row[name.length()];
    }

    /** The name LIST matches: the reference and the pattern joined (RFC 3501 §6.3.8). */
    static String join(String reference, String pattern) {
        if (reference.isEmpty() || pattern.startsWith(String.valueOf(DELIMITER))) {
            return pattern;
        }
        return reference + pattern;
    }

    static boolean isInbox(String name) {
        return name.toUpperCase(Locale.ROOT).equals(INBOX);
    }
}
