package org.posthorn.connector.imap.fake;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.posthorn.spi.imap.MailboxStoreListener;

/**
 * The post office's rules for mailbox names, as the contract states them: levels separated by
 * {@link MailboxStoreListener#DELIMITER}, one trailing delimiter dropped, INBOX as first level in any
 * case stored as {@code INBOX}; refused are empty names or levels, more than 255 characters, control
 * characters and the LIST wildcards {@code *} and {@code %}.
 */
final class FakeMailboxNames {

    private static final char DELIMITER = MailboxStoreListener.DELIMITER;

    private FakeMailboxNames() {
    }

    static Optional<String> normalise(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String trimmed = !name.isEmpty() && name.charAt(name.length() - 1) == DELIMITER
                ? name.substring(0, name.length() - 1) : name;
        if (trimmed.isEmpty() || trimmed.length() > 255 || trimmed.chars().anyMatch(FakeMailboxNames::forbidden)) {
            return Optional.empty();
        }
        String[] levels = trimmed.split(String.valueOf(DELIMITER), -1);
        for (String level : levels) {
            if (level.isEmpty()) {
                return Optional.empty();
            }
        }
        return Optional.of(levels[0].equalsIgnoreCase("INBOX") ? "INBOX" + trimmed.substring(5) : trimmed);
    }

    private static boolean forbidden(int c) {
        return c < 0x20 || (c >= 0x7f && c < 0xa0) || c == '*' || c == '%';
    }

    /** {@code a/b/c}: {@code a}, {@code a/b}. */
    static List<String> parents(String name) {
        List<String> parents = new ArrayList<>();
        for (int at = name.indexOf(DELIMITER); at > 0; at = name.indexOf(DELIMITER, at + 1)) {
            parents.add(name.substring(0, at));
        }
        return parents;
    }

    static boolean isSelfOrChild(String name, String parent) {
        return name.equals(parent) || name.startsWith(parent + DELIMITER);
    }
}
