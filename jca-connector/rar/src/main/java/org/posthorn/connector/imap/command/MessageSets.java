package org.posthorn.connector.imap.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.posthorn.connector.imap.decode.SequenceSet;
import org.posthorn.spi.imap.UidSet;

/** The messages of the selected mailbox a command names, by sequence numbers or UIDs. */
final class MessageSets {

    private MessageSets() {
    }

    /**
     * The UIDs {@code set} names ({@code uid}: as UIDs, else as sequence numbers), or empty if sequence
     * numbers go beyond the last message. {@code $} (SEARCHRES) is not offered, so the decoder's
     * {@code $} is refused the same way.
     */
    static Optional<UidSet> resolve(SelectedMailbox mailbox, SequenceSet set, boolean uid) {
        if (set.isSavedResult()) {
            return Optional.empty();
        }
        return uid ? Optional.of(mailbox.uidsOfUids(set)) : mailbox.uidsOfSequences(set);
    }

    /** The UIDs of the session's view that are in {@code set}, ascending. */
    static List<Long> known(SelectedMailbox mailbox, UidSet set) {
        List<Long> uids = new ArrayList<>();
        for (UidSet.Range range : set.ranges()) {
            int from = firstAtLeast(mailbox, range.first());
            for (int sequence = from; sequence <= mailbox.count() && mailbox.uidAt(sequence) <= range.last(); sequence++) {
                uids.add(mailbox.uidAt(sequence));
            }
        }
        return uids;
    }

    /** The lowest sequence number whose UID is at least {@code uid}; count + 1 if none. */
    private static int firstAtLeast(SelectedMailbox mailbox, long uid) {
        int low = 1;
        int high = mailbox.count() + 1;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (mailbox.uidAt(middle) < uid) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** Ascending UIDs as a set of ranges (consecutive runs merge). */
    static UidSet of(List<Long> ascending) {
        List<UidSet.Range> ranges = new ArrayList<>();
        int i = 0;
        while (i < ascending.size()) {
            int j = i;
            while (j + 1 < ascending.size() && ascending.get(j + 1) == ascending.get(j) + 1) {
                j++;
            }
            ranges.add(new UidSet.Range(ascending.get(i), ascending.get(j)));
            i = j + 1;
        }
        return new UidSet(ranges);
    }

    /** {@code 1:3,5} — a UID or sequence list in IMAP's compact form (COPYUID, ESEARCH). */
    static String compact(List<Long> ascending) {
        StringBuilder out = new StringBuilder();
        for (UidSet.Range range : of(ascending).ranges()) {
            out.append(out.isEmpty() ? "" : ",").append(range.first());
            if (range.last() != range.first()) {
                out.append(':').append(range.last());
            }
        }
        return out.toString();
    }
}
