/**
 * The outbound queue: messages waiting to be relayed to other domains' mail exchangers, one row each
 * with the state of every recipient, attempts, next attempt and last error, so an administrator can
 * see, retry and delete them; the JMS queue, MDB and timer that drive delivery attempts; and the
 * delivery status notifications (RFC 3464) to senders.
 *
 * <p>Untrusted input: the queued octets and envelope came from a client (an authenticated user, or a
 * remote server writing to one of our aliases); they are stored and sent on, never interpreted here.
 */
package org.posthorn.ejb.queue;
