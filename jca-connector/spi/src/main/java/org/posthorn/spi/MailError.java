package org.posthorn.spi;

/**
 * The protocol-neutral reasons the post office says no. Each protocol maps them once to its own
 * replies (SMTP code and enhanced status, IMAP {@code NO [CODE]}, POP3 {@code -ERR [CODE]}).
 * "Not found" and "not allowed" must read the same to a client where telling them apart leaks
 * information (for instance at login).
 */
public enum MailError {
    /** No such user, mailbox or message. */
    NOT_FOUND,
    /** It exists already. */
    ALREADY_EXISTS,
    /**
     * A mailbox cannot be deleted while it has inferior mailboxes: the client must delete those first
     * (IMAP's {@code HASCHILDREN}, RFC 5530 §3).
     */
    HAS_CHILDREN,
    /** The caller may not do this (relaying, another user's mailbox, a disabled account). */
    NO_PERMISSION,
    /** Storing this would exceed the recipient's quota. */
    OVER_QUOTA,
    /** The message or value is larger than allowed. */
    TOO_BIG,
    /** Wrong login or password. */
    AUTHENTICATION_FAILED,
    /** Something the client sent is not acceptable (bad address, bad name). */
    INVALID,
    /** The resource is held by another session (POP3 maildrop lock). */
    IN_USE,
    /** A transient failure inside the server: the client should try again later. */
    TEMPORARY_FAILURE
}
