package org.posthorn.spi.imap;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.posthorn.spi.MessageContent;

/**
 * One message as a FETCH asked for it; what the {@link FetchScope} did not ask for is empty.
 *
 * @param state         UID, flags and MODSEQ
 * @param internalDate  when the message was delivered or appended (RFC 3501 §2.3.3)
 * @param size          its size in octets as stored (RFC822.SIZE)
 * @param envelope      its envelope
 * @param bodyStructure its MIME structure, with offsets into {@code content}
 * @param content       its stored bytes, read entirely within the call (the transaction is over afterwards)
 */
public record MessageView(MessageState state, Optional<Instant> internalDate, Optional<Long> size,
                          Optional<Envelope> envelope, Optional<BodyPart> bodyStructure,
                          Optional<MessageContent> content) {

    public MessageView {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(internalDate, "internalDate");
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(bodyStructure, "bodyStructure");
        Objects.requireNonNull(content, "content");
    }
}
