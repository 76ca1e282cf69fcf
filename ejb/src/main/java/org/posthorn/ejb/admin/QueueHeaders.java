package org.posthorn.ejb.admin;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.posthorn.ejb.directory.NoSuchEntryException;
import org.posthorn.ejb.queue.QueuedMessage;

/**
 * The header section of a queued message (RFC 5322 §2.1: everything before the first empty line), as
 * text for an administrator to read; the body is never shown. Fields stay as the sender wrote them,
 * folded and encoded, with this server's {@code Received:} on top; raw 8-bit octets are read as UTF-8
 * (RFC 6532). The text is untrusted: callers show it escaped.
 */
@Stateless
public class QueueHeaders {

    /** More than any sane header section; a hostile one is cut here rather than shown whole. */
    public static final int MAX_OCTETS = 64 * 1024;

    @PersistenceContext(unitName = "posthorn")
    EntityManager em;

    public String of(long id) {
        QueuedMessage entry = em.find(QueuedMessage.class, id);
        if (entry == null) {
            throw new NoSuchEntryException("no queue entry " + id);
        }
        return headerSection(entry.getContent());
    }

    /** The octets up to the empty line that ends the header section (CRLF or bare LF), at most {@link #MAX_OCTETS}. */
    static String headerSection(byte[] message) {
        int end = Math.min(message.length, MAX_OCTETS);
        for (int i = 0; i < end; i++) {
            if (message[i] == '\n' && (startsLine(message, i + 1, end))) {
                end = i + 1;
                break;
            }
        }
        return decode(message, end);
    }

    /** Whether the line starting at {@code at} is empty. */
    private static boolean startsLine(byte[] message, int at, int end) {
        return at < end && (message[at] == '\n' || (message[at] == '\r' && at + 1 < end && message[at + 1] == '\n'));
    }

    private static String decode(byte[] message, int length) {
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try {
            CharBuffer text = utf8.decode(ByteBuffer.wrap(message, 0, length));
            return text.toString().replace("\r\n", "\n");
        } catch (CharacterCodingException e) {
            // Cannot happen with REPLACE; an octet that is not UTF-8 becomes U+FFFD.
            throw new IllegalStateException(e);
        }
    }
}
