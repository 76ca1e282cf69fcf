package org.posthorn.connector.imap.command;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.posthorn.connector.codec.HeaderSectionLimit;
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
 * {@code NO [TRYCREATE]}. The literal's size was checked by the decoder before it was read; a header
 * section over its limit is {@code NO [LIMIT]} (RFC 5530 §3: an implementation limit; not
 * {@code [TOOBIG]}, which RFC 7889 ties to the message size a client can see and keep to).
 */
final class AppendHandler {

    private final PostOffice postOffice;
    private final long maxHeaderSize;

    AppendHandler(PostOffice postOffice, long maxHeaderSize) {
        this.postOffice = postOffice;
        this.maxHeaderSize = maxHeaderSize;
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
        if (headerTooLarge(command.message())) {
            return Outcome.done(Responses.no(tag, "LIMIT", "Message header too large"));
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

    private boolean headerTooLarge(Octets message) {
        try {
            return HeaderSectionLimit.exceeds(message.newInputStream(), maxHeaderSize);
        } catch (IOException e) {
            throw new UncheckedIOException("reading octets in memory", e);
        }
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
