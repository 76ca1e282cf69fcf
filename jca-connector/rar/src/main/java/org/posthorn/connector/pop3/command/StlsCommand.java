package org.posthorn.connector.pop3.command;

import org.posthorn.connector.pop3.decode.Pop3Command;
import org.posthorn.connector.pop3.encode.Pop3Response;

/**
 * {@code STLS} (RFC 2595 §4), valid in AUTHORIZATION only (the table says so). On a connection already
 * secure it is refused; otherwise {@code +OK} goes out in clear text and the connection handler starts
 * TLS, discarding whatever the client sent behind the command, and the session starts over in
 * AUTHORIZATION (§4: the client must discard what it knew, and so does the server).
 */
final class StlsCommand implements CommandHandler<Pop3Command.Stls> {

    @Override
    public Outcome handle(Pop3Command.Stls command, Pop3Session session) {
        if (session.client().secure()) {
            return Outcome.badCommand("Command not permitted when TLS active");
        }
        return new Outcome.Reply(new Pop3Response.Ok("Begin TLS negotiation"), Outcome.After.START_TLS);
    }
}
