package org.posthorn.connector.pop3.command;

/** The states of a POP3 session (RFC 1939 §3). */
public enum Pop3State {
    /** Before the client has identified itself (RFC 1939 §4). */
    AUTHORIZATION,
    /** The maildrop is locked and numbered; the client reads and marks messages (RFC 1939 §5). */
    TRANSACTION,
    /** After QUIT in TRANSACTION: marked messages are removed, then the connection closes (RFC 1939 §6). */
    UPDATE
}
