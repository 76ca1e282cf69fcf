package org.posthorn.ejb.store.mime;

import java.util.List;
import org.posthorn.spi.imap.Envelope;
import org.posthorn.spi.imap.Envelope.Address;

/**
 * Builds the IMAP envelope (RFC 3501 §7.4.2) of a header section: raw unfolded values, NIL for
 * absent fields, and Sender and Reply-To defaulting to From when absent or empty, as the RFC
 * requires of the server.
 */
final class EnvelopeParser {

    private EnvelopeParser() {
    }

    static Envelope parse(HeaderSection headers) {
        List<Address> from = AddressListParser.parse(headers.joined("From"));
        List<Address> sender = AddressListParser.parse(headers.joined("Sender"));
        List<Address> replyTo = AddressListParser.parse(headers.joined("Reply-To"));
        return new Envelope(
                headers.first("Date"),
                headers.first("Subject"),
                from,
                sender.isEmpty() ? from : sender,
                replyTo.isEmpty() ? from : replyTo,
                AddressListParser.parse(headers.joined("To")),
                AddressListParser.parse(headers.joined("Cc")),
                AddressListParser.parse(headers.joined("Bcc")),
                headers.first("In-Reply-To"),
                headers.first("Message-ID"));
    }
}
