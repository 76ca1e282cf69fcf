package org.posthorn.connector.imap.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.posthorn.connector.endpoint.PostOffice;
import org.posthorn.connector.imap.decode.ImapCommand;
import org.posthorn.connector.imap.encode.ImapResponse;
import org.posthorn.spi.Result;
import org.posthorn.spi.imap.MailboxSnapshot;
import org.posthorn.spi.imap.MailboxStoreListener;
import org.posthorn.spi.imap.MessageState;
import org.posthorn.spi.imap.UidSet;

/** SELECT and EXAMINE (RFC 3501 §6.3.1-2, RFC 7162 §3.1.8 CONDSTORE), CLOSE (§6.4.2) and UNSELECT (RFC 3691). */
final class SelectHandlers {

    private final PostOffice postOffice;

    SelectHandlers(PostOffice postOffice) {
        this.postOffice = postOffice;
    }

    Outcome select(ImapCommand.Select command, ImapSession session) {
        List<ImapResponse> closed = new ArrayList<>();
        if (session.selected().isPresent()) {
            // RFC 7162 §3.2.11 (and what clients of RFC 3501 tolerate): the old selection ends here.
            session.deselect();
            closed.add(Responses.untaggedOk("CLOSED", "Previous mailbox closed"));
        }
        if (command.condstore()) {
            session.enableCondstore();
        }
        return MailboxHandlers.withName(command.tag(), command.mailbox(), name -> {
            String account = session.account();
            return new Outcome.Await<Result<MailboxSnapshot>>(
                    postOffice.call(MailboxStoreListener.class, store -> store.open(account, name, command.readOnly())),
                    result -> opened(command, session, name, result, closed),
                    () -> withClosed(closed, Outcome.done(Responses.temporaryFailure(command.tag()))));
        });
    }

    private Outcome opened(ImapCommand.Select command, ImapSession session, String name, Result<MailboxSnapshot> result,
                           List<ImapResponse> closed) {
        if (result.error().isPresent()) {
            return withClosed(closed, Outcome.done(Responses.refusal(command.tag(), result.error().get())));
        }
        MailboxSnapshot snapshot = result.value();
        SelectedMailbox mailbox = new SelectedMailbox(name, snapshot);
        session.select(mailbox);
        List<ImapResponse> responses = new ArrayList<>(closed);
        String flags = flagList(snapshot);
        responses.add(Responses.data("FLAGS (" + flags + ")"));
        responses.add(Responses.untaggedOk("PERMANENTFLAGS (" + (mailbox.readOnly() ? "" : flags + " \\*") + ")",
                mailbox.readOnly() ? "No permanent flags permitted" : "Flags permitted"));
        responses.add(Responses.data(mailbox.count() + " EXISTS"));
        responses.add(Responses.data(mailbox.recentCount() + " RECENT"));
        firstUnseen(snapshot).ifPresent(sequence -> responses.add(Responses.untaggedOk("UNSEEN " + sequence,
                "First unseen")));
        responses.add(Responses.untaggedOk("UIDVALIDITY " + mailbox.uidValidity(), "UIDs valid"));
        responses.add(Responses.untaggedOk("UIDNEXT " + mailbox.uidNext(), "Predicted next UID"));
        responses.add(Responses.untaggedOk("HIGHESTMODSEQ " + mailbox.highestModSeq(), "Highest"));
        responses.add(Responses.ok(command.tag(), mailbox.readOnly() ? "READ-ONLY" : "READ-WRITE",
                (command.readOnly() ? "Examine" : "Select") + " completed"));
        return Outcome.done(responses);
    }

    private static Outcome withClosed(List<ImapResponse> closed, Outcome.Done done) {
        return closed.isEmpty() ? done : done.withUpdates(closed);
    }

    /** The system flags and every keyword in use (RFC 3501 §7.2.6). */
    private static String flagList(MailboxSnapshot snapshot) {
        List<String> flags = new ArrayList<>(FlagNames.SYSTEM);
        flags.addAll(new TreeSet<>(snapshot.keywords()));
        return String.join(" ", flags);
    }

    private static Optional<Integer> firstUnseen(MailboxSnapshot snapshot) {
        List<MessageState> messages = snapshot.messages();
        for (int i = 0; i < messages.size(); i++) {
            if (!messages.get(i).flags().contains(FlagNames.SEEN)) {
                return Optional.of(i + 1);
            }
        }
        return Optional.empty();
    }

    /** CLOSE: expunge silently where the mailbox is writable, then leave it (RFC 3501 §6.4.2). */
    Outcome close(ImapCommand.Close command, ImapSession session) {
        SelectedMailbox mailbox = session.mailbox();
        String account = session.account();
        session.deselect();
        if (mailbox.readOnly()) {
            return Outcome.done(Responses.ok(command.tag(), "Close completed"));
        }
        return new Outcome.Await<>(postOffice.call(MailboxStoreListener.class,
                store -> store.expunge(account, mailbox.name(), UidSet.all())),
                expunged -> Outcome.done(Responses.ok(command.tag(), "Close completed")),
                () -> Outcome.done(Responses.temporaryFailure(command.tag())));
    }

    Outcome unselect(ImapCommand.Unselect command, ImapSession session) {
        session.deselect();
        return Outcome.done(Responses.ok(command.tag(), "Unselect completed"));
    }
}
