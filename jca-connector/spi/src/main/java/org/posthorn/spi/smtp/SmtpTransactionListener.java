package org.posthorn.spi.smtp;

import org.posthorn.spi.MailAddress;
import org.posthorn.spi.MessageContent;

/**
 * The MTA as the SMTP server sees it. Implemented by an MDB in {@code ejb}.
 *
 * <p>Call order within one mail transaction: {@link #checkSender} once at {@code MAIL FROM} of a client
 * that authenticated, then
 * {@link #checkRecipient} once per {@code RCPT TO}, then {@link #deliver} once at the end of
 * {@code DATA} with the recipients that were accepted. Each call runs in its own container
 * transaction that has committed when the call returns.
 *
 * <p>Failures: refusals are values. An exception means an internal failure; the wire then answers
 * {@code 451 4.3.0} and the client retries, so nothing that was not acknowledged is lost.
 */
public interface SmtpTransactionListener {

    /**
     * Decides whether an authenticated client (its {@link org.posthorn.spi.ClientConnection#authenticatedUser()}
     * is set) may use this reverse-path: only an address it owns, else {@code NO_PERMISSION} (RFC 6409
     * §6.1; the wire answers {@code 553 5.7.1}). Not called for clients that did not authenticate, whose
     * reverse-path nothing checks, so the MX port costs no call per {@code MAIL FROM}.
     *
     * @param transaction the new transaction: the sender set (empty for {@code <>}), no recipients yet
     */
    SenderVerdict checkSender(SmtpEnvelope transaction);

    /**
     * Decides whether to accept one recipient: a local account or alias is accepted, an unknown local
     * user is {@code NOT_FOUND}, a foreign domain is {@code NO_PERMISSION} unless this session may relay
     * (it authenticated).
     *
     * @param transaction the envelope so far (sender set, recipients accepted before this one)
     * @param recipient   the forward-path of this {@code RCPT TO}
     */
    RecipientVerdict checkRecipient(SmtpEnvelope transaction, MailAddress recipient);

    /**
     * Stores the message for every local recipient and queues it for the remote ones in one
     * transaction. When this returns {@link DeliveryOutcome#accepted()} the message is durable and
     * the wire answers {@code 250}.
     *
     * @param envelope the complete envelope; its recipients were all accepted by {@link #checkRecipient}
     * @param content  the message exactly as received, dot-unstuffed, without trace headers
     */
    DeliveryOutcome deliver(SmtpEnvelope envelope, MessageContent content);
}
