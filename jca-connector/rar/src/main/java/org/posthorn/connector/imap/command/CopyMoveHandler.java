package org.posthorn.connector.imap.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.posthorn.connector.endpoint.PostOffice;
import org.posthorn.connector.imap.decode.SequenceSet;
import org.posthorn.connector.imap.encode.ImapResponse;
import org.posthorn.spi.MailError;
import org.posthorn.spi.Result;
import org.posthorn.spi.imap.CopyOutcome;
import org.posthorn.spi.imap.MailboxStoreListener;
import org.posthorn.spi.imap.UidSet;

/**
 * COPY and MOVE, plain and UID (RFC 3501 §6.4.7, RFC 6851), answered with COPYUID (RFC 4315 §3). A
 * missing target is {@code NO [TRYCREATE]} (RFC 3501 §6.4.7). MOVE reports the moved messages as
 * expunged, with COPYUID in an untagged OK before them (RFC 6851 §4.3).
 */
final class CopyMoveHandler {

    private final PostOffice postOffice;

    CopyMoveHandler(PostOffice postOffice) {
        this.postOffice = postOffice;
    }

    Outcome copy(org.posthorn.connector.imap.decode.ImapCommand.Copy command, ImapSession session) {
        return transfer(command.tag(), command.uid(), command.set(), command.mailbox(), false, session);
    }

    Outcome move(org.posthorn.connector.imap.decode.ImapCommand.Move command, ImapSession session) {
        if (session.mailbox().readOnly()) {
            return Outcome.done(Responses.no(command.tag(), "READ-ONLY", "Mailbox is read-only"));
        }
        return transfer(command.tag(), command.uid(), command.set(), command.mailbox(), true, session);
    }

    private Outcome transfer(String tag, boolean uid, SequenceSet sequenceSet, String target, boolean move,
                             ImapSession session) {
        SelectedMailbox mailbox = session.mailbox();
        Optional<UidSet> set = MessageSets.resolve(mailbox, sequenceSet, uid);
        if (set.isEmpty()) {
            return new Outcome.Done(List.of(Responses.bad(tag, "Invalid message set")), Outcome.After.BAD_COMMAND);
        }
        List<Long> known = MessageSets.known(mailbox, set.get());
        String verb = move ? "Move" : "Copy";
        return MailboxHandlers.withName(tag, target, targetName -> {
            if (known.isEmpty()) {
                return Outcome.done(Responses.ok(tag, verb + " completed"));
            }
            String account = session.account();
            UidSet uids = MessageSets.of(known);
            return new Outcome.Await<Result<CopyOutcome>>(postOffice.call(MailboxStoreListener.class, store -> move
                    ? store.move(account, mailbox.name(), uids, targetName)
                    : store.copy(account, mailbox.name(), uids, targetName)),
                    result -> done(tag, verb, move, mailbox, result),
                    () -> Outcome.done(Responses.temporaryFailure(tag)));
        });
    }

    private static Outcome done(String tag, String verb, boolean move, SelectedMailbox mailbox, Result<CopyOutcome> result) {
        if (result.error().isPresent()) {
            MailError error = result.error().get();
            return Outcome.done(error == MailError.NOT_FOUND
                    ? Responses.no(tag, "TRYCREATE", "Mailbox doesn't exist")
                    : Responses.refusal(tag, error));
        }
        CopyOutcome outcome = result.value();
        if (outcome.sourceUids().isEmpty()) {
            return Outcome.done(Responses.ok(tag, verb + " completed"));
        }
        String copyUid = "COPYUID " + outcome.targetUidValidity() + " " + MessageSets.compact(outcome.sourceUids())
                + " " + MessageSets.compact(outcome.targetUids());
        if (!move) {
            return Outcome.done(Responses.ok(tag, copyUid, "Copy completed"));
        }
        List<ImapResponse> responses = new ArrayList<>();
        responses.add(Responses.untaggedOk(copyUid, "Moved"));
        responses.addAll(ExpungeHandler.expunged(mailbox, outcome.sourceUids()));
        responses.add(Responses.ok(tag, "Move completed"));
        return Outcome.done(responses);
    }
}
