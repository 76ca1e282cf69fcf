package org.posthorn.connector.imap.command;

/** The states of an IMAP connection (RFC 3501 §3). */
public enum ImapState {
    NOT_AUTHENTICATED, AUTHENTICATED, SELECTED, LOGOUT
}
