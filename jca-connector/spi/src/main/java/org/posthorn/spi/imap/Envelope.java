package org.posthorn.spi.imap;

import java.util.List;

/**
 * The envelope of a message (RFC 3501 §7.4.2 ENVELOPE), parsed once at delivery. String fields hold
 * the header values as they appear in the message (unfolded, RFC 2047 encoded words left encoded),
 * or null where the header is absent (IMAP's NIL).
 *
 * @param date      the Date: header
 * @param subject   the Subject: header
 * @param from      From: addresses
 * @param sender    Sender:, or From: when absent (RFC 3501 requires the server to default it)
 * @param replyTo   Reply-To:, or From: when absent
 * @param to        To:
 * @param cc        Cc:
 * @param bcc       Bcc:
 * @param inReplyTo the In-Reply-To: header
 * @param messageId the Message-ID: header
 */
public record Envelope(String date, String subject, List<Address> from, List<Address> sender,
                       List<Address> replyTo, List<Address> to, List<Address> cc, List<Address> bcc,
                       String inReplyTo, String messageId) {

    public Envelope {
        from = List.copyOf(from);
        sender = List.copyOf(sender);
        replyTo = List.copyOf(replyTo);
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        bcc = List.copyOf(bcc);
    }

    /**
     * One address of an envelope list. A group (RFC 5322 §3.4) is a start marker with
     * {@code host == null} and {@code mailbox} the group name, its members, and an end marker with
     * {@code mailbox == null && host == null} (RFC 3501 §7.4.2).
     *
     * @param name    the display name, as in the header (may be encoded), or null
     * @param route   the obsolete source route, or null
     * @param mailbox the local part (or group name), or null
     * @param host    the domain, or null
     */
    public record Address(String name, String route, String mailbox, String host) {
    }
}
