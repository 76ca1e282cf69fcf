package org.posthorn.connector.pop3.command;

import java.util.Optional;
import org.posthorn.connector.pop3.decode.Pop3Command;
import org.posthorn.connector.pop3.encode.Pop3Response;
import org.posthorn.spi.pop3.MaildropEntry;

/**
 * {@code LIST [msg]} (RFC 1939 §5): the scan listing {@code number size} of one message, or of
 * every message not marked deleted.
 */
final class ListCommand implements CommandHandler<Pop3Command.ListMessages> {

    @Override
    public Outcome handle(Pop3Command.ListMessages command, Pop3Session session) {
        Maildrop maildrop = session.maildrop();
        if (command.message().isPresent()) {
            long number = command.message().getAsLong();
            Optional<MaildropEntry> entry = maildrop.find(number);
            return entry.isPresent()
                    ? Outcome.ok(number + " " + entry.get().size())
                    : Replies.noSuchMessage(maildrop, number);
        }
        return Outcome.reply(new Pop3Response.Listing(Replies.count(maildrop),
                maildrop.visible().stream().map(n -> n.number() + " " + n.entry().size()).toList()));
    }
}
