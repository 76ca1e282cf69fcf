/**
 * Change notifications from the post office to the wire (ADR 0004): the outbound connection of the
 * resource adapter through which the post office says that a mailbox changed, so that the IMAP
 * sessions that have it selected fetch the changes. The opposite direction of every other SPI
 * package: the post office calls, the adapter implements.
 *
 * <p>Values are account and mailbox names as stored, which the post office trusts; nothing here comes
 * from a client.
 */
package org.posthorn.spi.events;
