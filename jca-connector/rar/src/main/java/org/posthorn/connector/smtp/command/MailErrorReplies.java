package org.posthorn.connector.smtp.command;

import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.posthorn.connector.smtp.encode.SmtpReply;
import org.posthorn.spi.MailAddress;
import org.posthorn.spi.MailError;

/**
 * The one place where the post office's answers become SMTP replies (RFC 5321 §4.2.2 codes, RFC 3463
 * enhanced codes): a {@link MailError} refusal, and a failed call, which is an internal error: the
 * client hears "try again later" ({@code 451 4.3.0}, so nothing unacknowledged is lost) and the
 * details go to the log.
 */
final class MailErrorReplies {

    private static final Logger LOG = Logger.getLogger(MailErrorReplies.class.getName());

    /** RFC 1870 §6.1 and RFC 3463 X.3.4. */
    static final SmtpReply TOO_BIG = SmtpReply.of(552, "5.3.4", "Message size exceeds fixed maximum message size");
    /** RFC 6531 §3.5 and RFC 5248's X.6.7. */
    static final SmtpReply NEEDS_SMTPUTF8 = SmtpReply.of(553, "5.6.7", "Non-ASCII address requires SMTPUTF8");
    static final SmtpReply TRY_LATER = SmtpReply.of(451, "4.3.0", "Temporary failure, try again later");

    private MailErrorReplies() {
    }

    /**
     * The reply to a refusal, for a recipient ({@code RCPT TO}) or for the whole message (end of DATA).
     * "Not found" and "no permission" stay distinct here: for SMTP they are public knowledge anyway
     * (the MX answers for its domains only), and senders need to know which it was.
     */
    static SmtpReply refusal(MailError error, Optional<MailAddress> recipient) {
        String who = recipient.map(address -> "<" + address + ">: Recipient address rejected: ").orElse("");
        return switch (error) {
            case NOT_FOUND -> SmtpReply.of(550, "5.1.1", who.isEmpty() ? "Recipient address rejected: User unknown"
                    : who + "User unknown");
            case NO_PERMISSION, AUTHENTICATION_FAILED -> SmtpReply.of(550, "5.7.1",
                    recipient.map(address -> "<" + address + ">: Relay access denied").orElse("Delivery not authorized"));
            case OVER_QUOTA -> SmtpReply.of(452, "4.2.2", "Mailbox full");
            case TOO_BIG -> TOO_BIG;
            case INVALID -> recipient.isPresent()
                    ? SmtpReply.of(553, "5.1.3", who + "Bad address")
                    : SmtpReply.of(554, "5.6.0", "Message content rejected");
            case ALREADY_EXISTS, HAS_CHILDREN, IN_USE, TEMPORARY_FAILURE -> TRY_LATER;
        };
    }

    /**
     * The reply to a refused reverse-path ({@code MAIL FROM}): an address the authenticated client does
     * not own is {@code 553 5.7.1} (RFC 6409 §6.1, RFC 3463 X.7.1), as Postfix answers it.
     */
    static SmtpReply senderRefusal(MailError error, Optional<MailAddress> sender) {
        String who = "<" + sender.map(MailAddress::toString).orElse("") + ">: Sender address rejected: ";
        return switch (error) {
            case NO_PERMISSION, AUTHENTICATION_FAILED -> SmtpReply.of(553, "5.7.1", who + "not owned by user");
            case NOT_FOUND, INVALID -> SmtpReply.of(553, "5.1.7", who + "Bad sender address");
            case OVER_QUOTA, TOO_BIG, ALREADY_EXISTS, HAS_CHILDREN, IN_USE, TEMPORARY_FAILURE -> TRY_LATER;
        };
    }

    /** The reply to a call that failed; logs the cause with the session it belongs to. */
    static SmtpReply failure(String what, Throwable failure, SmtpSession session) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        LOG.log(Level.WARNING, cause, () -> "smtp session " + session.sessionId() + ": " + what
                + " failed; answering 451");
        return TRY_LATER;
    }
}
