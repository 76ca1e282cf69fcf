package org.posthorn.connector.imap.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.posthorn.connector.endpoint.PostOffice;
import org.posthorn.connector.imap.decode.ImapCommand;
import org.posthorn.connector.imap.encode.ImapResponse;
import org.posthorn.spi.Result;
import org.posthorn.spi.imap.MailboxStoreListener;
import org.posthorn.spi.imap.UidSet;

/** EXPUNGE (RFC 3501 §6.4.3) and UID EXPUNGE (RFC 4315 §2.1). */
final class ExpungeHandler {

    private final PostOffice postOffice;

    ExpungeHandler(PostOffice postOffice) {
        this.postOffice = postOffice;
    }

    Outcome expunge(ImapCommand.Expunge command, ImapSession session) {
        SelectedMailbox mailbox = session.mailbox();
        if (mailbox.readOnly()) {
            return Outcome.done(Responses.no(command.tag(), "READ-ONLY", "Mailbox is read-only"));
        }
        UidSet set;
        if (command.uids().isPresent()) {
            Optional<UidSet> resolved = MessageSets.resolve(mailbox, command.uids().get(), true);
            if (resolved.isEmpty()) {
                return new Outcome.Done(List.of(Responses.bad(command.tag(), "Invalid message set")), Outcome.After.BAD_COMMAND);
            }
            set = resolved.get();
        } else {
            // Only what this session knows: a message that arrived unseen is not the client's to remove.
            set = mailbox.count() == 0 ? new UidSet(List.of()) : UidSet.range(mailbox.uidAt(1), mailbox.largestUid());
        }
        if (set.isEmpty()) {
            return Outcome.done(Responses.ok(command.tag(), "Expunge completed"));
        }
        String account = session.account();
        return new Outcome.Await<Result<List<Long>>>(postOffice.call(MailboxStoreListener.class,
                store -> store.expunge(account, mailbox.name(), set)),
                result -> {
                    if (result.error().isPresent()) {
                        return Outcome.done(Responses.refusal(command.tag(), result.error().get()));
                    }
                    List<ImapResponse> responses = expunged(mailbox, result.value());
                    responses.add(Responses.ok(command.tag(), "Expunge completed"));
                    return Outcome.done(responses);
                },
                () -> Outcome.done(Responses.temporaryFailure(command.tag())));
    }

    /** Removes the UIDs from the session's view, highest first, so each number is right when sent. */
    static List<ImapResponse> expunged(SelectedMailbox mailbox, List<Long> uids) {
        List<ImapResponse> responses = new ArrayList<>(uids.size() + 1);
        for (int i = uids.size() - 1; i >= 0; i--) {
            int sequence = mailbox.remove(uids.get(i));
            if (sequence > 0) {
                responses.add(Responses.data(sequence + " EXPUNGE"));
            }
        }
        return responses;
    }
}
