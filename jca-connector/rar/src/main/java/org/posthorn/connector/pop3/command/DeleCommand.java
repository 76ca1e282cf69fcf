package org.posthorn.connector.pop3.command;

import org.posthorn.connector.pop3.decode.Pop3Command;

/**
 * {@code DELE msg} (RFC 1939 §5): marks the message deleted. Nothing is removed before the UPDATE
 * state; RSET unmarks, and a connection that ends without QUIT removes nothing.
 */
final class DeleCommand implements CommandHandler<Pop3Command.Dele> {

    @Override
    public Outcome handle(Pop3Command.Dele command, Pop3Session session) {
        Maildrop maildrop = session.maildrop();
        long number = command.message();
        return maildrop.markDeleted(number)
                ? Outcome.ok("message " + number + " deleted")
                : Replies.noSuchMessage(maildrop, number);
    }
}
