package org.posthorn.connector.pop3.command;

import java.util.Optional;
import java.util.function.Function;
import org.posthorn.connector.pop3.decode.CommandLine;
import org.posthorn.connector.pop3.decode.InputLine;
import org.posthorn.connector.pop3.decode.Parsed;
import org.posthorn.connector.pop3.encode.Pop3Response;
import org.posthorn.connector.pop3.encode.ResponseCode;
import org.posthorn.connector.pop3.encode.ResponseText;

/**
 * Takes each line from the client to its command and enforces the command table once for all of
 * them: unknown verbs and commands in the wrong state (RFC 1939 §3) get {@code -ERR} and count as
 * bad commands; after too many the connection is closed. Commands that carry credentials are refused
 * on a connection without TLS unless the plaintext policy allows them there (RFC 2595 §4). A line that answers a SASL challenge goes to
 * the exchange waiting for it instead. Stateless: one instance serves every connection.
 */
public final class Pop3Dispatcher {

    /**
     * RFC 2595 §4 lets a server refuse credentials before TLS; {@code [AUTH]} (RFC 3206 §5) says it is
     * about authentication, not the server. Dovecot's wording, which clients and admins know.
     */
    static final Pop3Response PLAINTEXT_DISALLOWED = new Pop3Response.Err(ResponseCode.AUTH,
            "Plaintext authentication disallowed on non-secure (SSL/TLS) connections.");

    private final CommandTable table;
    private final int maxBadCommands;

    /** @param maxBadCommands the bad command that reaches this count closes the connection */
    public Pop3Dispatcher(CommandTable table, int maxBadCommands) {
        if (maxBadCommands <= 0) {
            throw new IllegalArgumentException("maxBadCommands must be positive");
        }
        this.table = table;
        this.maxBadCommands = maxBadCommands;
    }

    /** What to do with one line from the client. */
    public Outcome process(InputLine line, Pop3Session session) {
        Optional<Function<InputLine.Text, Outcome>> continuation = session.takeContinuation();
        if (line instanceof InputLine.TooLong) {
            return Outcome.badCommand("Line too long");
        }
        if (line instanceof InputLine.Malformed) {
            return Outcome.badCommand("Line must end with CRLF and hold no other CR or LF");
        }
        InputLine.Text text = (InputLine.Text) line;
        if (continuation.isPresent()) {
            return continuation.get().apply(text);
        }
        Parsed<CommandLine> parsed = CommandLine.parse(text);
        if (parsed instanceof Parsed.Malformed<CommandLine> malformed) {
            return Outcome.badCommand(malformed.reason());
        }
        CommandLine commandLine = ((Parsed.Command<CommandLine>) parsed).command();
        Optional<CommandSpec<?>> spec = table.lookup(commandLine.verb());
        if (spec.isEmpty()) {
            return Outcome.badCommand("Unknown command " + ResponseText.echo(commandLine.verb(), 16));
        }
        if (!spec.get().states().contains(session.state())) {
            return Outcome.badCommand(commandLine.verb() + " not valid in this state");
        }
        if (!spec.get().allowedBeforeTls() && !table.plaintextAuth().authAllowed(session.client())) {
            return Outcome.reply(PLAINTEXT_DISALLOWED);
        }
        return spec.get().process(commandLine.arguments(), session);
    }

    /**
     * The reply as it goes out: a bad command that reaches the limit is answered with a final
     * {@code -ERR} instead, and the connection closes.
     */
    public Outcome.Reply settle(Outcome.Reply reply, Pop3Session session) {
        if (reply.after() == Outcome.After.BAD_COMMAND && session.countBadCommand() >= maxBadCommands) {
            return Outcome.close(new Pop3Response.Err("Too many bad commands, closing connection"));
        }
        return reply;
    }
}
