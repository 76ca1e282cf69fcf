package org.posthorn.connector.imap.command;

import java.io.InputStream;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.posthorn.connector.endpoint.PostOffice;
import org.posthorn.connector.imap.decode.ImapCommand;
import org.posthorn.connector.imap.decode.Octets;
import org.posthorn.spi.MailError;
import org.posthorn.spi.MessageContent;
import org.posthorn.spi.Result;
import org.posthorn.spi.imap.AppendOutcome;
import org.posthorn.spi.imap.MailboxStoreListener;

/**
 * APPEND (RFC 3501 §6.3.11) answered with APPENDUID (RFC 4315 §3); a missing mailbox is
 * {@code NO [TRYCREATE]}. The literal's size was checked by the decoder before it was read.
 */
final class AppendHandler {

    private final PostOffice postOffice;

    AppendHandler(PostOffice postOffice) {
        this.postOffice = postOffice;
    }

    Outcome append(ImapCommand.Append command, ImapSession session) {
        String tag = command.tag();
        Optional<Set<String>> flags = FlagNames.settable(command.flags());
        if (flags.isEmpty()) {
            return new Outcome.Done(List.of(Responses.bad(tag, "Invalid system flag")), Outcome.After.BAD_COMMAND);
        }
        if (command.message().length() == 0) {
            return Outcome.done(Responses.no(tag, "Can't save an empty message"));
        }
        MessageContent content = content(command.message());
        return MailboxHandlers.withName(tag, command.mailbox(), name -> {
            String account = session.account();
            return new Outcome.Await<Result<AppendOutcome>>(postOffice.call(MailboxStoreListener.class,
                    store -> store.append(account, name, flags.get(), command.internalDate().map(OffsetDateTime::toInstant),
                            content)),
                    result -> appended(tag, session, name, result),
                    () -> Outcome.done(Responses.temporaryFailure(tag)));
        });
    }

    private static Outcome appended(String tag, ImapSession session, String name, Result<AppendOutcome> result) {
        if (result.error().isPresent()) {
            MailError error = result.error().get();
            return Outcome.done(error == MailError.NOT_FOUND
                    ? Responses.no(tag, "TRYCREATE", "Mailbox doesn't exist")
                    : Responses.refusal(tag, error));
        }
        // The new message is news to a session that has this mailbox selected, this one included.
        session.selected().filter(m -> m.name().equals(name)).ifPresent(SelectedMailbox::markStale);
        AppendOutcome outcome = result.value();
        return Outcome.done(Responses.ok(tag, "APPENDUID " + outcome.uidValidity() + " " + outcome.uid(), "Append completed"));
    }

    /** The literal as message content, without copying its octets. */
    private static MessageContent content(Octets octets) {
        return new MessageContent() {
            @Override
            public long size() {
                return octets.length();
            }

            @Override
            public InputStream openStream() {
                return octets.newInputStream();
            }
        };
    }
}
