/**
 * Mailboxes and messages: the entities, UID and MODSEQ allocation under the mailbox row lock, shared
 * blobs with reference counts, and the summary parsed at delivery.
 *
 * <p>Untrusted input: the raw octets of received messages, stored byte-exact and parsed only by
 * {@link org.posthorn.ejb.store.SummaryParser}, which never fails on a malformed header. Touches only
 * the database.
 */
package org.posthorn.ejb.store;
