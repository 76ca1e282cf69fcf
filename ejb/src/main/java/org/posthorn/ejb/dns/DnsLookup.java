package org.posthorn.ejb.dns;

import java.net.InetAddress;
import java.util.List;

/**
 * Asks DNS for the records the checks and the relay need. A name that does not exist, or has no records of the
 * type, answers an empty list; only a failure to get an answer at all is an exception.
 */
public interface DnsLookup {

    /** @throws DnsLookupException when no server answered, or answered with an error other than NXDOMAIN */
    List<MxTarget> mx(String name);

    /**
     * The TXT records of a name, each the concatenation of its character-strings (RFC 7208 §3.3).
     *
     * @throws DnsLookupException when no server answered, or answered with an error other than NXDOMAIN
     */
    List<String> txt(String name);

    /**
     * The IPv4 and IPv6 addresses of a name (its A, then its AAAA records), for connecting to a mail
     * exchanger (RFC 5321 §5.1).
     *
     * @throws DnsLookupException when no server answered, or answered with an error other than NXDOMAIN
     */
    List<InetAddress> addresses(String name);
}
