package org.posthorn.ejb.imap;

import java.util.Optional;
import org.posthorn.ejb.store.Mailbox;
import org.posthorn.spi.imap.MailboxStoreListener;

/**
 * Validates and normalises mailbox names from the wire (RFC 3501 §5.1): levels separated by
 * {@link MailboxStoreListener#DELIMITER}; {@code INBOX} as first level is case-insensitive and stored
 * as {@code INBOX}; one trailing delimiter is dropped (RFC 3501 §6.3.3: it only says the name is meant
 * to have children). Refused: empty names or levels, more than {@link #MAX_LENGTH} characters,
 * control characters, and the LIST wildcards {@code *} and {@code %}, which could never be listed
 * unambiguously.
 */
final class MailboxNames {

    static final int MAX_LENGTH = 255;
    private static final String DELIMITER = String.valueOf(MailboxStoreListener.DELIMITER);

    private MailboxNames() {
    }

    /** The stored form of a name, or empty when the name is not acceptable. */
    static Optional<String> normalise(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String trimmed = name.endsWith(DELIMITER) ? name.substring(0, name.length() - 1) : name;
        if (trimmed.isEmpty() || trimmed.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (c < 0x20 || (c >= 0x7f && c < 0xa0) || c == '*' || c == '%') {
                return Optional.empty();
            }
        }
        String[] levels = trimmed.split(DELIMITER, -1);
        for (String level : levels) {
            if (level.isEmpty()) {
                return Optional.empty();
            }
        }
        if (levels[0].equalsIgnoreCase(Mailbox.INBOX)) {
            return Optional.of(Mailbox.INBOX + trimmed.substring(levels[0].length()));
        }
        return Optional.of(trimmed);
    }

    /** Whether a normalised name is INBOX itself. */
    static boolean isInbox(String normalised) {
        return Mailbox.INBOX.equals(normalised);
    }

    /** The names of the parents of a normalised name, outermost first ({@code a/b/c}: {@code a}, {@code a/b}). */
    static java.util.List<String> parents(String normalised) {
        java.util.List<String> parents = new java.util.ArrayList<>();
        int at = normalised.indexOf(MailboxStoreListener.DELIMITER);
        while (at > 0) {
            parents.add(normalised.substring(0, at));
            at = normalised.indexOf(MailboxStoreListener.DELIMITER, at + 1);
        }
        return parents;
    }

    /** Whether {@code name} is {@code parent} or below it. */
    static boolean isSelfOrChild(String name, String parent) {
        return name.equals(parent) || name.startsWith(parent + DELIMITER);
    }

    static String delimiter() {
        return DELIMITER;
    }
}
