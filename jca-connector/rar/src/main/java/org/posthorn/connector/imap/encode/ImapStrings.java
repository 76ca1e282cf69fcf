package org.posthorn.connector.imap.encode;

import java.nio.charset.StandardCharsets;

/**
 * Strings on the wire (RFC 3501 §4.3 and §9: {@code string}, {@code quoted}, {@code literal},
 * {@code nstring}, {@code astring}; RFC 9051 §4.3 for UTF-8 in literals). Every string the server
 * writes that came from a client or a message goes through here, so no such string can end a line or
 * close a list early.
 */
public final class ImapStrings {

    /** {@code nil} of RFC 3501 §9. */
    public static final String NIL = "NIL";

    private ImapStrings() {
    }

    /**
     * A {@code quoted} string if {@code text} is 7-bit without CR, LF and NUL ({@code QUOTED-CHAR},
     * with {@code "} and {@code \} escaped), else a {@code literal}: {@code "{n}\r\n" + text} with
     * {@code n} its UTF-8 length. NUL is no {@code CHAR8} (RFC 3501 §9), so NULs are dropped from a
     * literal; a header value cannot lawfully hold one anyway.
     */
    public static String string(String text) {
        if (isQuotable(text)) {
            return quoted(text);
        }
        String octets = text.indexOf('\0') < 0 ? text : text.replace("\0", "");
        return "{" + octets.getBytes(StandardCharsets.UTF_8).length + "}\r\n" + octets;
    }

    /** {@link #string(String) string(text)}, or {@code NIL} for null ({@code nstring}). */
    public static String nstring(String text) {
        return text == null ? NIL : string(text);
    }

    /**
     * {@code text} as is when it is an {@code astring} atom ({@code 1*ASTRING-CHAR}) and not
     * {@code NIL} in any case (which a client would read as nil), else {@link #string(String)}.
     */
    public static String astring(String text) {
        if (!text.isEmpty() && !NIL.equalsIgnoreCase(text) && text.chars().allMatch(ImapStrings::isAstringChar)) {
            return text;
        }
        return string(text);
    }

    /**
     * Server {@code text} for a response line (RFC 3501 §9 {@code text = 1*TEXT-CHAR}): CR, LF and NUL
     * removed, so echoed client input cannot end the line and forge another response (STYLE 7).
     */
    public static String text(String text) {
        if (text.indexOf('\r') < 0 && text.indexOf('\n') < 0 && text.indexOf('\0') < 0) {
            return text;
        }
        StringBuilder safe = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\r' && c != '\n' && c != '\0') {
                safe.append(c);
            }
        }
        return safe.toString();
    }

    private static boolean isQuotable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0' || c == '\r' || c == '\n' || c > 0x7f) {
                return false;
            }
        }
        return true;
    }

    private static String quoted(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.append('"').toString();
    }

    /**
     * {@code ASTRING-CHAR}: {@code ATOM-CHAR} or {@code ]}; {@code ATOM-CHAR} is any {@code CHAR}
     * (7-bit, not NUL) except {@code ( ) { SP}, controls, {@code % *}, {@code " \} and {@code ]}.
     */
    private static boolean isAstringChar(int c) {
        if (c <= ' ' || c >= 0x7f) {
            return false;
        }
        return switch (c) {
            case '(', ')', '{', '%', '*', '"', '\\' -> false;
            default -> true;
        };
    }
}
