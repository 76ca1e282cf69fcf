package org.posthorn.connector.smtp.command;

import java.util.Optional;
import org.posthorn.connector.endpoint.PostOffice;
import org.posthorn.connector.smtp.decode.Path;
import org.posthorn.connector.smtp.decode.SmtpCommand;
import org.posthorn.connector.smtp.encode.SmtpReply;
import org.posthorn.spi.MailAddress;
import org.posthorn.spi.smtp.RecipientVerdict;
import org.posthorn.spi.smtp.SmtpEnvelope;
import org.posthorn.spi.smtp.SmtpTransactionListener;

/**
 * {@code RCPT TO} (RFC 5321 §4.1.1.3): asks the MTA whether to accept the recipient and answers only
 * when it has said. Above the recipient limit the MTA is not asked: {@code 452 4.5.3} (§4.5.3.1.10
 * and §4.5.3.1.8: the client sends the rest in another transaction). {@code <Postmaster>} without a
 * domain is the postmaster of this host (§4.5.1).
 */
final class RcptHandler implements CommandHandler<SmtpCommand.RcptTo> {

    private final PostOffice postOffice;

    RcptHandler(PostOffice postOffice) {
        this.postOffice = postOffice;
    }

    @Override
    public Outcome handle(SmtpCommand.RcptTo command, SmtpSession session) {
        Transaction transaction = session.transaction().orElseThrow();
        MailAddress recipient;
        if (command.forwardPath() instanceof Path.Mailbox mailbox) {
            if (mailbox.utf8() && !transaction.smtputf8()) {
                return Outcome.reply(MailErrorReplies.NEEDS_SMTPUTF8);
            }
            recipient = mailbox.address();
        } else {
            recipient = new MailAddress("postmaster", session.config().hostname());
        }
        SmtpEnvelope soFar = transaction.envelope();
        if (soFar.recipients().size() >= session.config().maxRecipients()) {
            return Outcome.reply(SmtpReply.of(452, "4.5.3", "Error: too many recipients"));
        }
        return new Outcome.Pending<RecipientVerdict>(
                postOffice.call(SmtpTransactionListener.class, mta -> mta.checkRecipient(soFar, recipient)),
                (verdict, failure) -> {
                    if (failure != null) {
                        return Outcome.reply(MailErrorReplies.failure("RCPT " + recipient, failure, session));
                    }
                    if (verdict.accepted()) {
                        session.addRecipient(recipient);
                        return Outcome.reply(SmtpReply.of(250, "2.1.5", "Ok"));
                    }
                    return Outcome.reply(MailErrorReplies.refusal(verdict.error().orElseThrow(), Optional.of(recipient)));
                });
    }
}
