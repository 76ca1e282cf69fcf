package org.posthorn.connector.imap.encode;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Writes a FETCH response (RFC 3501 §7.4.2, {@code "*" SP nz-number SP "FETCH" SP msg-att}) into one
 * composite buffer: the text between body literals is encoded once, and the octets of each
 * {@link FetchItem.Body} are wrapped, not copied, so a large body costs no copy here.
 */
final class FetchWriter {

    /** {@code date-time} of RFC 3501 §9: {@code date-day-fixed} (space-padded day), English month, zone. */
    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("ppd-MMM-yyyy HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final CompositeByteBuf out = Unpooled.compositeBuffer(Integer.MAX_VALUE);
    private final StringBuilder text = new StringBuilder(256);

    private FetchWriter() {
    }

    /** The bytes of {@code fetch}. */
    static ByteBuf write(ImapResponse.FetchData fetch) {
        FetchWriter writer = new FetchWriter();
        writer.text.append("* ").append(fetch.sequence()).append(" FETCH (");
        String separator = "";
        for (FetchItem item : fetch.items()) {
            writer.text.append(separator);
            writer.item(item);
            separator = " ";
        }
        writer.text.append(")\r\n");
        writer.flushText();
        return writer.out;
    }

    private void item(FetchItem item) {
        if (item instanceof FetchItem.Flags flags) {
            text.append("FLAGS (").append(String.join(" ", flags.flags())).append(')');
        } else if (item instanceof FetchItem.Uid uid) {
            text.append("UID ").append(uid.uid());
        } else if (item instanceof FetchItem.ModSeq modSeq) {
            text.append("MODSEQ (").append(modSeq.modSeq()).append(')');
        } else if (item instanceof FetchItem.InternalDate date) {
            text.append("INTERNALDATE \"").append(DATE_TIME.format(date.date())).append('"');
        } else if (item instanceof FetchItem.Size size) {
            text.append("RFC822.SIZE ").append(size.octets());
        } else if (item instanceof FetchItem.EnvelopeItem envelope) {
            text.append("ENVELOPE ");
            EnvelopeWriter.append(text, envelope.envelope());
        } else if (item instanceof FetchItem.Structure structure) {
            text.append(structure.extensible() ? "BODYSTRUCTURE " : "BODY ");
            BodyStructureWriter.append(text, structure.body(), structure.extensible());
        } else if (item instanceof FetchItem.Body body) {
            body(body);
        }
    }

    /** {@code name SP nstring}, the string always a literal: message octets may hold anything but NUL. */
    private void body(FetchItem.Body body) {
        text.append(ImapStrings.text(body.name())).append(' ');
        if (body.octets().isEmpty()) {
            text.append(ImapStrings.NIL);
            return;
        }
        byte[] octets = body.octets().get();
        text.append('{').append(octets.length).append("}\r\n");
        flushText();
        if (octets.length > 0) {
            out.addComponent(true, Unpooled.wrappedBuffer(octets));
        }
    }

    private void flushText() {
        if (!text.isEmpty()) {
            out.addComponent(true, Unpooled.wrappedBuffer(text.toString().getBytes(StandardCharsets.UTF_8)));
            text.setLength(0);
        }
    }
}
