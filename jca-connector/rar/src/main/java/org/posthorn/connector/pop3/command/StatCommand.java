package org.posthorn.connector.pop3.command;

import org.posthorn.connector.pop3.decode.Pop3Command;

/** {@code STAT} (RFC 1939 §5): {@code +OK count octets} of the messages not marked deleted. */
final class StatCommand implements CommandHandler<Pop3Command.Stat> {

    @Override
    public Outcome handle(Pop3Command.Stat command, Pop3Session session) {
        Maildrop maildrop = session.maildrop();
        return Outcome.ok(maildrop.visibleCount() + " " + maildrop.visibleOctets());
    }
}
