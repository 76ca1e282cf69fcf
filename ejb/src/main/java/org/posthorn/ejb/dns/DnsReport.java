package org.posthorn.ejb.dns;

import java.util.List;

/**
 * What a domain should publish and what DNS says about it.
 *
 * @param domain   the domain
 * @param mailHost this server's name, which the MX must point to
 * @param checks   one per expected record
 * @param warning  a problem with this server's own settings that makes the records useless, or null
 */
public record DnsReport(String domain, String mailHost, List<RecordCheck> checks, String warning) {

    /** Whether every record is published as expected. */
    public boolean allPresent() {
        return checks.stream().allMatch(c -> c.status() == CheckStatus.PRESENT);
    }
}
