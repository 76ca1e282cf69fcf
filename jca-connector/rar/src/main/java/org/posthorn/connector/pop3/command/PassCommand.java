package org.posthorn.connector.pop3.command;

import java.util.Optional;
import org.posthorn.connector.pop3.decode.Pop3Command;

/** {@code PASS string} (RFC 1939 §7): only right after a USER; logs in as that name. */
final class PassCommand implements CommandHandler<Pop3Command.Pass> {

    private final Login login;

    PassCommand(Login login) {
        this.login = login;
    }

    @Override
    public Outcome handle(Pop3Command.Pass command, Pop3Session session) {
        Optional<String> user = session.takeUserName();
        if (user.isEmpty()) {
            return Outcome.badCommand("USER first");
        }
        return login.authenticate(session, user.get(), command.password());
    }
}
