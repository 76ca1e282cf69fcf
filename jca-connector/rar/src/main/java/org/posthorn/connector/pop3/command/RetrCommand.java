package org.posthorn.connector.pop3.command;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.posthorn.connector.endpoint.PostOffice;
import org.posthorn.connector.pop3.decode.Pop3Command;
import org.posthorn.connector.pop3.encode.Pop3Response;
import org.posthorn.spi.MessageContent;
import org.posthorn.spi.pop3.MaildropEntry;
import org.posthorn.spi.pop3.MaildropListener;

/**
 * {@code RETR msg} (RFC 1939 §5) and {@code TOP msg n} (RFC 1939 §7): fetch the stored message from
 * the post office and send it, whole or its header and first {@code n} body lines. The encoder
 * dot-stuffs and streams it. A message the snapshot lists but the store no longer has (removed by
 * another client meanwhile) is answered {@code -ERR}.
 */
final class RetrCommand {

    private final PostOffice postOffice;

    RetrCommand(PostOffice postOffice) {
        this.postOffice = Objects.requireNonNull(postOffice);
    }

    Outcome retr(Pop3Command.Retr command, Pop3Session session) {
        return fetch(session, command.message(), OptionalLong.empty());
    }

    Outcome top(Pop3Command.Top command, Pop3Session session) {
        return fetch(session, command.message(), OptionalLong.of(command.lines()));
    }

    private Outcome fetch(Pop3Session session, long number, OptionalLong bodyLines) {
        Maildrop maildrop = session.maildrop();
        Optional<MaildropEntry> entry = maildrop.find(number);
        if (entry.isEmpty()) {
            return Replies.noSuchMessage(maildrop, number);
        }
        String account = session.account();
        long id = entry.get().messageId();
        return Outcome.await(postOffice.call(MaildropListener.class, listener -> listener.retrieve(account, id)),
                content -> send(number, content, bodyLines));
    }

    private static Outcome send(long number, Optional<MessageContent> content, OptionalLong bodyLines) {
        if (content.isEmpty()) {
            return Outcome.reply(new Pop3Response.Err("message " + number + " no longer exists"));
        }
        String text = bodyLines.isPresent() ? "top of message follows" : content.get().size() + " octets";
        return Outcome.reply(new Pop3Response.Message(text, content.get(), bodyLines));
    }
}
