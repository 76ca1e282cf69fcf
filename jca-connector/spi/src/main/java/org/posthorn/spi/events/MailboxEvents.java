package org.posthorn.spi.events;

/**
 * One connection to the adapter's change notifications. Each call only hands the news to the
 * sessions concerned (on their own event loops) and returns at once; it never fails for want of
 * listeners. A connection is used by one thread at a time and closed after use; calls on a closed
 * connection throw {@link IllegalStateException}.
 *
 * <p>Called after the change committed, so a session that hears of it can read it. A notification
 * says only "look again": sessions fetch what changed since the MODSEQ they know, so a duplicate
 * costs one query and a lost one delays the news until the session's next command.
 */
public interface MailboxEvents extends AutoCloseable {

    /**
     * A mailbox of the account changed: messages added, expunged or their flags changed, or the
     * mailbox deleted or renamed away.
     *
     * @param account the account's name as stored (compared ignoring case)
     * @param mailbox the mailbox's name as stored, as LIST shows it ({@code INBOX} in any case)
     */
    void mailboxChanged(String account, String mailbox);

    /** Any or all mailboxes of the account changed, or the account is gone. */
    void accountChanged(String account);

    /** Returns the connection to the pool; later calls throw {@link IllegalStateException}. */
    @Override
    void close();
}
