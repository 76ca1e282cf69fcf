package org.posthorn.connector.smtp.command;

import java.util.List;
import org.posthorn.connector.smtp.decode.SmtpCommand;
import org.posthorn.connector.smtp.encode.SmtpReply;

/**
 * {@code EHLO} and {@code HELO} (RFC 5321 §4.1.1.1): records the client's name, ends any transaction,
 * and for EHLO lists the service extensions. Like every positive reply to EHLO/HELO, this one carries
 * no enhanced status code (RFC 2034 §3).
 *
 * <p>Extensions: PIPELINING (RFC 2920), SIZE (RFC 1870), 8BITMIME (RFC 6152), ENHANCEDSTATUSCODES
 * (RFC 2034), SMTPUTF8 (RFC 6531). STARTTLS and AUTH will be added here when they exist.
 */
final class HelloHandler implements CommandHandler<SmtpCommand.Hello> {

    private final boolean extended;

    HelloHandler(boolean extended) {
        this.extended = extended;
    }

    @Override
    public Outcome handle(SmtpCommand.Hello command, SmtpSession session) {
        session.hello(command.name(), extended);
        String greeting = session.config().hostname() + " Hello " + command.name();
        if (!extended) {
            return Outcome.reply(SmtpReply.plain(250, greeting));
        }
        return Outcome.reply(new SmtpReply(250, null, List.of(
                greeting,
                "PIPELINING",
                "SIZE " + session.config().maxMessageSize(),
                "8BITMIME",
                "ENHANCEDSTATUSCODES",
                "SMTPUTF8")));
    }
}
