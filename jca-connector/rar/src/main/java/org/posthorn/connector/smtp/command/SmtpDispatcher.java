package org.posthorn.connector.smtp.command;

import org.posthorn.connector.endpoint.PostOffice;
import org.posthorn.connector.smtp.decode.BadLine;
import org.posthorn.connector.smtp.decode.CommandLine;
import org.posthorn.connector.smtp.decode.MessageData;
import org.posthorn.connector.smtp.decode.Parsed;
import org.posthorn.connector.smtp.decode.SaslLine;
import org.posthorn.connector.smtp.decode.SmtpCommand;
import org.posthorn.connector.smtp.decode.SmtpFrame;
import org.posthorn.connector.smtp.encode.SmtpReply;

/**
 * Turns each frame into an {@link Outcome}, enforcing the command table once for every command:
 * known verb ({@code 500 5.5.2}), implemented ({@code 502 5.5.1}), allowed before STARTTLS/AUTH where
 * those are required ({@code 530 5.7.0}), in sequence ({@code 503 5.5.1}), argument well-formed
 * ({@code 501}/{@code 553}/{@code 555}). Then the verb's handler runs. A line of a SASL exchange goes
 * to the exchange that asked for it.
 *
 * <p>Bad commands (unknown, out of sequence, malformed, bad lines) are counted; the one that reaches
 * the limit is answered {@code 421 4.7.0} and the connection closed (RFC 5321 §4.2.3: 421 may answer
 * any command).
 */
public final class SmtpDispatcher {

    private final SmtpSession session;
    private final SmtpCommandTable table;
    private final MessageHandler messages;

    public SmtpDispatcher(SmtpSession session, SmtpCommandTable table, PostOffice postOffice) {
        this.session = session;
        this.table = table;
        this.messages = new MessageHandler(postOffice);
    }

    public Outcome process(SmtpFrame frame) {
        if (frame instanceof MessageData data) {
            return messages.handle(data, session);
        }
        if (frame instanceof SaslLine line) {
            return session.takeSaslContinuation().apply(line);
        }
        if (frame instanceof BadLine bad) {
            return badCommand(switch (bad.problem()) {
                case TOO_LONG -> SmtpReply.of(500, "5.5.2", "Error: line too long");
                case BARE_LINE_END -> SmtpReply.of(500, "5.5.2", "Error: bare CR or LF; lines must end with CRLF");
                case NOT_UTF8 -> SmtpReply.of(500, "5.5.2", "Error: command is not UTF-8");
            });
        }
        CommandLine line = (CommandLine) frame;
        return table.find(line.verb())
                .<Outcome>map(spec -> run(spec, line.argument()))
                .orElseGet(() -> badCommand(SmtpReply.of(500, "5.5.2", "Error: command not recognized")));
    }

    private <C extends SmtpCommand> Outcome run(CommandSpec<C> spec, String argument) {
        if (session.config().requireTls() && !session.isSecure() && !spec.has(CommandFlag.BEFORE_TLS)) {
            return Outcome.reply(SmtpReply.of(530, "5.7.0", "Must issue a STARTTLS command first"));
        }
        if (session.config().requireAuth() && !session.isAuthenticated() && !spec.has(CommandFlag.BEFORE_AUTH)) {
            return Outcome.reply(SmtpReply.of(530, "5.7.0", "Authentication required"));
        }
        if (!spec.validIn().contains(session.state())) {
            return badCommand(outOfSequence(spec.verb()));
        }
        Parsed<C> parsed = spec.parser().apply(argument);
        if (parsed instanceof Parsed.Invalid<C> invalid) {
            return badCommand(invalid.reply());
        }
        return spec.handler().handle(((Parsed.Ok<C>) parsed).value(), session);
    }

    /** RFC 5321 §4.1.4 and §3.3: what the client should have sent first. */
    private SmtpReply outOfSequence(String verb) {
        SessionState state = session.state();
        String missing;
        if (state == SessionState.CONNECTED) {
            missing = "send HELO/EHLO first";
        } else if (verb.equals("STARTTLS") || verb.equals("AUTH")) {
            missing = "MAIL transaction in progress";
        } else if (verb.equals("MAIL")) {
            missing = "nested MAIL command";
        } else if (verb.equals("DATA") && state == SessionState.MAIL) {
            missing = "no valid recipients";
        } else {
            missing = "need MAIL command";
        }
        return SmtpReply.of(503, "5.5.1", "Error: " + missing);
    }

    private Outcome badCommand(SmtpReply reply) {
        return badCommand(session, reply);
    }

    /** {@code reply} to a bad command, or {@code 421} and close if it is one too many. */
    static Outcome badCommand(SmtpSession session, SmtpReply reply) {
        if (session.countBadCommand() >= session.config().maxErrors()) {
            return Outcome.replyAndClose(SmtpReply.of(421, "4.7.0", session.config().hostname() + " Error: too many errors"));
        }
        return Outcome.reply(reply);
    }
}
