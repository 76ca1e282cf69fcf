package org.posthorn.connector.imap.encode;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.posthorn.connector.imap.decode.FetchAttribute;
import org.posthorn.spi.imap.BodyPart;

/**
 * Reads one section of a stored message (RFC 3501 §6.4.5 {@code BODY[section]}, RFC 9051 §6.4.5)
 * using the byte offsets of its {@link BodyPart} structure, without parsing MIME again.
 *
 * <p>Part numbers: {@code []} is the message; its part 1 is its body when it is not a multipart,
 * otherwise its parts are numbered from 1. A number after a {@code message/rfc822} (or
 * {@code message/global}) part counts the parts of the encapsulated message the same way; a leaf
 * part has no parts. What of the part: all of it is its body ([bodyStart, end): for a message/rfc822
 * part the whole encapsulated message, for a multipart the parts with their boundaries), {@code MIME}
 * its own header with the blank line, {@code HEADER}, {@code TEXT} and {@code HEADER.FIELDS[.NOT]}
 * the header or body of the message it is or encapsulates (so they address nothing in a part that is
 * no message).
 */
public final class SectionReader {

    private SectionReader() {
    }

    /**
     * The octets of {@code section} in {@code message} (the stored bytes) whose structure is
     * {@code structure}; empty when the part does not exist or the section does not apply to it. The
     * whole message ({@code []}) is {@code message} itself, not a copy: the caller must not change it.
     */
    public static Optional<byte[]> read(byte[] message, BodyPart structure, FetchAttribute.Section section) {
        Optional<BodyPart> found = find(structure, section.part());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        BodyPart part = found.get();
        FetchAttribute.Text text = section.text();
        if (text == FetchAttribute.Text.ALL) {
            if (section.part().isEmpty()) {
                return Optional.of(slice(message, part.headerStart(), part.end()));
            }
            return Optional.of(slice(message, part.bodyStart(), part.end()));
        }
        if (text == FetchAttribute.Text.MIME) {
            return Optional.of(slice(message, part.headerStart(), part.bodyStart()));
        }
        // HEADER, TEXT, HEADER.FIELDS[.NOT]: of the message itself, or of the one a part encapsulates.
        BodyPart msg = section.part().isEmpty() ? part : part.message().map(BodyPart.Encapsulated::body).orElse(null);
        if (msg == null) {
            return Optional.empty();
        }
        byte[] header = slice(message, msg.headerStart(), msg.bodyStart());
        return Optional.of(switch (text) {
            case HEADER -> header;
            case TEXT -> slice(message, msg.bodyStart(), msg.end());
            case HEADER_FIELDS -> HeaderFields.select(header, section.fields(), true);
            case HEADER_FIELDS_NOT -> HeaderFields.select(header, section.fields(), false);
            default -> throw new IllegalStateException("unexpected section text " + text);
        });
    }

    /**
     * RFC 3501 §6.4.5 partial {@code <offset.length>}: the octets from {@code offset}, at most
     * {@code length} of them; an empty array when {@code offset} is at or beyond the end.
     */
    public static byte[] partial(byte[] octets, FetchAttribute.Partial partial) {
        if (partial.offset() >= octets.length) {
            return new byte[0];
        }
        int from = (int) partial.offset();
        long to = from + Math.min(partial.length(), (long) octets.length - from);
        return Arrays.copyOfRange(octets, from, (int) to);
    }

    /** The part a section-part path names, starting at the message; empty when there is none. */
    static Optional<BodyPart> find(BodyPart message, List<Long> path) {
        BodyPart current = message;
        for (int i = 0; i < path.size(); i++) {
            boolean atMessage = i == 0;
            if (i > 0 && current.message().isPresent()) {
                current = current.message().get().body();
                atMessage = true;
            }
            long number = path.get(i);
            if (current.isMultipart()) {
                if (number < 1 || number > current.children().size()) {
                    return Optional.empty();
                }
                current = current.children().get((int) number - 1);
            } else if (!atMessage || number != 1) {
                // Only a message has a part 1 that is its own body; a leaf part has no parts.
                return Optional.empty();
            }
        }
        return Optional.of(current);
    }

    /** The octets [from, to) clamped to the message; the message itself when that is all of it. */
    private static byte[] slice(byte[] message, long from, long to) {
        int start = (int) Math.max(0, Math.min(from, message.length));
        int end = (int) Math.max(start, Math.min(to, message.length));
        if (start == 0 && end == message.length) {
            return message;
        }
        return Arrays.copyOfRange(message, start, end);
    }
}
