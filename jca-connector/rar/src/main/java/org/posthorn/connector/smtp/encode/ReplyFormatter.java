package org.posthorn.connector.smtp.encode;

import java.util.List;

/**
 * The wire form of an {@link SmtpReply} (RFC 5321 §4.2): {@code code SP [status SP] text CRLF}, with
 * {@code code "-"} instead of {@code code SP} on every line but the last, and the same enhanced status
 * code on each line (RFC 2034 §4).
 *
 * <p>Replies cannot be injected: the text of a reply may contain what a client sent (its HELO name,
 * an address), so every character that could end a line or steer a terminal is dropped here, the one
 * place every reply passes: C0 and C1 controls (CR, LF, NUL, ESC, NEL...), DEL and the Unicode line
 * and paragraph separators. Anything else outside printable US-ASCII is written as {@code ?}: reply text
 * is ASCII (RFC 5321 §4.2), whether or not the client said SMTPUTF8. Each line is cut to fit the
 * 512-octet reply line limit of RFC 5321 §4.5.3.1.5.
 */
public final class ReplyFormatter {

    /** RFC 5321 §4.5.3.1.5, CRLF included. */
    public static final int MAX_REPLY_LINE = 512;

    private ReplyFormatter() {
    }

    /** The reply as it goes on the wire, every line ending in CRLF. */
    public static String format(SmtpReply reply) {
        StringBuilder out = new StringBuilder(64);
        List<String> lines = reply.lines();
        for (int i = 0; i < lines.size(); i++) {
            int lineStart = out.length();
            out.append(reply.code()).append(i < lines.size() - 1 ? '-' : ' ');
            if (reply.status() != null) {
                out.append(reply.status()).append(' ');
            }
            appendSafe(out, lines.get(i), lineStart + MAX_REPLY_LINE - 2);
            out.append("\r\n");
        }
        return out.toString();
    }

    /** {@code text} with everything that {@link #format} would drop or replace already dropped or replaced. */
    public static String clean(String text) {
        StringBuilder out = new StringBuilder(text.length());
        appendSafe(out, text, Integer.MAX_VALUE);
        return out.toString();
    }

    private static void appendSafe(StringBuilder out, String text, int limit) {
        for (int i = 0; i < text.length() && out.length() < limit; ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isISOControl(cp) || cp == 0x2028 || cp == 0x2029) {
                continue;
            }
            out.append(cp < 0x7f ? (char) cp : '?');
        }
    }
}
