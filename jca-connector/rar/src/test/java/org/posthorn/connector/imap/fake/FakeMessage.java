package org.posthorn.connector.imap.fake;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.posthorn.spi.MessageContent;
import org.posthorn.spi.imap.BodyPart;
import org.posthorn.spi.imap.Envelope;
import org.posthorn.spi.imap.FetchScope;
import org.posthorn.spi.imap.MessageState;
import org.posthorn.spi.imap.MessageView;

/**
 * One stored message of the fake: its octets, parsed once (envelope and structure), and its mutable
 * flags and MODSEQ, changed only under the store's lock.
 */
final class FakeMessage {

    final long uid;
    final byte[] bytes;
    final Instant internalDate;
    final Envelope envelope;
    final BodyPart structure;
    Set<String> flags;
    long modSeq;

    private FakeMessage(long uid, byte[] bytes, Instant internalDate, Envelope envelope, BodyPart structure,
                        Set<String> flags, long modSeq) {
        this.uid = uid;
        this.bytes = bytes;
        this.internalDate = internalDate;
        this.envelope = envelope;
        this.structure = structure;
        this.flags = Set.copyOf(flags);
        this.modSeq = modSeq;
    }

    static FakeMessage parse(long uid, byte[] bytes, Instant internalDate, Set<String> flags, long modSeq) {
        return new FakeMessage(uid, bytes, internalDate, MimeParts.envelope(bytes), MimeParts.structure(bytes), flags,
                modSeq);
    }

    /** The same message under another UID (COPY, MOVE, renaming INBOX). */
    FakeMessage copy(long newUid, long newModSeq) {
        return new FakeMessage(newUid, bytes, internalDate, envelope, structure, flags, newModSeq);
    }

    MessageState state() {
        return new MessageState(uid, flags, modSeq);
    }

    MessageView view(FetchScope scope) {
        return new MessageView(state(),
                scope.summary() ? Optional.of(internalDate) : Optional.empty(),
                scope.summary() ? Optional.of((long) bytes.length) : Optional.empty(),
                scope.envelope() ? Optional.of(envelope) : Optional.empty(),
                scope.bodyStructure() ? Optional.of(structure) : Optional.empty(),
                scope.content() ? Optional.of(MessageContent.of(bytes)) : Optional.empty());
    }
}
