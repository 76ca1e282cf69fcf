package org.posthorn.connector.pop3.command;

import java.util.Optional;
import org.posthorn.connector.pop3.decode.Pop3Command;
import org.posthorn.connector.pop3.encode.Pop3Response;
import org.posthorn.spi.pop3.MaildropEntry;

/**
 * {@code UIDL [msg]} (RFC 1939 §7): the unique-id listing {@code number uid} of one message, or of
 * every message not marked deleted. The ids come from the post office, checked to be 1-70
 * characters 0x21-0x7E by {@link MaildropEntry}.
 */
final class UidlCommand implements CommandHandler<Pop3Command.Uidl> {

    @Override
    public Outcome handle(Pop3Command.Uidl command, Pop3Session session) {
        Maildrop maildrop = session.maildrop();
        if (command.message().isPresent()) {
            long number = command.message().getAsLong();
            Optional<MaildropEntry> entry = maildrop.find(number);
            return entry.isPresent()
                    ? Outcome.ok(number + " " + entry.get().uniqueId())
                    : Replies.noSuchMessage(maildrop, number);
        }
        return Outcome.reply(new Pop3Response.Listing("unique-id listing follows",
                maildrop.visible().stream().map(n -> n.number() + " " + n.entry().uniqueId()).toList()));
    }
}
