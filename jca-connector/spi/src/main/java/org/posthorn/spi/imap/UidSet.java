package org.posthorn.spi.imap;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A set of UIDs as sorted, disjoint, non-adjacent closed ranges, never expanded into single values:
 * {@code 1:4294967295} costs one range. The wire resolves {@code *} before building one.
 *
 * @param ranges the ranges, normalised by the constructor
 */
public record UidSet(List<Range> ranges) {

    /** The largest UID RFC 3501 §2.3.1.1 allows (a 32-bit unsigned value). */
    public static final long MAX_UID = 4_294_967_295L;

    /** A closed range {@code first..last}; {@code first <= last}, both between 1 and {@link #MAX_UID}. */
    public record Range(long first, long last) {
        public Range {
            if (first < 1 || last > MAX_UID || first > last) {
                throw new IllegalArgumentException("bad UID range " + first + ":" + last);
            }
        }
    }

    public UidSet {
        Objects.requireNonNull(ranges, "ranges");
        List<Range> sorted = new ArrayList<>(ranges);
        sorted.sort(Comparator.comparingLong(Range::first));
        List<Range> merged = new ArrayList<>();
        for (Range range : sorted) {
            Range last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && range.first() <= last.last() + 1) {
                merged.set(merged.size() - 1, new Range(last.first(), Math.max(last.last(), range.last())));
            } else {
                merged.add(range);
            }
        }
        ranges = List.copyOf(merged);
    }

    public static UidSet of(long uid) {
        return new UidSet(List.of(new Range(uid, uid)));
    }

    public static UidSet range(long first, long last) {
        return new UidSet(List.of(new Range(first, last)));
    }

    /** Every possible UID. */
    public static UidSet all() {
        return range(1, MAX_UID);
    }

    public boolean contains(long uid) {
        for (Range range : ranges) {
            if (uid < range.first()) {
                return false;
            }
            if (uid <= range.last()) {
                return true;
            }
        }
        return false;
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }
}
