package org.posthorn.ejb.imap;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.posthorn.ejb.store.SystemFlag;
import org.posthorn.ejb.store.mime.BodyText;
import org.posthorn.ejb.store.mime.HeaderFields;
import org.posthorn.ejb.store.mime.StoredStructure;
import org.posthorn.spi.imap.SearchCriteria;

/**
 * Decides a SEARCH criteria tree (RFC 3501 §6.4.4) for one message, exactly: text matches are
 * case-insensitive substrings of decoded text (RFC 2047 in headers, transfer encodings in text
 * parts), dates are calendar days (the internal date in the server's zone; the sent date as written
 * in the Date: field, its own zone).
 */
final class SearchMatcher {

    /** RFC 5322 §3.3 {@code date}: day, month name, year. */
    private static final Pattern DATE = Pattern.compile(
            "(\\d{1,2})\\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\s+(\\d{2,4})",
            Pattern.CASE_INSENSITIVE);
    private static final String MONTHS = "janfebmaraprmayjunjulaugsepoctnovdec";

    private final ZoneId zone;

    SearchMatcher(ZoneId zone) {
        this.zone = zone;
    }

    boolean matches(SearchCriteria criteria, SearchCandidate m) {
        if (criteria instanceof SearchCriteria.All) {
            return true;
        } else if (criteria instanceof SearchCriteria.And and) {
            return and.all().stream().allMatch(c -> matches(c, m));
        } else if (criteria instanceof SearchCriteria.Or or) {
            return matches(or.left(), m) || matches(or.right(), m);
        } else if (criteria instanceof SearchCriteria.Not not) {
            return !matches(not.criterion(), m);
        } else if (criteria instanceof SearchCriteria.Uids uids) {
            return uids.uids().contains(m.uid());
        } else if (criteria instanceof SearchCriteria.HasFlag flag) {
            return hasFlag(flag.flag(), m);
        } else if (criteria instanceof SearchCriteria.InternalDate date) {
            return compare(m.internalDate().atZone(zone).toLocalDate(), date.comparison(), date.date());
        } else if (criteria instanceof SearchCriteria.SentDate date) {
            LocalDate sent = sentDay(m.structure().envelope().date());
            return sent != null && compare(sent, date.comparison(), date.date());
        } else if (criteria instanceof SearchCriteria.Size size) {
            return size.larger() ? m.size() > size.octets() : m.size() < size.octets();
        } else if (criteria instanceof SearchCriteria.ModSeqAtLeast modSeq) {
            return m.modSeq() >= modSeq.modSeq();
        } else if (criteria instanceof SearchCriteria.HeaderContains header) {
            return headerContains(m.structure(), header.field(), header.text());
        } else if (criteria instanceof SearchCriteria.BodyContains body) {
            return bodyContains(m, body.text());
        } else if (criteria instanceof SearchCriteria.TextContains text) {
            return contains(HeaderFields.decodedText(m.structure().header()), text.text()) || bodyContains(m, text.text());
        }
        throw new IllegalArgumentException("unknown search criterion " + criteria);
    }

    /** Whether evaluating the tree needs the parsed structure (headers, sent date). */
    static boolean needsStructure(SearchCriteria c) {
        return c instanceof SearchCriteria.HeaderContains || c instanceof SearchCriteria.SentDate
                || c instanceof SearchCriteria.TextContains || needsContent(c) || anyChild(c, SearchMatcher::needsStructure);
    }

    /** Whether evaluating the tree needs the message octets (body text). */
    static boolean needsContent(SearchCriteria c) {
        return c instanceof SearchCriteria.BodyContains || c instanceof SearchCriteria.TextContains
                || anyChild(c, SearchMatcher::needsContent);
    }

    private static boolean anyChild(SearchCriteria c, java.util.function.Predicate<SearchCriteria> test) {
        if (c instanceof SearchCriteria.And and) {
            return and.all().stream().anyMatch(test);
        } else if (c instanceof SearchCriteria.Or or) {
            return test.test(or.left()) || test.test(or.right());
        } else if (c instanceof SearchCriteria.Not not) {
            return test.test(not.criterion());
        }
        return false;
    }

    private static boolean hasFlag(String flag, SearchCandidate m) {
        if (flag.startsWith("\\")) {
            return Flags.systemFlag(flag).map(f -> SystemFlag.fromBits(m.flags()).contains(f)).orElse(false);
        }
        Set<String> keywords = m.keywords();
        return keywords.stream().anyMatch(k -> k.equalsIgnoreCase(flag));
    }

    private static boolean headerContains(StoredStructure structure, String field, String text) {
        return HeaderFields.decoded(structure.header(), field).stream().anyMatch(value -> contains(value, text));
    }

    private static boolean bodyContains(SearchCandidate m, String text) {
        return text.isEmpty() || BodyText.anyPart(m.content(), m.structure().body(), part -> contains(part, text));
    }

    private static boolean contains(String haystack, String needle) {
        return haystack.toLowerCase(Locale.ROOT).contains(needle.toLowerCase(Locale.ROOT));
    }

    private static boolean compare(LocalDate day, SearchCriteria.Comparison comparison, LocalDate given) {
        return switch (comparison) {
            case BEFORE -> day.isBefore(given);
            case ON -> day.isEqual(given);
            case SINCE -> !day.isBefore(given);
        };
    }

    /** The calendar day a Date: field names, ignoring time and zone (RFC 3501 SENTON), or null. */
    static LocalDate sentDay(String date) {
        if (date == null) {
            return null;
        }
        Matcher matcher = DATE.matcher(date);
        if (!matcher.find()) {
            return null;
        }
        int year = Integer.parseInt(matcher.group(3));
        if (matcher.group(3).length() <= 2) {
            year += year < 50 ? 2000 : 1900; // RFC 5322 §4.3 obsolete two-digit years
        }
        int month = MONTHS.indexOf(matcher.group(2).toLowerCase(Locale.ROOT)) / 3 + 1;
        try {
            return LocalDate.of(year, month, Integer.parseInt(matcher.group(1)));
        } catch (java.time.DateTimeException impossible) {
            return null; // "31 Feb": no such day, so no sent date to compare
        }
    }
}
