/**
 * The DNS records a domain must publish for mail to reach this server (MX, SPF, DMARC) and for mail
 * clients to find it (RFC 6186 SRV records, the autoconfig name), and a live check of what the
 * domain's DNS really says, with dnsjava.
 *
 * <p>Untrusted input: answers from DNS servers (any text in TXT records, SRV and CNAME targets,
 * addresses), which are only compared and shown, never interpreted further; domain names come from
 * the directory, already checked.
 * Talks to the DNS servers of {@code posthorn.dns.servers} or the system's resolver, nothing else.
 */
package org.posthorn.ejb.dns;
