package org.posthorn.ejb.store.mime;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.logging.Logger;
import org.posthorn.spi.imap.BodyPart;

/**
 * The text of a message's {@code text/*} parts, transfer encoding (RFC 2045 §6) and charset decoded,
 * for BODY and TEXT searches (RFC 3501 §6.4.4). Parts of other types are not text and are not searched;
 * encapsulated messages are searched through. A part whose encoding cannot be undone is searched raw.
 */
public final class BodyText {

    private static final Logger LOG = Logger.getLogger(BodyText.class.getName());

    private BodyText() {
    }

    /** Whether some text part's decoded text passes the test. */
    public static boolean anyPart(byte[] stored, BodyPart part, Predicate<String> test) {
        if (part.isMultipart()) {
            for (BodyPart child : part.children()) {
                if (anyPart(stored, child, test)) {
                    return true;
                }
            }
            return false;
        }
        if (part.message().isPresent()) {
            return anyPart(stored, part.message().get().body(), test);
        }
        return "text".equals(part.type()) && test.test(decode(stored, part));
    }

    static String decode(byte[] stored, BodyPart part) {
        int start = (int) part.bodyStart();
        int length = (int) (part.end() - part.bodyStart());
        byte[] raw = new byte[length];
        System.arraycopy(stored, start, raw, 0, length);
        String encoding = part.encoding().toLowerCase(Locale.ROOT);
        byte[] bytes = raw;
        if (encoding.equals("base64") || encoding.equals("quoted-printable")) {
            try (InputStream in = MimeUtility.decode(new ByteArrayInputStream(raw), encoding)) {
                bytes = in.readAllBytes();
            } catch (IOException | MessagingException broken) {
                LOG.fine(() -> "Undecodable " + encoding + " part searched raw: " + broken.getMessage());
            }
        }
        return new String(bytes, charset(part.parameters().get("charset")));
    }

    private static Charset charset(String name) {
        if (name == null || name.equalsIgnoreCase("us-ascii")) {
            return StandardCharsets.UTF_8; // a superset, for the many messages that mislabel 8-bit text
        }
        try {
            return Charset.forName(MimeUtility.javaCharset(name));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException unknown) {
            return StandardCharsets.UTF_8;
        }
    }
}
