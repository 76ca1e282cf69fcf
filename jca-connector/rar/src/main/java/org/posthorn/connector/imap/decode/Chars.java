package org.posthorn.connector.imap.decode;

/** The character classes of RFC 3501 §9, for octets (0 to 255). */
final class Chars {

    private Chars() {
    }

    /**
     * {@code ATOM-CHAR}: any {@code CHAR} except {@code atom-specials}, which are {@code ( ) {} SP},
     * {@code CTL}, {@code list-wildcards} ({@code % *}), {@code quoted-specials} ({@code " \}) and
     * {@code resp-specials} ({@code ]}). Octets above 0x7F are no {@code CHAR}.
     */
    static boolean isAtomChar(int c) {
        if (c <= ' ' || c >= 0x7f) {
            return false;
        }
        return switch (c) {
            case '(', ')', '{', '%', '*', '"', '\\', ']' -> false;
            default -> true;
        };
    }

    /** {@code ASTRING-CHAR}: {@code ATOM-CHAR} or {@code resp-specials}. */
    static boolean isAstringChar(int c) {
        return isAtomChar(c) || c == ']';
    }

    /** {@code list-char}: {@code ATOM-CHAR}, {@code list-wildcards} or {@code resp-specials}. */
    static boolean isListChar(int c) {
        return isAstringChar(c) || c == '%' || c == '*';
    }

    /** A character of {@code tag}: any {@code ASTRING-CHAR} except {@code +}. */
    static boolean isTagChar(int c) {
        return isAstringChar(c) && c != '+';
    }

    static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    /** The characters of a {@code sequence-set}, and {@code $}. */
    static boolean isSequenceChar(int c) {
        return isDigit(c) || c == ':' || c == ',' || c == '*' || c == '$';
    }

    /** The characters of FETCH attribute names and section specifiers: letters, digits and dots. */
    static boolean isNameChar(int c) {
        return isDigit(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '.';
    }

    /** {@code CTL}: 0x00 to 0x1F and 0x7F. */
    static boolean isControl(int c) {
        return c < ' ' || c == 0x7f;
    }
}
