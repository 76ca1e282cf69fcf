/**
 * Mail client autoconfiguration served by Posthorn itself: Thunderbird's {@code config-v1.1.xml} for
 * the domains this server hosts, to anyone who asks (it says nothing that the DNS records do not).
 *
 * <p>Untrusted input: the {@code emailaddress} query parameter and the {@code Host} header, reduced
 * to a domain name that {@link org.posthorn.ejb.discovery.ClientSetup} checks before it asks the
 * directory; nothing from the request reaches the answer except that checked, normalised name, and
 * the answer is written by an XML writer that escapes it. Reads the directory, never writes.
 */
package org.posthorn.web.autoconfig;
