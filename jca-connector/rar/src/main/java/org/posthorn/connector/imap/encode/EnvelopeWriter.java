package org.posthorn.connector.imap.encode;

import static org.posthorn.connector.imap.encode.ImapStrings.nstring;

import java.util.List;
import org.posthorn.spi.imap.Envelope;

/**
 * Writes {@code envelope} of RFC 3501 §7.4.2 and §9:
 * {@code "(" env-date SP env-subject SP env-from SP env-sender SP env-reply-to SP env-to SP env-cc SP
 * env-bcc SP env-in-reply-to SP env-message-id ")"}. Every field is an {@code nstring}, so header text
 * (raw UTF-8 included) goes quoted or, when 8-bit or multi-line, as a literal.
 */
public final class EnvelopeWriter {

    private EnvelopeWriter() {
    }

    /** The envelope in IMAP syntax. */
    public static String write(Envelope envelope) {
        StringBuilder out = new StringBuilder(256);
        append(out, envelope);
        return out.toString();
    }

    static void append(StringBuilder out, Envelope e) {
        out.append('(').append(nstring(e.date())).append(' ').append(nstring(e.subject())).append(' ');
        addresses(out, e.from());
        out.append(' ');
        addresses(out, e.sender());
        out.append(' ');
        addresses(out, e.replyTo());
        out.append(' ');
        addresses(out, e.to());
        out.append(' ');
        addresses(out, e.cc());
        out.append(' ');
        addresses(out, e.bcc());
        out.append(' ').append(nstring(e.inReplyTo())).append(' ').append(nstring(e.messageId())).append(')');
    }

    /**
     * {@code "(" 1*address ")" / nil}: the addresses follow each other without a space, as the grammar
     * has it (and Dovecot and Cyrus write). Group markers (RFC 3501 §7.4.2: {@code (NIL NIL "group" NIL)}
     * before the members, {@code (NIL NIL NIL NIL)} after) are addresses with null fields already.
     */
    private static void addresses(StringBuilder out, List<Envelope.Address> list) {
        if (list.isEmpty()) {
            out.append(ImapStrings.NIL);
            return;
        }
        out.append('(');
        for (Envelope.Address a : list) {
            out.append('(').append(nstring(a.name())).append(' ').append(nstring(a.route())).append(' ')
                    .append(nstring(a.mailbox())).append(' ').append(nstring(a.host())).append(')');
        }
        out.append(')');
    }
}
