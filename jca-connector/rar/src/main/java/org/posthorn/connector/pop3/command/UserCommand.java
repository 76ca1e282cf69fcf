package org.posthorn.connector.pop3.command;

import org.posthorn.connector.pop3.decode.Pop3Command;

/**
 * {@code USER name} (RFC 1939 §7). Always {@code +OK}: whether the name exists shows only after
 * PASS, and then reads like a wrong password.
 */
final class UserCommand implements CommandHandler<Pop3Command.User> {

    @Override
    public Outcome handle(Pop3Command.User command, Pop3Session session) {
        session.userName(command.name());
        return Outcome.ok("send PASS");
    }
}
