package org.posthorn.ejb.store.mime;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;

/**
 * The header section of a message or body part (RFC 5322 §2.2, RFC 2045 §3), read by Jakarta Mail
 * from a slice of the stored octets. Values come back unfolded (RFC 5322 §2.2.3) and trimmed, raw
 * 8-bit text read as UTF-8 (RFC 6532 §3.2).
 */
final class HeaderSection {

    private final InternetHeaders headers;

    private HeaderSection(InternetHeaders headers) {
        this.headers = headers;
    }

    /** The fields between {@code start} and {@code end} (the end of the header section, blank line excluded). */
    static HeaderSection read(byte[] data, int start, int end) {
        try {
            return new HeaderSection(new InternetHeaders(new ByteArrayInputStream(data, start, end - start), true));
        } catch (MessagingException e) {
            // Only an I/O error of the stream can cause this, and a byte array has none.
            throw new IllegalStateException("cannot read headers from memory", e);
        }
    }

    /** The first occurrence of a field, unfolded and trimmed, or null. */
    String first(String name) {
        String[] values = headers.getHeader(name);
        return values == null ? null : MimeUtility.unfold(values[0]).trim();
    }

    /** All occurrences joined with {@code ", "} (address fields that a sender repeated), or null. */
    String joined(String name) {
        String value = headers.getHeader(name, ", ");
        return value == null ? null : MimeUtility.unfold(value).trim();
    }
}
