package org.posthorn.connector.imap.command;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.posthorn.connector.imap.decode.SequenceSet;
import org.posthorn.spi.imap.MailboxSnapshot;
import org.posthorn.spi.imap.MessageState;
import org.posthorn.spi.imap.UidSet;

/**
 * The selected mailbox as one session knows it (RFC 3501 §2.3.1.2): the UIDs numbered 1..n in
 * ascending order, which is the whole mapping between sequence numbers and UIDs, the MODSEQ of each
 * message as last reported to the client, and the counters. Sequence numbers exist only here; the
 * post office works in UIDs. Changes by others are merged in only when the protocol allows
 * ({@link MailboxUpdates}), so the numbering never moves under a client's feet.
 *
 * <p>Arrays of primitives, not collections: a session with 100,000 messages selected costs about
 * 1.6 MB, not ten times that.
 */
public final class SelectedMailbox {

    private final String name;
    private final boolean readOnly;
    private final long uidValidity;
    private long[] uids;
    private long[] modSeqs;
    private int count;
    private final Set<Long> recent;
    private long highestModSeq;
    private long uidNext;
    /** The post office announced a change the session has not looked at yet. */
    private boolean stale;

    SelectedMailbox(String name, MailboxSnapshot snapshot) {
        this.name = name;
        this.readOnly = snapshot.readOnly();
        this.uidValidity = snapshot.status().uidValidity();
        this.count = snapshot.messages().size();
        this.uids = new long[Math.max(16, count)];
        this.modSeqs = new long[uids.length];
        for (int i = 0; i < count; i++) {
            MessageState message = snapshot.messages().get(i);
            uids[i] = message.uid();
            modSeqs[i] = message.modSeq();
        }
        this.recent = new HashSet<>(snapshot.recentUids());
        this.highestModSeq = snapshot.status().highestModSeq();
        this.uidNext = snapshot.status().uidNext();
    }

    /** The mailbox name as the post office knows it (Unicode). */
    public String name() {
        return name;
    }

    public boolean readOnly() {
        return readOnly;
    }

    public long uidValidity() {
        return uidValidity;
    }

    /** The number of messages the client has been told of (the last EXISTS). */
    public int count() {
        return count;
    }

    public long highestModSeq() {
        return highestModSeq;
    }

    public long uidNext() {
        return uidNext;
    }

    /** The UID of sequence number {@code sequence} (1-based). */
    public long uidAt(int sequence) {
        return uids[sequence - 1];
    }

    /** The sequence number of {@code uid}, or 0 if the session does not know it. */
    public int sequenceOf(long uid) {
        int index = Arrays.binarySearch(uids, 0, count, uid);
        return index >= 0 ? index + 1 : 0;
    }

    /** The largest UID known, 0 in an empty mailbox. */
    public long largestUid() {
        return count == 0 ? 0 : uids[count - 1];
    }

    public boolean isRecent(long uid) {
        return recent.contains(uid);
    }

    public int recentCount() {
        return recent.size();
    }

    /** The recent messages as a UID set (SEARCH RECENT, NEW, OLD). */
    public UidSet recentUids() {
        return new UidSet(recent.stream().map(uid -> new UidSet.Range(uid, uid)).toList());
    }

    /** The MODSEQ last reported for {@code uid}, or 0. */
    public long knownModSeq(long uid) {
        int sequence = sequenceOf(uid);
        return sequence == 0 ? 0 : modSeqs[sequence - 1];
    }

    /** Remembers that the client now knows {@code state} (after a FETCH or STORE that reported it). */
    public void reported(MessageState state) {
        int sequence = sequenceOf(state.uid());
        if (sequence > 0) {
            modSeqs[sequence - 1] = Math.max(modSeqs[sequence - 1], state.modSeq());
        }
    }

    /**
     * The UIDs of a set of sequence numbers ({@code *} being the last message), or empty if it names a
     * number beyond the last message (RFC 3501 §9: such a set is invalid).
     */
    public Optional<UidSet> uidsOfSequences(SequenceSet set) {
        List<UidSet.Range> ranges = new ArrayList<>();
        for (SequenceSet.Range range : set.resolve(count)) {
            if (range.last() > count) {
                return Optional.empty();
            }
            // Consecutive sequence numbers may have UID gaps; the gaps hold no message of this view.
            ranges.add(new UidSet.Range(uids[(int) range.first() - 1], uids[(int) range.last() - 1]));
        }
        return Optional.of(new UidSet(ranges));
    }

    /** A set of UIDs as the client wrote it, {@code *} being the largest UID (RFC 3501 §6.4.8). */
    public UidSet uidsOfUids(SequenceSet set) {
        List<UidSet.Range> ranges = new ArrayList<>();
        for (SequenceSet.Range range : set.resolve(Math.min(largestUid(), SequenceSet.MAX_NUMBER))) {
            ranges.add(new UidSet.Range(range.first(), range.last()));
        }
        return new UidSet(ranges);
    }

    /** Appends newly announced messages (ascending UIDs above every known one); they become recent if {@code recent}. */
    void add(MessageState message, boolean markRecent) {
        if (message.uid() <= largestUid()) {
            return;
        }
        if (count == uids.length) {
            uids = Arrays.copyOf(uids, count * 2);
            modSeqs = Arrays.copyOf(modSeqs, count * 2);
        }
        uids[count] = message.uid();
        modSeqs[count] = message.modSeq();
        count++;
        if (markRecent) {
            recent.add(message.uid());
        }
    }

    /** Removes an expunged message; returns the sequence number it had, or 0 if it was unknown. */
    int remove(long uid) {
        int sequence = sequenceOf(uid);
        if (sequence == 0) {
            return 0;
        }
        System.arraycopy(uids, sequence, uids, sequence - 1, count - sequence);
        System.arraycopy(modSeqs, sequence, modSeqs, sequence - 1, count - sequence);
        count--;
        recent.remove(uid);
        return sequence;
    }

    void advance(long newHighestModSeq, long newUidNext) {
        highestModSeq = Math.max(highestModSeq, newHighestModSeq);
        uidNext = Math.max(uidNext, newUidNext);
    }

    /** The post office announced a change: look at it at the next chance. */
    public void markStale() {
        stale = true;
    }

    boolean stale() {
        return stale;
    }

    void fresh() {
        stale = false;
    }
}
