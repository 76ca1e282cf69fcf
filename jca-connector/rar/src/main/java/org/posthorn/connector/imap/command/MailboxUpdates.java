package org.posthorn.connector.imap.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.posthorn.connector.endpoint.PostOffice;
import org.posthorn.connector.imap.encode.FetchItem;
import org.posthorn.connector.imap.encode.ImapResponse;
import org.posthorn.spi.MailError;
import org.posthorn.spi.Result;
import org.posthorn.spi.imap.MailboxChanges;
import org.posthorn.spi.imap.MailboxStoreListener;
import org.posthorn.spi.imap.MessageState;

/**
 * Tells a session what others changed in its selected mailbox (RFC 3501 §7: untagged EXPUNGE, EXISTS,
 * RECENT and FETCH FLAGS), at the moments the protocol allows: before the tagged completion of a
 * command, and at once during IDLE. EXPUNGE is held back while the client may still be counting on
 * the old sequence numbers (FETCH, STORE and SEARCH, RFC 3501 §7.4.1): the mailbox then stays stale and
 * the expunges come with a later command.
 */
final class MailboxUpdates {

    private static final Logger LOG = Logger.getLogger(MailboxUpdates.class.getName());

    private final PostOffice postOffice;

    MailboxUpdates(PostOffice postOffice) {
        this.postOffice = postOffice;
    }

    /**
     * {@code done} with the updates before its tagged completion; asks the post office only if the
     * mailbox was announced as changed, or {@code always} (NOOP, CHECK, IDLE: the client asks for news).
     */
    Outcome around(ImapSession session, Outcome.Done done, boolean allowExpunge, boolean always) {
        Optional<SelectedMailbox> selected = session.selected();
        if (selected.isEmpty() || (!always && !selected.get().stale())) {
            return done;
        }
        SelectedMailbox mailbox = selected.get();
        mailbox.fresh();
        return new Outcome.Await<>(changes(session, mailbox), result -> {
            if (result.error().isPresent()) {
                return vanished(session, result.error().get());
            }
            return done.withUpdates(apply(mailbox, result.value(), allowExpunge, session.condstore()));
        }, () -> {
            mailbox.markStale();
            return done;
        });
    }

    /**
     * The updates alone, for IDLE: empty when nothing changed, and when no mailbox is selected (IDLE is
     * valid in the authenticated state too, RFC 2177 §3; there is no mailbox to report on).
     */
    Outcome pushed(ImapSession session, java.util.function.Function<List<ImapResponse>, Outcome> then) {
        if (session.selected().isEmpty()) {
            return then.apply(List.of());
        }
        SelectedMailbox mailbox = session.mailbox();
        mailbox.fresh();
        return new Outcome.Await<>(changes(session, mailbox), result -> {
            if (result.error().isPresent()) {
                return vanished(session, result.error().get());
            }
            return then.apply(apply(mailbox, result.value(), true, session.condstore()));
        }, () -> then.apply(List.of()));
    }

    private java.util.concurrent.CompletableFuture<Result<MailboxChanges>> changes(ImapSession session, SelectedMailbox mailbox) {
        String account = session.account();
        return postOffice.call(MailboxStoreListener.class, store -> store.changes(account, mailbox.name(),
                mailbox.uidValidity(), mailbox.highestModSeq(), mailbox.uidNext(), mailbox.readOnly()));
    }

    /** The mailbox was deleted or recreated under the session: nothing it knows holds any more (Dovecot does the same). */
    private static Outcome vanished(ImapSession session, MailError error) {
        LOG.log(Level.FINE, () -> "imap: selected mailbox gone for " + session.account() + " (" + error + ")");
        session.logout();
        return new Outcome.Done(List.of(new ImapResponse.Untagged(ImapResponse.Status.BYE, Optional.empty(),
                "Selected mailbox was deleted, have to disconnect")), Outcome.After.CLOSE);
    }

    /** Merges {@code changes} into the session's view and says so in untagged responses. */
    static List<ImapResponse> apply(SelectedMailbox mailbox, MailboxChanges changes, boolean allowExpunge,
                                    boolean condstore) {
        List<ImapResponse> responses = new ArrayList<>();
        boolean expungesLeft = false;
        List<Long> expunged = changes.expungedUids();
        for (int i = expunged.size() - 1; i >= 0; i--) {
            long uid = expunged.get(i);
            if (mailbox.sequenceOf(uid) == 0) {
                continue;
            }
            if (!allowExpunge) {
                expungesLeft = true;
                continue;
            }
            responses.add(Responses.data(mailbox.remove(uid) + " EXPUNGE"));
        }
        int before = mailbox.count();
        for (MessageState added : changes.added()) {
            mailbox.add(added, changes.recentUids().contains(added.uid()));
        }
        if (mailbox.count() != before) {
            responses.add(Responses.data(mailbox.count() + " EXISTS"));
            responses.add(Responses.data(mailbox.recentCount() + " RECENT"));
        }
        for (MessageState changed : changes.changed()) {
            int sequence = mailbox.sequenceOf(changed.uid());
            if (sequence == 0 || changed.modSeq() <= mailbox.knownModSeq(changed.uid())) {
                continue;
            }
            responses.add(flagsFetch(mailbox, sequence, changed, condstore));
            mailbox.reported(changed);
        }
        if (expungesLeft) {
            mailbox.markStale();
            mailbox.advance(0, changes.status().uidNext());
        } else {
            mailbox.advance(changes.status().highestModSeq(), changes.status().uidNext());
        }
        return responses;
    }

    /** {@code * n FETCH (FLAGS (...) UID u [MODSEQ (m)])}, as sent for flag changes. */
    static ImapResponse flagsFetch(SelectedMailbox mailbox, int sequence, MessageState state, boolean condstore) {
        List<FetchItem> items = new ArrayList<>(3);
        items.add(FlagNames.item(state, mailbox.isRecent(state.uid())));
        items.add(new FetchItem.Uid(state.uid()));
        if (condstore) {
            items.add(new FetchItem.ModSeq(state.modSeq()));
        }
        return new ImapResponse.FetchData(sequence, items);
    }
}
