package org.posthorn.connector.imap.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.posthorn.connector.endpoint.PostOffice;
import org.posthorn.connector.imap.decode.ImapCommand;
import org.posthorn.connector.imap.decode.ListMailboxes;
import org.posthorn.connector.imap.decode.ListMailboxes.Return;
import org.posthorn.connector.imap.decode.ListMailboxes.Selection;
import org.posthorn.connector.imap.decode.StatusItem;
import org.posthorn.connector.imap.encode.ImapResponse;
import org.posthorn.spi.MailError;
import org.posthorn.spi.Result;
import org.posthorn.spi.imap.MailboxInfo;
import org.posthorn.spi.imap.MailboxStatus;
import org.posthorn.spi.imap.MailboxStoreListener;

/**
 * LIST (RFC 3501 §6.3.8, LIST-EXTENDED RFC 5258 with CHILDREN RFC 3348, SPECIAL-USE RFC 6154 and
 * LIST-STATUS RFC 5819), LSUB (§6.3.9) and STATUS (§6.3.10).
 */
final class ListHandlers {

    private final PostOffice postOffice;

    ListHandlers(PostOffice postOffice) {
        this.postOffice = postOffice;
    }

    Outcome list(ListMailboxes command, ImapSession session) {
        String tag = command.tag();
        if (!command.extended() && command.patterns().get(0).isEmpty()) {
            // RFC 3501 §6.3.8: an empty pattern asks for the delimiter and the root.
            return Outcome.done(List.of(Responses.data("LIST (\\Noselect) \"/\" \"\""), Responses.ok(tag, "List completed")));
        }
        List<String> patterns = new ArrayList<>();
        for (String pattern : command.patterns()) {
            MailboxNames.fromWire(MailboxNames.join(command.reference(), pattern)).ifPresent(patterns::add);
        }
        String account = session.account();
        return new Outcome.Await<>(postOffice.call(MailboxStoreListener.class, store -> store.list(account)),
                mailboxes -> listed(command, session, mailboxes, patterns),
                () -> Outcome.done(Responses.temporaryFailure(tag)));
    }

    private Outcome listed(ListMailboxes command, ImapSession session, List<MailboxInfo> mailboxes, List<String> patterns) {
        Set<Selection> selection = command.selection();
        boolean subscribedInfo = selection.contains(Selection.SUBSCRIBED) || command.returns().contains(Return.SUBSCRIBED);
        List<ImapResponse> responses = new ArrayList<>();
        List<String> statusNames = new ArrayList<>();
        for (MailboxInfo mailbox : mailboxes) {
            if (patterns.stream().noneMatch(p -> MailboxNames.matches(p, mailbox.name()))
                    || (selection.contains(Selection.SUBSCRIBED) && !mailbox.subscribed())
                    || (selection.contains(Selection.SPECIAL_USE) && mailbox.specialUse().isEmpty())) {
                continue;
            }
            List<String> attributes = new ArrayList<>();
            attributes.add(hasChildren(mailboxes, mailbox.name()) ? "\\HasChildren" : "\\HasNoChildren");
            if (subscribedInfo && mailbox.subscribed()) {
                attributes.add("\\Subscribed");
            }
            mailbox.specialUse().ifPresent(attributes::add);
            responses.add(Responses.data("LIST (" + String.join(" ", attributes) + ") \"/\" "
                    + MailboxNames.toWire(mailbox.name())));
            statusNames.add(mailbox.name());
        }
        if (command.status().isEmpty()) {
            responses.add(Responses.ok(command.tag(), "List completed"));
            return Outcome.done(responses);
        }
        if (command.status().contains(StatusItem.HIGHESTMODSEQ)) {
            session.enableCondstore();
        }
        return new Outcome.Send(responses, statuses(command.tag(), session, statusNames, 0, command.status()));
    }

    /** LIST-STATUS: one STATUS response per listed mailbox, one call each, in order (RFC 5819 §2). */
    private Outcome statuses(String tag, ImapSession session, List<String> names, int next, Set<StatusItem> items) {
        if (next == names.size()) {
            return Outcome.done(Responses.ok(tag, "List completed"));
        }
        String name = names.get(next);
        String account = session.account();
        return new Outcome.Await<>(postOffice.call(MailboxStoreListener.class, store -> store.status(account, name)),
                result -> {
                    Outcome rest = statuses(tag, session, names, next + 1, items);
                    return result.isOk() ? new Outcome.Send(List.of(statusResponse(name, result.value(), items)), rest) : rest;
                },
                () -> Outcome.done(Responses.temporaryFailure(tag)));
    }

    private static boolean hasChildren(List<MailboxInfo> mailboxes, String name) {
        String prefix = name + MailboxNames.DELIMITER;
        return mailboxes.stream().anyMatch(m -> m.name().startsWith(prefix));
    }

    Outcome lsub(ImapCommand.Lsub command, ImapSession session) {
        Optional<String> pattern = MailboxNames.fromWire(MailboxNames.join(command.reference(), command.pattern()));
        String account = session.account();
        return new Outcome.Await<>(postOffice.call(MailboxStoreListener.class, store -> store.list(account)),
                mailboxes -> {
                    List<ImapResponse> responses = new ArrayList<>();
                    for (MailboxInfo mailbox : mailboxes) {
                        if (mailbox.subscribed() && pattern.isPresent() && MailboxNames.matches(pattern.get(), mailbox.name())) {
                            responses.add(Responses.data("LSUB () \"/\" " + MailboxNames.toWire(mailbox.name())));
                        }
                    }
                    responses.add(Responses.ok(command.tag(), "Lsub completed"));
                    return Outcome.done(responses);
                },
                () -> Outcome.done(Responses.temporaryFailure(command.tag())));
    }

    Outcome status(ImapCommand.Status command, ImapSession session) {
        if (command.items().contains(StatusItem.HIGHESTMODSEQ)) {
            session.enableCondstore();
        }
        return MailboxHandlers.withName(command.tag(), command.mailbox(), name -> {
            String account = session.account();
            return new Outcome.Await<Result<MailboxStatus>>(
                    postOffice.call(MailboxStoreListener.class, store -> store.status(account, name)),
                    result -> {
                        if (result.error().isPresent()) {
                            return Outcome.done(Responses.refusal(command.tag(), result.error().get()));
                        }
                        return Outcome.done(List.of(statusResponse(name, result.value(), command.items()),
                                Responses.ok(command.tag(), "Status completed")));
                    },
                    () -> Outcome.done(Responses.temporaryFailure(command.tag())));
        });
    }

    /** {@code * STATUS name (MESSAGES 3 UIDNEXT 7 ...)}, items in the order of RFC 3501 §6.3.10. */
    static ImapResponse statusResponse(String name, MailboxStatus status, Set<StatusItem> items) {
        String values = items.stream().map(item -> item.name() + " " + switch (item) {
            case MESSAGES -> status.messages();
            case RECENT -> status.recent();
            case UIDNEXT -> status.uidNext();
            case UIDVALIDITY -> status.uidValidity();
            case UNSEEN -> status.unseen();
            case HIGHESTMODSEQ -> status.highestModSeq();
        }).collect(Collectors.joining(" "));
        return Responses.data("STATUS " + MailboxNames.toWire(name) + " (" + values + ")");
    }

    static boolean notFound(Result<?> result) {
        return result.error().filter(e -> e == MailError.NOT_FOUND).isPresent();
    }
}
