package org.posthorn.connector.smtp.command;

import org.posthorn.connector.smtp.decode.SmtpCommand;
import org.posthorn.connector.smtp.encode.SmtpReply;

/**
 * {@code STARTTLS} (RFC 3207 §4). The argument was already refused by the table's parser if there was
 * one ({@code 501 5.5.4}, §4: "STARTTLS" takes no parameters). A client already in TLS gets
 * {@code 503 5.5.1} (§4.2: the command is not advertised then, and a second one makes no sense).
 * Otherwise the session forgets everything the client said (§4.2) and the connection handler carries
 * out the {@link Outcome.StartTls}: {@code 220}, the client's pipelined clear text discarded, TLS.
 */
final class StartTlsHandler implements CommandHandler<SmtpCommand.Plain> {

    static final SmtpReply READY = SmtpReply.of(220, "2.0.0", "Ready to start TLS");

    @Override
    public Outcome handle(SmtpCommand.Plain command, SmtpSession session) {
        if (session.isSecure()) {
            return Outcome.reply(SmtpReply.of(503, "5.5.1", "Error: TLS already active"));
        }
        session.startTls();
        return new Outcome.StartTls(READY);
    }
}
