package org.posthorn.connector.imap.command;

import java.util.Optional;
import java.util.function.Function;
import org.posthorn.connector.endpoint.PostOffice;
import org.posthorn.connector.imap.decode.ImapCommand;
import org.posthorn.spi.MailError;
import org.posthorn.spi.imap.MailboxStoreListener;

/** CREATE, DELETE, RENAME, SUBSCRIBE and UNSUBSCRIBE (RFC 3501 §6.3.3-7): one post-office call each. */
final class MailboxHandlers {

    private final PostOffice postOffice;

    MailboxHandlers(PostOffice postOffice) {
        this.postOffice = postOffice;
    }

    Outcome create(ImapCommand.Create command, ImapSession session) {
        String wire = command.mailbox();
        // RFC 3501 §6.3.3: a trailing delimiter only says the client means to create children.
        while (wire.length() > 1 && wire.charAt(wire.length() - 1) == MailboxNames.DELIMITER) {
            wire = wire.substring(0, wire.length() - 1);
        }
        return withName(command.tag(), wire, name -> MailboxNames.isInbox(name)
                ? Outcome.done(Responses.no(command.tag(), "ALREADYEXISTS", "Mailbox already exists"))
                : change(command.tag(), "Create", session, store -> store.create(session.account(), name)));
    }

    Outcome delete(ImapCommand.Delete command, ImapSession session) {
        return withName(command.tag(), command.mailbox(), name -> MailboxNames.isInbox(name)
                ? Outcome.done(Responses.no(command.tag(), "CANNOT", "INBOX can't be deleted"))
                : change(command.tag(), "Delete", session, store -> store.delete(session.account(), name)));
    }

    Outcome rename(ImapCommand.Rename command, ImapSession session) {
        return withName(command.tag(), command.from(), from -> withName(command.tag(), command.to(), to ->
                MailboxNames.isInbox(to)
                        ? Outcome.done(Responses.no(command.tag(), "ALREADYEXISTS", "Mailbox already exists"))
                        : change(command.tag(), "Rename", session, store -> store.rename(session.account(), from, to))));
    }

    Outcome subscribe(ImapCommand.Subscribe command, ImapSession session) {
        return withName(command.tag(), command.mailbox(), name ->
                change(command.tag(), "Subscribe", session, store -> store.subscribe(session.account(), name, true)));
    }

    Outcome unsubscribe(ImapCommand.Unsubscribe command, ImapSession session) {
        return withName(command.tag(), command.mailbox(), name ->
                change(command.tag(), "Unsubscribe", session, store -> store.subscribe(session.account(), name, false)));
    }

    /** Decodes a mailbox name and goes on with it, or answers {@code NO} for a name that is not modified UTF-7. */
    static Outcome withName(String tag, String wire, Function<String, Outcome> then) {
        Optional<String> name = MailboxNames.fromWire(wire);
        if (name.isEmpty() || name.get().isEmpty()) {
            return Outcome.done(Responses.no(tag, "CANNOT", "Invalid mailbox name"));
        }
        return then.apply(name.get());
    }

    private Outcome change(String tag, String verb, ImapSession session,
                           Function<MailboxStoreListener, Optional<MailError>> call) {
        return new Outcome.Await<>(postOffice.call(MailboxStoreListener.class, call),
                error -> Outcome.done(error.map(e -> Responses.refusal(tag, e))
                        .orElseGet(() -> Responses.ok(tag, verb + " completed"))),
                () -> Outcome.done(Responses.temporaryFailure(tag)));
    }
}
