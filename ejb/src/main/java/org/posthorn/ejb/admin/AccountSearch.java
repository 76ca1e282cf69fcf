package org.posthorn.ejb.admin;

import java.util.Locale;
import org.posthorn.ejb.directory.InvalidInputException;

/**
 * The checked parameters of an account search: the text as a JPQL {@code LIKE} pattern (with
 * {@code \} as the escape character, so {@code %} and {@code _} typed by an administrator match
 * themselves), and the page bounds.
 *
 * @param likePattern {@code %text%} in lower case, escaped; null to match everything
 * @param offset      matches to skip
 * @param limit       matches to return at most
 */
record AccountSearch(String likePattern, int offset, int limit) {

    /** Longer search texts are refused: no address is longer (RFC 5321 §4.5.3.1.3 allows 256). */
    static final int MAX_TEXT_LENGTH = 256;

    /** @throws InvalidInputException for a negative offset, a limit below 1 or an overlong text */
    static AccountSearch of(String text, int offset, int limit) {
        if (offset < 0) {
            throw new InvalidInputException("offset must be 0 or more");
        }
        if (limit < 1) {
            throw new InvalidInputException("limit must be 1 or more");
        }
        if (text == null || text.isBlank()) {
            return new AccountSearch(null, offset, limit);
        }
        String trimmed = text.strip();
        if (trimmed.length() > MAX_TEXT_LENGTH) {
            throw new InvalidInputException("the search text must have at most " + MAX_TEXT_LENGTH + " characters");
        }
        StringBuilder pattern = new StringBuilder("%");
        for (char c : trimmed.toLowerCase(Locale.ROOT).toCharArray()) {
            if (c == '%' || c == '_' || c == '\\') {
                pattern.append('\\');
            }
            pattern.append(c);
        }
        return new AccountSearch(pattern.append('%').toString(), offset, limit);
    }
}
