package org.posthorn.ejb.dns;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares what DNS publishes with the {@link ExpectedRecords}. Comparisons ignore what does not
 * change the meaning: case and final dots of host names, the MX preference, SRV priority and weight,
 * spaces around tags, the order of DMARC tags.
 */
public final class RecordChecker {

    private final DiscoveryLookup dns;

    public RecordChecker(DiscoveryLookup dns) {
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
                    case SRV_IMAPS, SRV_IMAP, SRV_POP3S, SRV_POP3, SRV_SUBMISSIONS, SRV_SUBMISSION -> checkSrv(record);
                    case AUTOCONFIG -> checkAutoconfig(record);
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

    /** Present when one SRV record names the expected host and port, whatever its priority and weight. */
    private RecordCheck checkSrv(ExpectedRecord record) {
        List<SrvTarget> found = dns.srv(record.name());
        List<String> shown = found.stream().map(SrvTarget::toString).toList();
        if (found.isEmpty()) {
            return new RecordCheck(record, CheckStatus.MISSING, shown, null);
        }
        String[] fields = record.value().split(" "); // priority weight port host
        int port = Integer.parseInt(fields[2]);
        String host = ExpectedRecords.absolute(fields[3]);
        boolean present = found.stream()
                .anyMatch(srv -> srv.port() == port && ExpectedRecords.absolute(srv.host()).equals(host));
        if (present) {
            return new RecordCheck(record, CheckStatus.PRESENT, shown, null);
        }
        String note = found.stream().allMatch(SrvTarget::notOffered)
                ? "the target '.' tells clients this service is not offered at all (RFC 2782)"
                : "no SRV record names port " + port + " on " + host;
        return new RecordCheck(record, CheckStatus.DIFFERENT, shown, note);
    }

    /**
     * Present when the name is a CNAME of this server, or when all its addresses are this server's
     * (A/AAAA records, or a CNAME chain through another name that ends there).
     */
    private RecordCheck checkAutoconfig(ExpectedRecord record) {
        String host = ExpectedRecords.absolute(record.value());
        List<String> targets = dns.cname(record.name());
        List<String> shown = new ArrayList<>();
        targets.forEach(target -> shown.add("CNAME " + target));
        if (targets.stream().anyMatch(target -> ExpectedRecords.absolute(target).equals(host))) {
            return new RecordCheck(record, CheckStatus.PRESENT, shown, null);
        }
        List<InetAddress> addresses = dns.addresses(record.name());
        addresses.forEach(address -> shown.add((address instanceof Inet4Address ? "A " : "AAAA ") + address.getHostAddress()));
        if (shown.isEmpty()) {
            return new RecordCheck(record, CheckStatus.MISSING, shown, null);
        }
        List<InetAddress> hostAddresses = addresses.isEmpty() ? List.of() : dns.addresses(host);
        if (!addresses.isEmpty() && hostAddresses.containsAll(addresses)) {
            return new RecordCheck(record, CheckStatus.PRESENT, shown,
                    "reaches this server's address; a CNAME to " + host + " would follow it when it changes");
        }
        String note = !addresses.isEmpty() && hostAddresses.isEmpty()
                ? host + " has no address in DNS to compare with"
                : "does not lead to " + host;
        return new RecordCheck(record, CheckStatus.DIFFERENT, shown, note);
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
