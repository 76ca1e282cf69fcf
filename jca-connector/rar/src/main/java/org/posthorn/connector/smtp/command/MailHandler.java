package org.posthorn.connector.smtp.command;

import java.util.Optional;
import org.posthorn.connector.endpoint.PostOffice;
import org.posthorn.connector.smtp.decode.MailParameters;
import org.posthorn.connector.smtp.decode.Path;
import org.posthorn.connector.smtp.decode.SmtpCommand;
import org.posthorn.connector.smtp.encode.SmtpReply;
import org.posthorn.spi.MailAddress;
import org.posthorn.spi.smtp.SenderVerdict;
import org.posthorn.spi.smtp.SmtpTransactionListener;

/**
 * {@code MAIL FROM} (RFC 5321 §4.1.1.2): starts a transaction.
 * Refuses a declared size above the limit (RFC 1870 §6.1: {@code 552 5.3.4}) and a non-ASCII sender
 * without SMTPUTF8 (RFC 6531 §3.5: {@code 553 5.6.7}) without asking. {@code BODY=} needs nothing from
 * us: 8-bit data is taken as it comes. For a client that authenticated, the MTA is asked whether it
 * owns the sender address ({@code 553 5.7.1} if not, RFC 6409 §6.1).
 */
final class MailHandler implements CommandHandler<SmtpCommand.MailFrom> {

    private final PostOffice postOffice;

    MailHandler(PostOffice postOffice) {
        this.postOffice = postOffice;
    }

    @Override
    public Outcome handle(SmtpCommand.MailFrom command, SmtpSession session) {
        MailParameters parameters = command.parameters();
        if (parameters.size().isPresent() && parameters.size().getAsLong() > session.config().maxMessageSize()) {
            return Outcome.reply(MailErrorReplies.TOO_BIG);
        }
        Optional<MailAddress> sender = Optional.empty();
        if (command.reversePath() instanceof Path.Mailbox mailbox) {
            if (mailbox.utf8() && !parameters.smtputf8()) {
                return Outcome.reply(MailErrorReplies.NEEDS_SMTPUTF8);
            }
            sender = Optional.of(mailbox.address());
        }
        Transaction transaction = session.newTransaction(sender, parameters.smtputf8());
        if (!session.isAuthenticated()) {
            session.startTransaction(transaction);
            return Outcome.reply(SmtpReply.of(250, "2.1.0", "Ok"));
        }
        return new Outcome.Pending<SenderVerdict>(
                postOffice.call(SmtpTransactionListener.class, mta -> mta.checkSender(transaction.envelope())),
                (verdict, failure) -> {
                    if (failure != null) {
                        return Outcome.reply(MailErrorReplies.failure("MAIL FROM", failure, session));
                    }
                    if (!verdict.accepted()) {
                        return Outcome.reply(MailErrorReplies.senderRefusal(verdict.error().orElseThrow(),
                                transaction.envelope().sender()));
                    }
                    session.startTransaction(transaction);
                    return Outcome.reply(SmtpReply.of(250, "2.1.0", "Ok"));
                });
    }
}
