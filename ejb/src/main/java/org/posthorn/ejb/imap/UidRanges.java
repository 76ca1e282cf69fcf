package org.posthorn.ejb.imap;

import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;
import java.util.List;
import org.posthorn.spi.imap.UidSet;

/**
 * A {@link UidSet} as a JPQL condition on {@code m.uid}, without expanding ranges. Sets of many
 * ranges become one {@code between} over their span, and the caller filters with
 * {@link UidSet#contains} — a bound on statement size whatever the client sends.
 */
final class UidRanges {

    static final int MAX_RANGES_IN_SQL = 32;

    private UidRanges() {
    }

    /** The condition, with parameters {@code :uidFirst0, :uidLast0, ...}; "false" for an empty set. */
    static String condition(UidSet uids) {
        if (uids.isEmpty()) {
            return "1 = 0";
        }
        if (uids.ranges().size() > MAX_RANGES_IN_SQL) {
            return "m.uid between :uidFirst0 and :uidLast0";
        }
        StringBuilder out = new StringBuilder("(");
        for (int i = 0; i < uids.ranges().size(); i++) {
            out.append(i == 0 ? "" : " or ").append("m.uid between :uidFirst").append(i).append(" and :uidLast")
                    .append(i);
        }
        return out.append(')').toString();
    }

    static <T> TypedQuery<T> bind(TypedQuery<T> query, UidSet uids) {
        bind((Query) query, uids);
        return query;
    }

    static void bind(Query query, UidSet uids) {
        List<UidSet.Range> ranges = uids.ranges();
        if (ranges.isEmpty()) {
            return;
        }
        if (ranges.size() > MAX_RANGES_IN_SQL) {
            query.setParameter("uidFirst0", ranges.get(0).first());
            query.setParameter("uidLast0", ranges.get(ranges.size() - 1).last());
            return;
        }
        for (int i = 0; i < ranges.size(); i++) {
            query.setParameter("uidFirst" + i, ranges.get(i).first());
            query.setParameter("uidLast" + i, ranges.get(i).last());
        }
    }
}
