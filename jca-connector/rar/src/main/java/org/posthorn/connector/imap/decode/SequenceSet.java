package org.posthorn.connector.imap.decode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A set of message sequence numbers or UIDs as the client wrote it ({@code sequence-set} of RFC 3501
 * §9): ranges in either order, {@code *} for the largest number in use, or SEARCHRES's {@code $} for
 * the saved search result (RFC 5182 §2.1). Never expanded: {@code 1:4294967295} is one range, and
 * {@link #contains} and {@link #resolve} work range by range.
 *
 * <p>{@code *} is resolved only against the mailbox: RFC 3501 §9 says {@code 10:*} means {@code 5:10}
 * when the largest number is 5, which is what resolving {@code *} to 5 and ordering the ends gives.
 */
public final class SequenceSet {

    /** Stands for {@code *} in a {@link Range}. */
    public static final long STAR = -1;
    /** The largest {@code nz-number} (RFC 3501 §9: an unsigned 32-bit integer). */
    public static final long MAX_NUMBER = 4_294_967_295L;

    private static final SequenceSet SAVED_RESULT = new SequenceSet(List.of(), true);

    /**
     * One {@code seq-number} or {@code seq-range}, ends as written.
     *
     * @param first the first end: 1 to {@link #MAX_NUMBER}, or {@link #STAR}
     * @param last  the second end, the same as {@code first} for a single number
     */
    public record Range(long first, long last) {

        public Range {
            if (!valid(first) || !valid(last)) {
                throw new IllegalArgumentException("not a seq-number: " + first + ":" + last);
            }
        }

        private static boolean valid(long n) {
            return n == STAR || (n >= 1 && n <= MAX_NUMBER);
        }

        /** The smaller end once {@code *} stands for {@code largest}. */
        public long low(long largest) {
            return Math.min(resolve(first, largest), resolve(last, largest));
        }

        /** The larger end once {@code *} stands for {@code largest}. */
        public long high(long largest) {
            return Math.max(resolve(first, largest), resolve(last, largest));
        }

        private static long resolve(long n, long largest) {
            return n == STAR ? largest : n;
        }

        @Override
        public String toString() {
            return first == last ? text(first) : text(first) + ":" + text(last);
        }

        private static String text(long n) {
            return n == STAR ? "*" : Long.toString(n);
        }
    }

    private final List<Range> ranges;
    private final boolean savedResult;

    private SequenceSet(List<Range> ranges, boolean savedResult) {
        this.ranges = ranges;
        this.savedResult = savedResult;
    }

    /** A set of the given ranges, in the given order. */
    public static SequenceSet of(List<Range> ranges) {
        if (ranges.isEmpty()) {
            throw new IllegalArgumentException("a sequence set has at least one range");
        }
        return new SequenceSet(List.copyOf(ranges), false);
    }

    /** {@code $}: the result saved by the last {@code SEARCH RETURN (SAVE)} (RFC 5182). */
    public static SequenceSet savedResult() {
        return SAVED_RESULT;
    }

    /**
     * Parses {@code sequence-set} of RFC 3501 §9, or {@code $}.
     *
     * @return the set, or empty if {@code text} is not one
     */
    public static Optional<SequenceSet> parse(String text) {
        if (text.equals("$")) {
            return Optional.of(SAVED_RESULT);
        }
        List<Range> ranges = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            int colon = part.indexOf(':');
            long first = number(colon < 0 ? part : part.substring(0, colon));
            long last = colon < 0 ? first : number(part.substring(colon + 1));
            if (first == 0 || last == 0) {
                return Optional.empty();
            }
            ranges.add(new Range(first, last));
        }
        return Optional.of(new SequenceSet(List.copyOf(ranges), false));
    }

    /** {@code seq-number}: {@code nz-number} or {@code *}; 0 when it is neither. */
    private static long number(String text) {
        if (text.equals("*")) {
            return STAR;
        }
        if (text.isEmpty() || text.length() > 10 || text.charAt(0) == '0') {
            return 0;
        }
        long n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return 0;
            }
            n = n * 10 + (c - '0');
        }
        return n <= MAX_NUMBER ? n : 0;
    }

    /** The ranges as written; empty for {@code $}. */
    public List<Range> ranges() {
        return ranges;
    }

    /** Whether this is {@code $}, which the session must replace by its saved result. */
    public boolean isSavedResult() {
        return savedResult;
    }

    /**
     * Whether {@code n} is in the set when {@code *} stands for {@code largest}.
     *
     * @param largest the largest sequence number or UID in use; 0 in an empty mailbox
     * @throws IllegalStateException    for {@code $}, which has no numbers of its own
     * @throws IllegalArgumentException if {@code largest} is not 0 to {@link #MAX_NUMBER}
     */
    public boolean contains(long n, long largest) {
        requireNumbers(largest);
        for (Range range : ranges) {
            if (n >= range.low(largest) && n <= range.high(largest)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The set as ascending, disjoint, non-adjacent ranges of concrete numbers ({@code first <= last},
     * no {@code *}), when {@code *} stands for {@code largest}. As many ranges as written at most;
     * in an empty mailbox ({@code largest} 0) a lone {@code *} stands for nothing.
     *
     * @throws IllegalStateException    for {@code $}
     * @throws IllegalArgumentException if {@code largest} is not 0 to {@link #MAX_NUMBER}
     */
    public List<Range> resolve(long largest) {
        requireNumbers(largest);
        List<Range> sorted = new ArrayList<>(ranges.size());
        for (Range range : ranges) {
            long high = range.high(largest);
            if (high >= 1) {
                sorted.add(new Range(Math.max(1, range.low(largest)), high));
            }
        }
        sorted.sort(Comparator.comparingLong(Range::first));
        List<Range> merged = new ArrayList<>(sorted.size());
        for (Range range : sorted) {
            Range previous = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (previous != null && range.first() <= previous.last() + 1) {
                merged.set(merged.size() - 1, new Range(previous.first(), Math.max(previous.last(), range.last())));
            } else {
                merged.add(range);
            }
        }
        return List.copyOf(merged);
    }

    private void requireNumbers(long largest) {
        if (savedResult) {
            throw new IllegalStateException("$ must be replaced by the saved search result first");
        }
        if (largest < 0 || largest > MAX_NUMBER) {
            throw new IllegalArgumentException("largest out of range: " + largest);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SequenceSet s && savedResult == s.savedResult && ranges.equals(s.ranges);
    }

    @Override
    public int hashCode() {
        return Objects.hash(ranges, savedResult);
    }

    /** The set in IMAP syntax, as written. */
    @Override
    public String toString() {
        if (savedResult) {
            return "$";
        }
        StringBuilder out = new StringBuilder();
        for (Range range : ranges) {
            out.append(out.isEmpty() ? "" : ",").append(range);
        }
        return out.toString();
    }
}
