package org.posthorn.connector.smtp.command;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.posthorn.connector.codec.DotUnstuffer;
import org.posthorn.connector.endpoint.PostOffice;
import org.posthorn.connector.smtp.decode.MessageData;
import org.posthorn.connector.smtp.encode.SmtpReply;
import org.posthorn.spi.smtp.DeliveryOutcome;
import org.posthorn.spi.smtp.SmtpEnvelope;
import org.posthorn.spi.smtp.SmtpTransactionListener;

/**
 * The end of {@code DATA} (RFC 5321 §4.1.1.4): the transaction ends here whatever happens. A message
 * the decoder found unacceptable is refused without bothering the MTA; any other is handed to the MTA
 * and answered {@code 250} only once the MTA has durably accepted it (DESIGN.md: acknowledge only what
 * is durable), else {@code 4xx}/{@code 5xx}.
 *
 * <p>Refusals, in this order: over the size limit ({@code 552 5.3.4}, RFC 1870 §6.3); a header section
 * over its limit ({@code 552 5.3.4} too: RFC 3463's "message too big for system" is the only status for
 * a size the system will not take, and {@code 5.6.x} would blame the format, which is fine); a bare CR or LF
 * ({@code 550 5.6.0}, the smuggling decision in {@link org.posthorn.connector.smtp.decode}); a text
 * line over 1000 octets ({@code 550 5.6.0}, RFC 5321 §4.5.3.1.6).
 */
final class MessageHandler {

    private static final Logger LOG = Logger.getLogger(MessageHandler.class.getName());
    /** Exchange Online answers an oversized header the same way. */
    static final SmtpReply HEADER_TOO_BIG = SmtpReply.of(552, "5.3.4", "Message header size exceeds fixed maximum");

    private final PostOffice postOffice;

    MessageHandler(PostOffice postOffice) {
        this.postOffice = postOffice;
    }

    Outcome handle(MessageData data, SmtpSession session) {
        if (session.state() != SessionState.DATA) {
            throw new IllegalStateException("message data in state " + session.state());
        }
        SmtpEnvelope envelope = session.endTransaction().envelope();
        DotUnstuffer.Report report = data.report();
        if (!data.isAcceptable()) {
            data.content().discard();
        }
        if (report.sinkFailure().isPresent()) {
            LOG.log(Level.WARNING, report.sinkFailure().get(), () -> "smtp session " + session.sessionId()
                    + ": cannot spool message; answering 451");
            return Outcome.reply(MailErrorReplies.TRY_LATER);
        }
        if (report.tooBig()) {
            return Outcome.reply(MailErrorReplies.TOO_BIG);
        }
        if (data.headerTooLarge()) {
            return Outcome.reply(HEADER_TOO_BIG);
        }
        if (report.bareLineEnds()) {
            return Outcome.reply(SmtpReply.of(550, "5.6.0", "Message contains bare LF or CR; lines must end with CRLF"));
        }
        if (report.lineTooLong()) {
            return Outcome.reply(SmtpReply.of(550, "5.6.0", "Message contains a line longer than 1000 octets"));
        }
        CompletableFuture<DeliveryOutcome> delivered =
                postOffice.call(SmtpTransactionListener.class, mta -> mta.deliver(envelope, data.content()));
        // Whatever the outcome and whether or not the client is still there, the spool file goes.
        delivered.whenComplete((outcome, failure) -> data.content().discard());
        return new Outcome.Pending<DeliveryOutcome>(delivered,
                (delivery, failure) -> {
                    if (failure != null) {
                        return Outcome.reply(MailErrorReplies.failure("delivery", failure, session));
                    }
                    if (delivery.isAccepted()) {
                        return Outcome.reply(SmtpReply.of(250, "2.0.0", "Ok: queued as " + delivery.messageId()));
                    }
                    return Outcome.reply(MailErrorReplies.refusal(delivery.error().orElseThrow(), Optional.empty()));
                });
    }
}
