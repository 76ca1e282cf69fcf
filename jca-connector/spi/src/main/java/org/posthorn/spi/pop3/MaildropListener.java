package org.posthorn.spi.pop3;

import java.util.List;
import java.util.Optional;
import org.posthorn.spi.MailError;
import org.posthorn.spi.MessageContent;

/**
 * An account's INBOX as a POP3 maildrop (RFC 1939). Implemented by an MDB in {@code ejb}.
 *
 * <p>Call order: {@link #list} once when the session enters the TRANSACTION state (the wire numbers
 * the entries 1..n and keeps that snapshot), {@link #retrieve} for each {@code RETR}/{@code TOP},
 * and {@link #delete} once in the UPDATE state with the entries marked by {@code DELE}. Locking the
 * maildrop against a second session is the wire's job.
 */
public interface MaildropListener {

    /** The messages in the account's INBOX, oldest first. */
    List<MaildropEntry> list(String account);

    /** The raw message, byte-exact as stored; empty if it no longer exists. */
    Optional<MessageContent> retrieve(String account, long messageId);

    /**
     * Removes the given messages from the account's INBOX in one transaction; ids that no longer
     * exist are ignored.
     *
     * @return empty on success, else why nothing was removed
     */
    Optional<MailError> delete(String account, List<Long> messageIds);
}
