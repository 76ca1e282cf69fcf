/**
 * The relay's client side: finding a domain's mail exchangers in DNS (RFC 5321 §5.1, RFC 7505) and
 * handing a message to them over SMTP with Angus Mail, one connection per domain, one result per
 * recipient. No storage and no transactions: the queue ({@code org.posthorn.ejb.queue}) decides what
 * to send and records what happened.
 *
 * <p>Untrusted input: DNS answers (host names, addresses) and everything a remote server replies,
 * which ends up in queue rows and delivery reports only as one-line text of bounded length.
 */
package org.posthorn.ejb.relay;
