package org.posthorn.spi.imap;

/**
 * The counters of one mailbox (RFC 3501 §6.3.10 STATUS, RFC 7162 HIGHESTMODSEQ).
 *
 * @param messages      number of messages
 * @param recent        messages no session has seen selected yet (RFC 3501 §2.3.2 {@code \Recent})
 * @param unseen        messages without {@code \Seen}
 * @param uidNext       the UID the next message will get
 * @param uidValidity   the mailbox's UIDVALIDITY, never reused for a different mailbox of that name
 * @param highestModSeq the highest MODSEQ of any change in this mailbox
 * @param size          total octets of its messages
 */
public record MailboxStatus(long messages, long recent, long unseen, long uidNext, long uidValidity,
                            long highestModSeq, long size) {
}
