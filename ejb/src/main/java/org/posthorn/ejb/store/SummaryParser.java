package org.posthorn.ejb.store;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MailDateFormat;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParseException;
import java.io.ByteArrayInputStream;
import java.io.UnsupportedEncodingException;
import java.text.ParsePosition;
import java.time.Instant;
import java.util.Date;
import java.util.Locale;

/**
 * Reads the {@link MessageSummary} of a message from its header section (RFC 5322 §2.2) with
 * Jakarta Mail. The input is whatever a remote client sent: nothing here may fail because a field
 * is missing, malformed, badly encoded or huge; such a field is kept raw, left out or cut.
 */
public final class SummaryParser {

    private SummaryParser() {
    }

    /** The summary of a whole message (only its header section is read). */
    public static MessageSummary parse(byte[] message) {
        InternetHeaders headers;
        try {
            // Reads up to the first empty line; the body is never parsed here. Raw 8-bit text in header
            // fields is read as UTF-8 (RFC 6532 §3.2); invalid sequences become U+FFFD.
            headers = new InternetHeaders(new ByteArrayInputStream(message), true);
        } catch (MessagingException e) {
            // Only an I/O error of the stream can cause this, and a byte array has none.
            throw new IllegalStateException("cannot read headers from memory", e);
        }
        String date = first(headers, "Date");
        return new MessageSummary(
                cut(decoded(first(headers, "Subject")), MessageSummary.MAX_TEXT),
                cut(decoded(first(headers, "From")), MessageSummary.MAX_ADDRESSES),
                cut(decoded(all(headers, "To")), MessageSummary.MAX_ADDRESSES),
                cut(decoded(all(headers, "Cc")), MessageSummary.MAX_ADDRESSES),
                cut(date, 200),
                parseDate(date),
                cut(first(headers, "Message-ID"), 1000),
                contentType(first(headers, "Content-Type")));
    }

    /** The first occurrence, unfolded (RFC 5322 §2.2.3) and trimmed, or null. */
    private static String first(InternetHeaders headers, String name) {
        String[] values = headers.getHeader(name);
        return values == null ? null : MimeUtility.unfold(values[0]).trim();
    }

    /** All occurrences joined as one list (a message may repeat To: or Cc: though it should not). */
    private static String all(InternetHeaders headers, String name) {
        String joined = headers.getHeader(name, ", ");
        return joined == null ? null : MimeUtility.unfold(joined).trim();
    }

    /** RFC 2047 encoded-words decoded; the raw text when the charset is unknown. */
    private static String decoded(String value) {
        if (value == null) {
            return null;
        }
        try {
            return MimeUtility.decodeText(value);
        } catch (UnsupportedEncodingException unknownCharset) {
            // An unknown charset in an encoded-word: showing the raw encoded-word beats losing the field.
            return value;
        }
    }

    /** The RFC 5322 §3.3 date as an instant, or null when missing or unreadable. */
    static Instant parseDate(String value) {
        if (value == null) {
            return null;
        }
        // MailDateFormat is lenient about obsolete forms (RFC 5322 §4.3) and not thread-safe.
        Date parsed = new MailDateFormat().parse(value, new ParsePosition(0));
        return parsed == null ? null : parsed.toInstant();
    }

    /** {@code type/subtype} in lower case; the RFC 2045 §5.2 default when missing, null when malformed. */
    static String contentType(String value) {
        if (value == null) {
            return "text/plain";
        }
        try {
            return cut(new ContentType(value).getBaseType().toLowerCase(Locale.ROOT), 200);
        } catch (ParseException malformed) {
            // RFC 2045 §5.2 would default to text/plain, but an unreadable type is worth telling apart.
            return null;
        }
    }

    private static String cut(String value, int max) {
        if (value == null || value.length() <= max) {
            return value;
        }
        // Do not split a surrogate pair at the cut.
        int end = Character.isHighSurrogate(value.charAt(max - 1)) ? max - 1 : max;
        return value.substring(0, end);
    }
}
