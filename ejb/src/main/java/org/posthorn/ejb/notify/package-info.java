/**
 * Change notifications (ADR 0004): every transaction that changes a mailbox also sends a small JMS
 * message to the topic {@link org.posthorn.ejb.notify.MailboxChangeMessage#TOPIC}, which exists exactly
 * when the change committed; on every node {@link org.posthorn.ejb.notify.MailboxChangeRelayMdb} passes
 * it to the resource adapter through its outbound connection, and the adapter tells the IMAP sessions
 * that have the mailbox selected.
 *
 * <p>Handles no client input: account and mailbox names are the stored ones. Touches JMS and the
 * adapter's connection factory, never the database.
 */
package org.posthorn.ejb.notify;
