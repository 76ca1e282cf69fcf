package org.posthorn.connector.smtp.command;

import java.util.ArrayList;
import java.util.List;
import org.posthorn.connector.smtp.decode.SmtpCommand;
import org.posthorn.connector.smtp.encode.SmtpReply;

/**
 * {@code EHLO} and {@code HELO} (RFC 5321 §4.1.1.1): records the client's name, ends any transaction,
 * and for EHLO lists the service extensions. Like every positive reply to EHLO/HELO, this one carries
 * no enhanced status code (RFC 2034 §3).
 *
 * <p>Extensions: PIPELINING (RFC 2920), SIZE (RFC 1870), 8BITMIME (RFC 6152), ENHANCEDSTATUSCODES
 * (RFC 2034), SMTPUTF8 (RFC 6531), and STARTTLS (RFC 3207 §4.2) where TLS is offered and the
 * connection is not yet secure, and AUTH (RFC 4954 §3) where the listener takes logins, the client
 * has not logged in yet, and the plaintext policy lets this connection send a password (over TLS, or
 * by default from loopback): a client is never invited to send a password in the clear.
 */
final class HelloHandler implements CommandHandler<SmtpCommand.Hello> {

    private final boolean extended;
    private final boolean startTls;
    private final boolean auth;

    HelloHandler(boolean extended, boolean startTls, boolean auth) {
        this.extended = extended;
        this.startTls = startTls;
        this.auth = auth;
    }

    @Override
    public Outcome handle(SmtpCommand.Hello command, SmtpSession session) {
        session.hello(command.name(), extended);
        String greeting = session.config().hostname() + " Hello " + command.name();
        if (!extended) {
            return Outcome.reply(SmtpReply.plain(250, greeting));
        }
        List<String> lines = new ArrayList<>(List.of(
                greeting,
                "PIPELINING",
                "SIZE " + session.config().maxMessageSize(),
                "8BITMIME",
                "ENHANCEDSTATUSCODES",
                "SMTPUTF8"));
        if (startTls && !session.isSecure()) {
            lines.add("STARTTLS");
        }
        if (auth && !session.isAuthenticated() && session.authAllowed()) {
            lines.add("AUTH " + AuthHandler.MECHANISMS);
        }
        return Outcome.reply(new SmtpReply(250, null, lines));
    }
}
