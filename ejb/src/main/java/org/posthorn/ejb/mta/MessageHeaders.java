package org.posthorn.ejb.mta;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetHeaders;
import java.io.ByteArrayInputStream;

/**
 * The header section of a received message, read once by Jakarta Mail (up to the first empty line) for
 * what the MTA decides on: how many {@code Received:} fields it has (loop detection, RFC 5321 §6.3)
 * and whether it has the fields a submission server adds when they are missing (RFC 6409 §8).
 */
final class MessageHeaders {

    private final InternetHeaders headers;

    private MessageHeaders(InternetHeaders headers) {
        this.headers = headers;
    }

    static MessageHeaders of(byte[] message) {
        try {
            return new MessageHeaders(new InternetHeaders(new ByteArrayInputStream(message), true));
        } catch (MessagingException e) {
            // Only an I/O error of the stream can cause this, and a byte array has none.
            throw new IllegalStateException("cannot read headers from memory", e);
        }
    }

    /** How many fields of that name there are. */
    int count(String name) {
        String[] values = headers.getHeader(name);
        return values == null ? 0 : values.length;
    }

    boolean has(String name) {
        return count(name) > 0;
    }
}
