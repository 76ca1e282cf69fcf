package org.posthorn.ejb.dns;

import java.util.List;

/**
 * The further lookups the DNS page needs for the records clients find the servers with: SRV (RFC 6186)
 * and the autoconfig name's CNAME. Same contract as {@link DnsLookup}: a name without such records
 * answers an empty list.
 */
public interface DiscoveryLookup extends DnsLookup {

    /** @throws DnsLookupException when no server answered, or answered with an error other than NXDOMAIN */
    List<SrvTarget> srv(String name);

    /**
     * The target of the name's CNAME record, absolute; empty when it has none.
     *
     * @throws DnsLookupException when no server answered, or answered with an error other than NXDOMAIN
     */
    List<String> cname(String name);
}
