package org.posthorn.connector.imap.fake;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.posthorn.spi.imap.MailboxStatus;
import org.posthorn.spi.imap.MessageState;
import org.posthorn.spi.imap.UidSet;

/**
 * One mailbox of the fake store: messages by UID, the UID and MODSEQ counters, the first UID that is
 * still {@code \Recent} (RFC 3501 §2.3.2: a read-write open takes all before it) and a tombstone per
 * expunged UID with the MODSEQ of its removal, so {@code changes} can report it. Not thread-safe: the
 * store's lock guards it.
 */
final class FakeMailbox {

    String name;
    final long uidValidity;
    final Optional<String> specialUse;
    boolean subscribed = true;
    long uidNext = 1;
    long highestModSeq = 1;
    long firstRecentUid = 1;
    final TreeMap<Long, FakeMessage> messages = new TreeMap<>();
    final Map<Long, Long> expunged = new TreeMap<>();

    FakeMailbox(String name, long uidValidity, Optional<String> specialUse) {
        this.name = name;
        this.uidValidity = uidValidity;
        this.specialUse = specialUse;
    }

    /** A new MODSEQ, greater than every one before in this mailbox (RFC 7162 §3.1.1). */
    long nextModSeq() {
        return ++highestModSeq;
    }

    FakeMessage add(byte[] bytes, Instant internalDate, Set<String> flags) {
        FakeMessage message = FakeMessage.parse(uidNext++, bytes, internalDate, flags, nextModSeq());
        messages.put(message.uid, message);
        return message;
    }

    FakeMessage addCopy(FakeMessage original) {
        FakeMessage copy = original.copy(uidNext++, nextModSeq());
        messages.put(copy.uid, copy);
        return copy;
    }

    void expunge(long uid) {
        messages.remove(uid);
        expunged.put(uid, nextModSeq());
    }

    /** The messages whose UID is in {@code uids}, ascending. */
    List<FakeMessage> in(UidSet uids) {
        List<FakeMessage> found = new ArrayList<>();
        for (UidSet.Range range : uids.ranges()) {
            found.addAll(messages.subMap(range.first(), true, range.last(), true).values());
        }
        return found;
    }

    List<MessageState> states() {
        return messages.values().stream().map(FakeMessage::state).toList();
    }

    MailboxStatus status() {
        long unseen = messages.values().stream().filter(m -> !m.flags.contains("\\Seen")).count();
        long recent = messages.tailMap(firstRecentUid, true).size();
        long size = messages.values().stream().mapToLong(m -> m.bytes.length).sum();
        return new MailboxStatus(messages.size(), recent, unseen, uidNext, uidValidity, highestModSeq, size);
    }
}
