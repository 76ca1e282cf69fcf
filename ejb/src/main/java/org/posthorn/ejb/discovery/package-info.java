/**
 * How mail clients find this server: the services they connect to with the ports published for them
 * ({@link org.posthorn.ejb.discovery.MailService}, used by the DNS page's SRV records and by
 * autoconfiguration), and the hosted-domain answer behind the public autoconfig file.
 *
 * <p>Untrusted input: domain names from anonymous HTTP clients, checked with
 * {@link org.posthorn.ejb.directory.DomainName} before the directory is asked; reads the directory, never writes.
 */
package org.posthorn.ejb.discovery;
