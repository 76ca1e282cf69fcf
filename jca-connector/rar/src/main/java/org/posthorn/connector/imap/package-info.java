/**
 * The IMAP server (RFC 3501 IMAP4rev1 with IDLE, UIDPLUS, MOVE, SPECIAL-USE, NAMESPACE, ENABLE,
 * LITERAL+, SASL-IR, ID, UNSELECT, CHILDREN, LIST-EXTENDED, LIST-STATUS, CONDSTORE and ESEARCH;
 * STARTTLS, and IMAPS per RFC 8314): the {@link org.posthorn.connector.imap.ImapProtocol}s the
 * listener host binds ({@code imap} and {@code imaps}) and the per-connection handler that decodes
 * input as it gets to it, runs each command's outcome on the event loop and writes the responses.
 *
 * <p>Handles raw bytes from the network: the decoder bounds lines, literals (refused by their
 * announced size before a byte is read), commands and SEARCH nesting, with small limits until the
 * client has logged in; a client that pipelines faster than it reads is paused. May touch Netty
 * channels and the event loop; blocking work goes to the post office, never onto the event loop. An
 * idle or IDLE-ing connection costs no thread: it learns of mailbox changes from the adapter's
 * {@link org.posthorn.connector.watch.MailboxWatchers}. After STARTTLS every clear-text byte sent
 * behind the command is discarded.
 *
 * <p>Subpackages: {@code decode} (bytes to command records), {@code command} (session, command
 * table, handlers, no I/O), {@code encode} (response records to bytes).
 */
package org.posthorn.connector.imap;
