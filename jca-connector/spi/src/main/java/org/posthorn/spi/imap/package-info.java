/**
 * The mailbox store as IMAP needs it: mailboxes by name, messages by UID, flags, MODSEQs, body
 * structure with byte offsets, searches as criteria trees. A storage API, never IMAP syntax: message
 * sequence numbers, untagged responses, literals and quoting stay on the wire side, which translates
 * sequence sets to {@link org.posthorn.spi.imap.UidSet}s with its own snapshot of the mailbox.
 *
 * <p>Mailbox names are Unicode (the wire decodes modified UTF-7), hierarchy levels separated by
 * {@link org.posthorn.spi.imap.MailboxStoreListener#DELIMITER}; {@code INBOX} is case-insensitive.
 */
package org.posthorn.spi.imap;
