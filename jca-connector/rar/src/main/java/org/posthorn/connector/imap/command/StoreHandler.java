package org.posthorn.connector.imap.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.posthorn.connector.endpoint.PostOffice;
import org.posthorn.connector.imap.decode.Store;
import org.posthorn.connector.imap.encode.ImapResponse;
import org.posthorn.spi.Result;
import org.posthorn.spi.imap.FlagUpdate;
import org.posthorn.spi.imap.MailboxStoreListener;
import org.posthorn.spi.imap.MessageState;
import org.posthorn.spi.imap.StoreOutcome;
import org.posthorn.spi.imap.UidSet;

/**
 * STORE and UID STORE (RFC 3501 §6.4.6, §6.4.8; UNCHANGEDSINCE and {@code [MODIFIED]} of RFC 7162
 * §3.1.3). The new flags of every message reached are reported in untagged FETCH responses unless
 * {@code .SILENT}; the session then counts them as known, so they are not reported again as news.
 */
final class StoreHandler {

    private final PostOffice postOffice;

    StoreHandler(PostOffice postOffice) {
        this.postOffice = postOffice;
    }

    Outcome store(Store command, ImapSession session) {
        SelectedMailbox mailbox = session.mailbox();
        if (mailbox.readOnly()) {
            return Outcome.done(Responses.no(command.tag(), "READ-ONLY", "Mailbox is read-only"));
        }
        Optional<UidSet> set = MessageSets.resolve(mailbox, command.set(), command.uid());
        if (set.isEmpty()) {
            return new Outcome.Done(List.of(Responses.bad(command.tag(), "Invalid message set")), Outcome.After.BAD_COMMAND);
        }
        Optional<Set<String>> flags = FlagNames.settable(command.flags());
        if (flags.isEmpty()) {
            return new Outcome.Done(List.of(Responses.bad(command.tag(), "Invalid system flag")), Outcome.After.BAD_COMMAND);
        }
        if (command.unchangedSince().isPresent()) {
            session.enableCondstore();
        }
        List<Long> known = MessageSets.known(mailbox, set.get());
        if (known.isEmpty()) {
            return Outcome.done(Responses.ok(command.tag(), "Store completed"));
        }
        FlagUpdate update = new FlagUpdate(mode(command.operation()), flags.get(), command.unchangedSince());
        String account = session.account();
        UidSet uids = MessageSets.of(known);
        return new Outcome.Await<Result<StoreOutcome>>(postOffice.call(MailboxStoreListener.class,
                store -> store.store(account, mailbox.name(), uids, update)),
                result -> stored(command, session, mailbox, result),
                () -> Outcome.done(Responses.temporaryFailure(command.tag())));
    }

    private static Outcome stored(Store command, ImapSession session, SelectedMailbox mailbox, Result<StoreOutcome> result) {
        if (result.error().isPresent()) {
            return Outcome.done(Responses.refusal(command.tag(), result.error().get()));
        }
        List<ImapResponse> responses = new ArrayList<>();
        for (MessageState state : result.value().updated()) {
            int sequence = mailbox.sequenceOf(state.uid());
            if (sequence == 0) {
                continue;
            }
            if (!command.silent() || session.condstore()) {
                responses.add(command.silent()
                        ? modSeqOnly(command, sequence, state)
                        : MailboxUpdates.flagsFetch(mailbox, sequence, state, session.condstore()));
            }
            mailbox.reported(state);
        }
        List<Long> modified = result.value().modified();
        if (!modified.isEmpty()) {
            List<Long> numbers = command.uid() ? modified
                    : modified.stream().map(uid -> (long) mailbox.sequenceOf(uid)).filter(n -> n > 0).sorted().toList();
            responses.add(Responses.ok(command.tag(), "MODIFIED " + MessageSets.compact(numbers), "Conditional store failed"));
        } else {
            responses.add(Responses.ok(command.tag(), "Store completed"));
        }
        return Outcome.done(responses);
    }

    /** RFC 7162 §3.1.3: after a silent STORE with CONDSTORE on, the new MODSEQ is still reported. */
    private static ImapResponse modSeqOnly(Store command, int sequence, MessageState state) {
        return new ImapResponse.FetchData(sequence, command.uid()
                ? List.of(new org.posthorn.connector.imap.encode.FetchItem.Uid(state.uid()),
                        new org.posthorn.connector.imap.encode.FetchItem.ModSeq(state.modSeq()))
                : List.of(new org.posthorn.connector.imap.encode.FetchItem.ModSeq(state.modSeq())));
    }

    private static FlagUpdate.Mode mode(Store.Operation operation) {
        return switch (operation) {
            case REPLACE -> FlagUpdate.Mode.REPLACE;
            case ADD -> FlagUpdate.Mode.ADD;
            case REMOVE -> FlagUpdate.Mode.REMOVE;
        };
    }
}
