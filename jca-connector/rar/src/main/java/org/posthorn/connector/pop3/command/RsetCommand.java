package org.posthorn.connector.pop3.command;

import org.posthorn.connector.pop3.decode.Pop3Command;

/** {@code RSET} (RFC 1939 §5): unmarks every message marked deleted. */
final class RsetCommand implements CommandHandler<Pop3Command.Rset> {

    @Override
    public Outcome handle(Pop3Command.Rset command, Pop3Session session) {
        Maildrop maildrop = session.maildrop();
        maildrop.reset();
        return Outcome.ok(Replies.summary(maildrop));
    }
}
