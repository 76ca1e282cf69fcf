package org.posthorn.spi.imap;

/**
 * The result of APPEND (RFC 4315 §3 APPENDUID).
 *
 * @param uidValidity the mailbox's UIDVALIDITY
 * @param uid         the UID the message got
 */
public record AppendOutcome(long uidValidity, long uid) {
}
