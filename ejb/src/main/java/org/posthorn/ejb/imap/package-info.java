/**
 * The mailbox store as IMAP sees it: {@link org.posthorn.ejb.imap.MailboxStoreMdb} implements the
 * SPI's {@code MailboxStoreListener} by delegating to small services, one per concern (directory,
 * selection and changes, fetch, flags, expunge/copy/move, append, search).
 *
 * <p>Untrusted input: mailbox names, flag names, UID sets, search criteria and APPENDed messages
 * from authenticated IMAP clients. Every call resolves the mailbox together with the authenticated
 * account, so another account's mailbox reads as not existing; names are validated by
 * {@link org.posthorn.ejb.imap.MailboxNames}. Touches only the database, within the caller's
 * container transaction.
 */
package org.posthorn.ejb.imap;
