package org.posthorn.ejb.dns;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares what DNS publishes with the {@link ExpectedRecords}. Comparisons ignore what does not
 * change the meaning: case and final dots of host names, the MX preference, spaces around tags,
 * the order of DMARC tags.
 */
public final class RecordChecker {

    private final DnsLookup dns;

    public RecordChecker(DnsLookup dns) {
        this.dns = dns;
    }

    /** Checks each record in turn; a lookup failure marks only that record {@link CheckStatus#UNKNOWN}. */
    public List<RecordCheck> check(List<ExpectedRecord> expected) {
        List<RecordCheck> checks = new ArrayList<>(expected.size());
        for (ExpectedRecord record : expected) {
            try {
                checks.add(switch (record.kind()) {
                    case MX -> checkMx(record);
                    case SPF -> checkTxt(record, "v=spf1", RecordChecker::sameSpf);
                    case DMARC -> checkTxt(record, "v=DMARC1", RecordChecker::sameDmarc);
                });
            } catch (DnsLookupException e) {
                checks.add(new RecordCheck(record, CheckStatus.UNKNOWN, List.of(), e.getMessage()));
            }
        }
        return checks;
    }

    private RecordCheck checkMx(ExpectedRecord record) {
        List<MxTarget> found = dns.mx(record.name());
        List<String> shown = found.stream().map(MxTarget::toString).toList();
        if (found.isEmpty()) {
            return new RecordCheck(record, CheckStatus.MISSING, shown, null);
        }
        String wanted = hostOf(record.value());
        boolean present = found.stream().anyMatch(mx -> ExpectedRecords.absolute(mx.host()).equals(wanted));
        return present
                ? new RecordCheck(record, CheckStatus.PRESENT, shown, null)
                : new RecordCheck(record, CheckStatus.DIFFERENT, shown, "no MX record names " + wanted);
    }

    private RecordCheck checkTxt(ExpectedRecord record, String versionTag, Same same) {
        List<String> found = dns.txt(record.name()).stream()
                .filter(txt -> txt.regionMatches(true, 0, versionTag, 0, versionTag.length()))
                .toList();
        if (found.isEmpty()) {
            return new RecordCheck(record, CheckStatus.MISSING, found, null);
        }
        if (found.size() > 1) {
            return new RecordCheck(record, CheckStatus.DIFFERENT, found,
                    "only one " + versionTag + " record may be published; receivers ignore them all");
        }
        return same.test(record.value(), found.get(0))
                ? new RecordCheck(record, CheckStatus.PRESENT, found, null)
                : new RecordCheck(record, CheckStatus.DIFFERENT, found, null);
    }

    /** The absolute host name of an MX value {@code "preference host"}. */
    private static String hostOf(String mxValue) {
        return ExpectedRecords.absolute(mxValue.substring(mxValue.indexOf(' ') + 1).trim());
    }

    /** SPF terms compared case-insensitively (RFC 7208 §4.6.1), in order, however many spaces between. */
    static boolean sameSpf(String expected, String found) {
        return terms(expected, "\\s+").equals(terms(found, "\\s+"));
    }

    /** DMARC tag-value pairs compared as a set (RFC 7489 §6.4: order after v= is free), ignoring spaces. */
    static boolean sameDmarc(String expected, String found) {
        return new TreeSet<>(terms(expected, ";")).equals(tagSet(found));
    }

    private static Set<String> tagSet(String record) {
        return new TreeSet<>(terms(record, ";"));
    }

    private static List<String> terms(String record, String separator) {
        List<String> terms = new ArrayList<>();
        for (String term : record.trim().split(separator)) {
            String cleaned = term.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
            if (!cleaned.isEmpty()) {
                terms.add(cleaned);
            }
        }
        return terms;
    }

    @FunctionalInterface
    private interface Same {
        boolean test(String expected, String found);
    }
}
