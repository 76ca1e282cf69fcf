package org.posthorn.spi.imap;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.posthorn.spi.MailError;
import org.posthorn.spi.MessageContent;
import org.posthorn.spi.Result;

/**
 * An account's mailboxes as the IMAP server sees them. Implemented by an MDB in {@code ejb}.
 *
 * <p>Every call is one container transaction, committed when it returns; every call names the
 * authenticated account, and a mailbox of another account is never reachable (NOT_FOUND). Refusals
 * are values: {@code NOT_FOUND} (no such mailbox or it is not the account's), {@code ALREADY_EXISTS},
 * {@code HAS_CHILDREN} (deleting a mailbox with inferiors), {@code NO_PERMISSION} (e.g. deleting INBOX),
 * {@code INVALID} (a bad name), {@code OVER_QUOTA}, {@code TOO_BIG}. An exception means an internal failure, answered "try again later".
 *
 * <p>Call order: {@link #open} when a session selects a mailbox; then, for the life of the selection,
 * {@link #changes} whenever the session may report what others changed (every command that allows
 * untagged updates, and during IDLE when the post office announces a change of this mailbox), and
 * {@link #fetch}, {@link #store}, {@link #expunge}, {@link #copy}, {@link #move}, {@link #search} in
 * UIDs. Sequence numbers never cross this interface.
 *
 * <p>Concurrency: UIDs are allocated without gaps being reused and strictly ascending per mailbox,
 * also under concurrent delivery, APPEND, COPY and MOVE; every change of a message's flags or
 * presence takes a new MODSEQ greater than all before it in that mailbox; an expunged message
 * leaves a record of its UID and MODSEQ so that {@link #changes} can report it.
 */
public interface MailboxStoreListener {

    /** The hierarchy delimiter of mailbox names (RFC 3501 §5.1.1). */
    char DELIMITER = '/';

    /** Every mailbox of the account, INBOX first, then by name. */
    List<MailboxInfo> list(String account);

    /** Creates a mailbox, and the parents its name implies (RFC 3501 §6.3.3). */
    Optional<MailError> create(String account, String mailbox);

    /**
     * Deletes a mailbox and its messages (RFC 3501 §6.3.4). INBOX cannot be deleted ({@code NO_PERMISSION});
     * nor can a mailbox with inferiors ({@code HAS_CHILDREN}, and nothing changes): §6.3.4 would allow
     * leaving a {@code \Noselect} name behind, but, like Dovecot, every mailbox here exists for real.
     */
    Optional<MailError> delete(String account, String mailbox);

    /**
     * Renames a mailbox and its children; renaming INBOX moves its messages to the new mailbox and
     * leaves INBOX empty (RFC 3501 §6.3.5). UIDVALIDITY changes where UIDs could otherwise repeat.
     */
    Optional<MailError> rename(String account, String from, String to);

    /** Subscribes or unsubscribes a mailbox name (RFC 3501 §6.3.6, §6.3.7). */
    Optional<MailError> subscribe(String account, String mailbox, boolean subscribed);

    /** The mailbox's counters (STATUS, LIST-STATUS), without selecting it. */
    Result<MailboxStatus> status(String account, String mailbox);

    /**
     * Opens a mailbox for SELECT ({@code readOnly == false}) or EXAMINE. A read-write open takes the
     * mailbox's {@code \Recent} messages for this session.
     */
    Result<MailboxSnapshot> open(String account, String mailbox, boolean readOnly);

    /**
     * What changed since the session's last look.
     *
     * @param uidValidity  the UIDVALIDITY the session opened; a different one now is {@code NOT_FOUND}
     *                     (the mailbox was deleted or recreated: the session must end its selection)
     * @param sinceModSeq  the highest MODSEQ the session knows
     * @param knownUidNext the UIDNEXT the session knows: messages from here on are reported as added
     * @param readOnly     whether the session opened the mailbox read-only; a read-write session takes the
     *                     {@code \Recent} messages among the added ones, as {@link #open} does, so that
     *                     exactly one session sees each message as recent (RFC 3501 §2.3.2)
     */
    Result<MailboxChanges> changes(String account, String mailbox, long uidValidity, long sinceModSeq,
                                   long knownUidNext, boolean readOnly);

    /**
     * The messages of the set that exist, ascending UID, with what {@code scope} asks for.
     *
     * @param changedSince RFC 7162 §3.1.4 CHANGEDSINCE: only messages with a higher MODSEQ
     */
    Result<List<MessageView>> fetch(String account, String mailbox, UidSet uids, FetchScope scope,
                                    OptionalLong changedSince);

    /** Changes the flags of the messages of the set that exist. */
    Result<StoreOutcome> store(String account, String mailbox, UidSet uids, FlagUpdate update);

    /**
     * Removes the messages of the set that carry {@code \Deleted} (EXPUNGE: {@link UidSet#all()};
     * UID EXPUNGE, RFC 4315 §2.1: the given set). Returns their UIDs, ascending.
     */
    Result<List<Long>> expunge(String account, String mailbox, UidSet uids);

    /** Copies the messages of the set that exist to the target mailbox, flags included (RFC 3501 §6.4.7). */
    Result<CopyOutcome> copy(String account, String source, UidSet uids, String target);

    /** Moves them atomically: copy and expunge in one transaction (RFC 6851). */
    Result<CopyOutcome> move(String account, String source, UidSet uids, String target);

    /**
     * Stores a message in a mailbox (RFC 3501 §6.3.11), parsed like a delivered one.
     *
     * @param internalDate the date given with APPEND, else now
     */
    Result<AppendOutcome> append(String account, String mailbox, Set<String> flags, Optional<Instant> internalDate,
                                 MessageContent content);

    /** The UIDs of the messages that match, ascending. */
    Result<List<Long>> search(String account, String mailbox, SearchCriteria criteria);
}
