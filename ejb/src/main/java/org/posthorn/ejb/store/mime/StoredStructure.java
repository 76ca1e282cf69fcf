package org.posthorn.ejb.store.mime;

import java.util.Objects;
import org.posthorn.spi.imap.BodyPart;
import org.posthorn.spi.imap.Envelope;

/**
 * What is parsed once per stored message and kept beside its octets: the envelope, the MIME
 * structure with offsets into the stored octets, and a copy of the top-level header section so that
 * header searches (RFC 3501 §6.4.4 FROM, SUBJECT, HEADER ...) never load the message itself.
 *
 * @param envelope the top-level envelope
 * @param body     the top-level body part; its {@code headerStart} is 0
 * @param header   the stored octets {@code [0, body.bodyStart())}, trace headers included
 */
public record StoredStructure(Envelope envelope, BodyPart body, byte[] header) {

    public StoredStructure {
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(header, "header");
    }
}
