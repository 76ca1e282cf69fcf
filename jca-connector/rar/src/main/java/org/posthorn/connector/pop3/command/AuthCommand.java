package org.posthorn.connector.pop3.command;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.posthorn.connector.pop3.decode.InputLine;
import org.posthorn.connector.pop3.decode.Pop3Command;
import org.posthorn.connector.auth.SaslPlain;
import org.posthorn.connector.pop3.decode.SaslResponse;
import org.posthorn.connector.pop3.encode.Pop3Response;

/**
 * {@code AUTH} (RFC 5034 §4) with the one mechanism offered, PLAIN (RFC 4616). The client's message
 * comes as the initial response or, after an empty {@code "+ "} challenge, on the next line;
 * {@code "*"} cancels. {@code AUTH} alone lists the mechanisms, as many clients expect.
 *
 * <p>A PLAIN message naming an authorization identity other than the login is refused like a
 * wrong password: Posthorn has no proxy users.
 */
final class AuthCommand implements CommandHandler<Pop3Command.Auth> {

    static final String PLAIN = "PLAIN";

    private final Login login;

    AuthCommand(Login login) {
        this.login = login;
    }

    @Override
    public Outcome handle(Pop3Command.Auth command, Pop3Session session) {
        if (command.mechanism().isEmpty()) {
            return Outcome.reply(new Pop3Response.Listing("Supported mechanisms follow", List.of(PLAIN)));
        }
        if (!command.mechanism().get().toUpperCase(Locale.ROOT).equals(PLAIN)) {
            return Outcome.reply(new Pop3Response.Err("Unsupported authentication mechanism"));
        }
        Optional<String> initial = command.initialResponse();
        if (initial.isPresent()) {
            return plain(SaslResponse.initial(initial.get()), session);
        }
        session.expectContinuation(line -> continued(line, session));
        return Outcome.reply(new Pop3Response.Continuation(""));
    }

    private Outcome continued(InputLine.Text line, Pop3Session session) {
        return plain(SaslResponse.continuation(line), session);
    }

    private Outcome plain(SaslResponse response, Pop3Session session) {
        if (response instanceof SaslResponse.Cancel) {
            return Outcome.reply(new Pop3Response.Err("Authentication cancelled"));
        }
        if (!(response instanceof SaslResponse.Data data)) {
            return Outcome.badCommand("Invalid base64 in SASL response");
        }
        Optional<SaslPlain> plain = SaslPlain.parse(data.bytes());
        if (plain.isEmpty()) {
            return Outcome.badCommand("Malformed PLAIN message");
        }
        if (plain.get().actsForAnother()) {
            return login.rejected(session, plain.get().login());
        }
        return login.authenticate(session, plain.get().login(), plain.get().password());
    }
}
