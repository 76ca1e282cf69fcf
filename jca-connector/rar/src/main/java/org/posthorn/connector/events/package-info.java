/**
 * The adapter's outbound connection for change notifications (ADR 0004): the post office's relay MDB
 * gets a {@link org.posthorn.spi.events.MailboxEvents} connection from the factory bound at
 * {@link org.posthorn.spi.events.MailboxEventsFactory#JNDI_NAME} (by {@code META-INF/ironjacamar.xml})
 * and tells it which mailbox changed; the connection passes that to
 * {@link org.posthorn.connector.watch.MailboxWatchers}. No transaction, no I/O, no client input:
 * the names come from the post office.
 */
package org.posthorn.connector.events;
