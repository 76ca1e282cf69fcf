package org.posthorn.connector.imap.encode;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code HEADER.FIELDS} and {@code HEADER.FIELDS.NOT} (RFC 3501 §6.4.5): the header fields whose
 * names match one of a list, or those that match none, each with its continuation lines, in message
 * order and as stored, followed by the blank line (CRLF). Names compare case-insensitively (ASCII)
 * but otherwise exactly; white space before the colon (RFC 5322 §4.5.3 obsolete syntax) is not part
 * of the name.
 */
final class HeaderFields {

    private HeaderFields() {
    }

    /**
     * The fields of {@code header} (a header block as stored, blank line included or not) whose names
     * are in {@code names} when {@code matching}, or not in it otherwise, then CRLF.
     */
    static byte[] select(byte[] header, List<String> names, boolean matching) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(header.length, 4096) + 2);
        int fieldStart = 0;
        while (fieldStart < header.length && !isBlankLine(header, fieldStart)) {
            int fieldEnd = lineEnd(header, fieldStart);
            while (fieldEnd < header.length && (header[fieldEnd] == ' ' || header[fieldEnd] == '\t')) {
                fieldEnd = lineEnd(header, fieldEnd);
            }
            if (isNamed(header, fieldStart, fieldEnd, names) == matching) {
                out.write(header, fieldStart, fieldEnd - fieldStart);
            }
            fieldStart = fieldEnd;
        }
        out.write('\r');
        out.write('\n');
        return out.toByteArray();
    }

    /** The index after the LF that ends the line starting at {@code from}, or the end. */
    private static int lineEnd(byte[] header, int from) {
        for (int i = from; i < header.length; i++) {
            if (header[i] == '\n') {
                return i + 1;
            }
        }
        return header.length;
    }

    private static boolean isBlankLine(byte[] header, int at) {
        return header[at] == '\n' || (header[at] == '\r' && at + 1 < header.length && header[at + 1] == '\n');
    }

    /** Whether the field in [from, to) has one of {@code names}; a line without a colon has none. */
    private static boolean isNamed(byte[] header, int from, int to, List<String> names) {
        int colon = from;
        while (colon < to && header[colon] != ':') {
            colon++;
        }
        if (colon == to) {
            return false;
        }
        int nameEnd = colon;
        while (nameEnd > from && (header[nameEnd - 1] == ' ' || header[nameEnd - 1] == '\t')) {
            nameEnd--;
        }
        String name = new String(header, from, nameEnd - from, StandardCharsets.ISO_8859_1);
        for (String wanted : names) {
            if (asciiEqualsIgnoreCase(wanted, name)) {
                return true;
            }
        }
        return false;
    }

    /** Case-insensitive for ASCII letters only, so that no Unicode folding (ſ ~ s, K ~ k) makes a match. */
    private static boolean asciiEqualsIgnoreCase(String a, String b) {
        if (a.length() != b.length()) {
            return false;
        }
        for (int i = 0; i < a.length(); i++) {
            if (lower(a.charAt(i)) != lower(b.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static char lower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }
}
