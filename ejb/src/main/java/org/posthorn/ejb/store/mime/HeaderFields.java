package org.posthorn.ejb.store.mime;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.UnsupportedEncodingException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;

/**
 * Header fields of a stored header section as text to search in (RFC 3501 §6.4.4): unfolded, RFC 2047
 * encoded words decoded (left as written when their charset is unknown).
 */
public final class HeaderFields {

    private HeaderFields() {
    }

    /** The decoded values of every occurrence of a field, in order; empty when absent. */
    public static List<String> decoded(byte[] header, String name) {
        String[] values = read(header).getHeader(name);
        List<String> out = new ArrayList<>();
        if (values != null) {
            for (String value : values) {
                out.add(decode(value));
            }
        }
        return out;
    }

    /** Every field as {@code Name: decoded value}, one per line: the header text TEXT searches. */
    public static String decodedText(byte[] header) {
        StringBuilder out = new StringBuilder();
        for (Enumeration<jakarta.mail.Header> fields = read(header).getAllHeaders(); fields.hasMoreElements(); ) {
            jakarta.mail.Header field = fields.nextElement();
            out.append(field.getName()).append(": ").append(decode(field.getValue())).append('\n');
        }
        return out.toString();
    }

    private static String decode(String value) {
        String unfolded = MimeUtility.unfold(value).trim();
        try {
            return MimeUtility.decodeText(unfolded);
        } catch (UnsupportedEncodingException unknownCharset) {
            // An encoded word in an unknown charset: search its raw text rather than skip the field.
            return unfolded;
        }
    }

    private static InternetHeaders read(byte[] header) {
        try {
            return new InternetHeaders(new ByteArrayInputStream(header), true);
        } catch (MessagingException e) {
            // Only an I/O error of the stream can cause this, and a byte array has none.
            throw new IllegalStateException("cannot read headers from memory", e);
        }
    }
}
