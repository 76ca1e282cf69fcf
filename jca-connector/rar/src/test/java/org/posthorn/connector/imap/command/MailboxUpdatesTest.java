package org.posthorn.connector.imap.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.posthorn.connector.imap.command.SelectedMailboxTest.mailbox;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.posthorn.connector.imap.encode.ImapResponse;
import org.posthorn.connector.imap.encode.ImapResponseEncoder;
import org.posthorn.spi.imap.MailboxChanges;
import org.posthorn.spi.imap.MailboxStatus;
import org.posthorn.spi.imap.MessageState;

/** How news of the selected mailbox becomes untagged responses (RFC 3501 §7.3.1, §7.4.1, §7.4.2). */
class MailboxUpdatesTest {

    private static MailboxChanges changes(List<MessageState> added, List<MessageState> changed, List<Long> expunged,
                                          long highestModSeq, long uidNext) {
        // As for a read-write session that is the first to see the added messages: they are recent for it.
        return new MailboxChanges(added, changed, expunged,
                added.stream().map(MessageState::uid).collect(java.util.stream.Collectors.toSet()),
                new MailboxStatus(0, 0, 0, uidNext, 7, highestModSeq, 0));
    }

    private static List<String> lines(List<ImapResponse> responses) {
        return responses.stream().map(r -> ImapResponseEncoder.encode(r).toString(java.nio.charset.StandardCharsets.UTF_8).strip())
                .toList();
    }

    @Test
    void expungesAreNumberedHighestFirstSoEachNumberHoldsWhenSent() {
        SelectedMailbox mailbox = mailbox(3, 5, 6, 10);

        List<String> lines = lines(MailboxUpdates.apply(mailbox, changes(List.of(), List.of(), List.of(3L, 6L, 10L), 20, 11),
                true, false));

        assertThat(lines).containsExactly("* 4 EXPUNGE", "* 3 EXPUNGE", "* 1 EXPUNGE");
        assertThat(mailbox.count()).isEqualTo(1);
        assertThat(mailbox.uidAt(1)).isEqualTo(5);
        assertThat(mailbox.highestModSeq()).isEqualTo(20);
    }

    @Test
    void expungesWaitWhileTheClientMayCountOnTheNumbers() {
        SelectedMailbox mailbox = mailbox(3, 5, 6);
        MailboxChanges news = changes(List.of(new MessageState(11, Set.of(), 19)),
                List.of(new MessageState(3, Set.of("\\Seen"), 18)), List.of(5L), 20, 12);

        List<String> duringFetch = lines(MailboxUpdates.apply(mailbox, news, false, false));

        // RFC 3501 §7.4.1: no EXPUNGE during FETCH, STORE, SEARCH; EXISTS and FETCH may come.
        assertThat(duringFetch).containsExactly("* 4 EXISTS", "* 1 RECENT", "* 1 FETCH (FLAGS (\\Seen) UID 3)");
        assertThat(mailbox.count()).isEqualTo(4);
        assertThat(mailbox.sequenceOf(5)).isEqualTo(2);
        assertThat(mailbox.uidNext()).isEqualTo(12);
        assertThat(mailbox.highestModSeq()).as("kept back, so the expunge is asked for again").isEqualTo(6);

        List<String> atNoop = lines(MailboxUpdates.apply(mailbox, news, true, false));

        assertThat(atNoop).as("only the expunge is news now").containsExactly("* 2 EXPUNGE");
        assertThat(mailbox.count()).isEqualTo(3);
        assertThat(mailbox.highestModSeq()).isEqualTo(20);
    }

    @Test
    void unknownUidsAndChangesAlreadyReportedAreSkipped() {
        SelectedMailbox mailbox = mailbox(3, 5);
        mailbox.reported(new MessageState(5, Set.of("\\Flagged"), 9));

        List<String> lines = lines(MailboxUpdates.apply(mailbox, changes(List.of(),
                List.of(new MessageState(5, Set.of("\\Flagged"), 9), new MessageState(4, Set.of(), 9)), List.of(4L), 9, 6),
                true, true));

        assertThat(lines).isEmpty();
    }

    @Test
    void flagChangesCarryModSeqOnceCondstoreIsOn() {
        SelectedMailbox mailbox = mailbox(3);

        List<String> lines = lines(MailboxUpdates.apply(mailbox,
                changes(List.of(), List.of(new MessageState(3, Set.of("$Work", "\\Answered"), 12)), List.of(), 12, 4),
                true, true));

        assertThat(lines).containsExactly("* 1 FETCH (FLAGS (\\Answered $Work) UID 3 MODSEQ (12))");
    }

    @Test
    void addedMessagesAreRecentOnlyWhereTheStoreGaveThemToThisSession() {
        SelectedMailbox mailbox = mailbox(3);
        MailboxChanges takenElsewhere = new MailboxChanges(List.of(new MessageState(4, Set.of(), 2)), List.of(), List.of(),
                Set.of(), new MailboxStatus(0, 0, 0, 5, 7, 2, 0));

        List<String> lines = lines(MailboxUpdates.apply(mailbox, takenElsewhere, true, false));

        // RFC 3501 §2.3.2: another session took it first, so it is not recent here.
        assertThat(lines).containsExactly("* 2 EXISTS", "* 0 RECENT");
        assertThat(mailbox.isRecent(4)).isFalse();
    }
}
