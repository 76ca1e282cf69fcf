package org.posthorn.ejb.imap;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.posthorn.spi.imap.SearchCriteria;
import org.posthorn.spi.imap.UidSet;

/**
 * The part of a SEARCH (RFC 3501 §6.4.4) that SQL can do: a JPQL condition on {@code m} that every
 * matching message meets (UID sets, flags, keywords, internal dates, sizes, MODSEQ). It may let more
 * through — header and body matches, sent dates — and {@link SearchMatcher} then decides each
 * candidate exactly, so only one evaluation is ever the truth.
 */
final class SearchQuery {

    private final ZoneId zone;
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    private SearchQuery(ZoneId zone) {
        this.zone = zone;
    }

    /** The narrowing condition and its parameters for a criteria tree. */
    static SearchQuery of(SearchCriteria criteria, ZoneId zone, StringBuilder condition) {
        SearchQuery query = new SearchQuery(zone);
        String narrowed = query.narrow(criteria);
        condition.append(narrowed == null ? "1 = 1" : narrowed);
        return query;
    }

    Map<String, Object> parameters() {
        return parameters;
    }

    /** A condition implied by the criterion (null: none), possibly weaker. */
    private String narrow(SearchCriteria criteria) {
        int mark = parameters.size();
        String exact = exact(criteria);
        if (exact != null) {
            return exact;
        }
        dropFrom(mark);
        String weaker = weaker(criteria);
        if (weaker == null) {
            dropFrom(mark);
        }
        return weaker;
    }

    /** Forgets the parameters bound since {@code mark}: they belong to a condition that was dropped. */
    private void dropFrom(int mark) {
        new ArrayList<>(parameters.keySet()).subList(mark, parameters.size()).forEach(parameters::remove);
    }

    private String weaker(SearchCriteria criteria) {
        if (criteria instanceof SearchCriteria.And and) {
            List<String> parts = new ArrayList<>();
            for (SearchCriteria child : and.all()) {
                String part = narrow(child);
                if (part != null) {
                    parts.add(part);
                }
            }
            return parts.isEmpty() ? null : "(" + String.join(" and ", parts) + ")";
        }
        if (criteria instanceof SearchCriteria.Or or) {
            String left = narrow(or.left());
            String right = narrow(or.right());
            return left == null || right == null ? null : "(" + left + " or " + right + ")";
        }
        return null;
    }

    /** A condition exactly equivalent to the criterion, or null when SQL cannot say it. */
    private String exact(SearchCriteria criteria) {
        if (criteria instanceof SearchCriteria.All) {
            return "1 = 1";
        } else if (criteria instanceof SearchCriteria.And and) {
            List<String> parts = new ArrayList<>();
            for (SearchCriteria child : and.all()) {
                String part = exact(child);
                if (part == null) {
                    return null;
                }
                parts.add(part);
            }
            return parts.isEmpty() ? "1 = 1" : "(" + String.join(" and ", parts) + ")";
        } else if (criteria instanceof SearchCriteria.Or or) {
            String left = exact(or.left());
            String right = exact(or.right());
            return left == null || right == null ? null : "(" + left + " or " + right + ")";
        } else if (criteria instanceof SearchCriteria.Not not) {
            String inner = exact(not.criterion());
            return inner == null ? null : "not (" + inner + ")";
        } else if (criteria instanceof SearchCriteria.Uids uids) {
            return uids(uids.uids());
        } else if (criteria instanceof SearchCriteria.HasFlag flag) {
            return flag(flag.flag());
        } else if (criteria instanceof SearchCriteria.InternalDate date) {
            return internalDate(date.comparison(), date.date());
        } else if (criteria instanceof SearchCriteria.Size size) {
            return "m.size " + (size.larger() ? ">" : "<") + " " + param(size.octets());
        } else if (criteria instanceof SearchCriteria.ModSeqAtLeast modSeq) {
            return "m.modSeq >= " + param(modSeq.modSeq());
        }
        return null; // header, body, text and sent-date matches need the message
    }

    private String uids(UidSet set) {
        if (set.isEmpty()) {
            return "1 = 0";
        }
        if (set.ranges().size() > UidRanges.MAX_RANGES_IN_SQL) {
            return null;
        }
        List<String> ranges = new ArrayList<>();
        for (UidSet.Range range : set.ranges()) {
            ranges.add("m.uid between " + param(range.first()) + " and " + param(range.last()));
        }
        return "(" + String.join(" or ", ranges) + ")";
    }

    private String flag(String name) {
        if (name.equalsIgnoreCase("\\Recent")) {
            return "1 = 0"; // the wire turns \Recent into UIDs; as a stored flag it never exists
        }
        if (name.startsWith("\\")) {
            return Flags.systemFlag(name).map(f -> "m.flags in " + param(Flags.bitValues(f, true))).orElse("1 = 0");
        }
        return "exists (select 1 from MailboxMessage k join k.keywords kw where k.id = m.id and lower(kw) = "
                + param(name.toLowerCase(Locale.ROOT)) + ")";
    }

    private String internalDate(SearchCriteria.Comparison comparison, LocalDate day) {
        Object start = day.atStartOfDay(zone).toInstant();
        Object next = day.plusDays(1).atStartOfDay(zone).toInstant();
        return switch (comparison) {
            case BEFORE -> "m.internalDate < " + param(start);
            case ON -> "(m.internalDate >= " + param(start) + " and m.internalDate < " + param(next) + ")";
            case SINCE -> "m.internalDate >= " + param(start);
        };
    }

    private String param(Object value) {
        String name = "s" + parameters.size();
        parameters.put(name, value);
        return ":" + name;
    }
}
