package org.posthorn.connector.smtp.command;

import org.posthorn.connector.smtp.decode.SmtpCommand;
import org.posthorn.connector.smtp.encode.SmtpReply;

/** The commands that are one reply each: DATA's {@code 354}, RSET, NOOP, QUIT, VRFY, HELP (RFC 5321 §4.1.1). */
final class BasicHandlers {

    private BasicHandlers() {
    }

    /**
     * {@code DATA} (§4.1.1.4): {@code 354}, and the decoder reads the message next. A 3xx reply carries
     * no enhanced status code (RFC 2034 §3).
     */
    static Outcome data(SmtpCommand.Plain command, SmtpSession session) {
        session.beginData();
        return Outcome.startData(SmtpReply.plain(354, "End data with <CR><LF>.<CR><LF>"));
    }

    /** {@code RSET} (§4.1.1.5): forgets the transaction, keeps the EHLO. */
    static Outcome rset(SmtpCommand.Plain command, SmtpSession session) {
        session.reset();
        return Outcome.reply(SmtpReply.of(250, "2.0.0", "Ok"));
    }

    /** {@code NOOP} (§4.1.1.9). */
    static Outcome noop(SmtpCommand.Plain command, SmtpSession session) {
        return Outcome.reply(SmtpReply.of(250, "2.0.0", "Ok"));
    }

    /** {@code QUIT} (§4.1.1.10): {@code 221}, then the connection is closed. */
    static Outcome quit(SmtpCommand.Plain command, SmtpSession session) {
        return Outcome.replyAndClose(SmtpReply.of(221, "2.0.0", "Bye"));
    }

    /**
     * {@code VRFY} (§3.5.3): Posthorn does not tell who exists (§7.3, harvesting), but says that it
     * would try: {@code 252}, with the {@code 2.5.2} that Sendmail has always used for this answer.
     */
    static Outcome vrfy(SmtpCommand.Plain command, SmtpSession session) {
        return Outcome.reply(SmtpReply.of(252, "2.5.2", "Cannot VRFY user, but will accept message and attempt delivery"));
    }

    /** {@code HELP} (§4.1.1.8). */
    static Outcome help(String verbs) {
        return Outcome.reply(SmtpReply.of(214, "2.0.0", "Supported commands: " + verbs));
    }
}
