package org.posthorn.ejb.dns;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.posthorn.ejb.discovery.MailService;

/**
 * What a domain served by this server should publish: an MX naming this server, an SPF policy that
 * lets the MX hosts send (RFC 7208 §5.4 {@code mx}) and nothing else, and a DMARC policy (RFC 7489
 * §6.3) that quarantines failing mail and sends aggregate reports to the domain's postmaster; for
 * mail clients, an SRV record per service (RFC 6186, RFC 8314) naming this server and the service's
 * public port, and the {@code autoconfig} name Thunderbird asks for its settings, as a CNAME to this
 * server.
 */
public final class ExpectedRecords {

    /** The MX preference written; any preference is accepted when checking. */
    public static final int MX_PREFERENCE = 10;
    /** The SRV weight written (one target per priority, so it only has to be there); any is accepted. */
    public static final int SRV_WEIGHT = 1;

    private ExpectedRecords() {
    }

    /**
     * @param domain   a normalised domain name, without final dot
     * @param mailHost this server's host name ({@code posthorn.hostname})
     * @param ports    the public port of each service ({@link MailService#publicPorts()})
     */
    public static List<ExpectedRecord> of(String domain, String mailHost, Map<MailService, Integer> ports) {
        String owner = absolute(domain);
        String host = absolute(mailHost);
        List<ExpectedRecord> records = new ArrayList<>(List.of(
                new ExpectedRecord(RecordKind.MX, owner, MX_PREFERENCE + " " + host),
                new ExpectedRecord(RecordKind.SPF, owner, "v=spf1 mx -all"),
                new ExpectedRecord(RecordKind.DMARC, "_dmarc." + owner,
                        "v=DMARC1; p=quarantine; rua=mailto:postmaster@" + relative(domain))));
        for (RecordKind kind : RecordKind.values()) {
            MailService service = kind.service();
            if (service != null) {
                records.add(new ExpectedRecord(kind, service.srvLabel() + "." + owner,
                        service.srvPriority() + " " + SRV_WEIGHT + " " + ports.get(service) + " " + host));
            }
        }
        records.add(new ExpectedRecord(RecordKind.AUTOCONFIG, "autoconfig." + owner, host));
        return List.copyOf(records);
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
