package org.posthorn.connector.imap.decode;

/**
 * {@code status-att} of RFC 3501 §9 ({@code MESSAGES}, {@code RECENT}, {@code UIDNEXT},
 * {@code UIDVALIDITY}, {@code UNSEEN}) and RFC 7162 §3.1.7 ({@code HIGHESTMODSEQ}); used by STATUS and
 * by LIST's {@code RETURN (STATUS (...))} (RFC 5819).
 */
public enum StatusItem {
    MESSAGES, RECENT, UIDNEXT, UIDVALIDITY, UNSEEN, HIGHESTMODSEQ
}
