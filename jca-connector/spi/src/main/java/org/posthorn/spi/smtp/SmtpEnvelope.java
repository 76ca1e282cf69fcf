package org.posthorn.spi.smtp;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.posthorn.spi.ClientConnection;
import org.posthorn.spi.MailAddress;

/**
 * One SMTP mail transaction as far as it has got, with what the MTA needs for its trace headers.
 *
 * @param client       the connection the transaction arrived on
 * @param heloName     the name the client gave in {@code EHLO}/{@code HELO}
 * @param protocol     the {@code with} value of the {@code Received:} header (RFC 3848): {@code SMTP},
 *                     {@code ESMTP}, {@code ESMTPS}, {@code ESMTPA}, {@code ESMTPSA}
 * @param sender       the reverse-path; empty for the null reverse-path {@code <>}
 * @param recipients   the forward-paths accepted so far, in order
 * @param sessionId    an id of the connection for logs and the {@code Received:} header
 * @param receivedAt   when the transaction began ({@code MAIL FROM})
 */
public record SmtpEnvelope(ClientConnection client, String heloName, String protocol,
                           Optional<MailAddress> sender, List<MailAddress> recipients,
                           String sessionId, Instant receivedAt) {

    public SmtpEnvelope {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(heloName, "heloName");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(receivedAt, "receivedAt");
        recipients = List.copyOf(recipients);
    }

    /** The same transaction with one more accepted recipient. */
    public SmtpEnvelope withRecipient(MailAddress recipient) {
        var more = new java.util.ArrayList<>(recipients);
        more.add(recipient);
        return new SmtpEnvelope(client, heloName, protocol, sender, more, sessionId, receivedAt);
    }
}
