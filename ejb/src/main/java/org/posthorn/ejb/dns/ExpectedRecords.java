package org.posthorn.ejb.dns;

import java.util.List;
import java.util.Locale;

/**
 * What a domain served by this server should publish: an MX naming this server, an SPF policy that
 * lets the MX hosts send (RFC 7208 §5.4 {@code mx}) and nothing else, and a DMARC policy (RFC 7489
 * §6.3) that quarantines failing mail and sends aggregate reports to the domain's postmaster.
 */
public final class ExpectedRecords {

    /** The MX preference written; any preference is accepted when checking. */
    public static final int MX_PREFERENCE = 10;

    private ExpectedRecords() {
    }

    /**
     * @param domain   a normalised domain name, without final dot
     * @param mailHost this server's host name ({@code posthorn.hostname})
     */
    public static List<ExpectedRecord> of(String domain, String mailHost) {
        String owner = absolute(domain);
        return List.of(
                new ExpectedRecord(RecordKind.MX, owner, MX_PREFERENCE + " " + absolute(mailHost)),
                new ExpectedRecord(RecordKind.SPF, owner, "v=spf1 mx -all"),
                new ExpectedRecord(RecordKind.DMARC, "_dmarc." + owner,
                        "v=DMARC1; p=quarantine; rua=mailto:postmaster@" + relative(domain)));
    }

    /** The name with exactly one final dot, in lower case. */
    static String absolute(String name) {
        return relative(name) + ".";
    }

    /** The name without a final dot, in lower case. */
    static String relative(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }
}
