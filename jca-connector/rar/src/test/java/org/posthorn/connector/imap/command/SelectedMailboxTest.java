package org.posthorn.connector.imap.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.posthorn.connector.imap.decode.SequenceSet;
import org.posthorn.spi.imap.MailboxSnapshot;
import org.posthorn.spi.imap.MailboxStatus;
import org.posthorn.spi.imap.MessageState;
import org.posthorn.spi.imap.UidSet;

/** The session's numbering of its selected mailbox (RFC 3501 §2.3.1.2) and its translation to UIDs. */
class SelectedMailboxTest {

    /** UIDs 3, 5, 6, 10 (gaps where messages were expunged), 10 and 6 recent. */
    static SelectedMailbox mailbox(long... uids) {
        List<MessageState> messages = Arrays.stream(uids).mapToObj(uid -> new MessageState(uid, Set.of(), uid)).toList();
        long last = uids.length == 0 ? 0 : uids[uids.length - 1];
        return new SelectedMailbox("INBOX", new MailboxSnapshot(new MailboxStatus(uids.length, 0, 0, last + 1, 7, last, 0),
                messages, Set.of(), Set.of(), false));
    }

    private static SequenceSet set(String text) {
        return SequenceSet.parse(text).orElseThrow();
    }

    @Test
    void sequenceNumbersAndUidsMapBothWays() {
        SelectedMailbox mailbox = mailbox(3, 5, 6, 10);

        assertThat(mailbox.count()).isEqualTo(4);
        assertThat(mailbox.uidAt(1)).isEqualTo(3);
        assertThat(mailbox.uidAt(4)).isEqualTo(10);
        assertThat(mailbox.sequenceOf(6)).isEqualTo(3);
        assertThat(mailbox.sequenceOf(4)).isZero();
        assertThat(mailbox.sequenceOf(11)).isZero();
        assertThat(mailbox.largestUid()).isEqualTo(10);
        assertThat(mailbox.uidValidity()).isEqualTo(7);
    }

    @Test
    void sequenceSetsBecomeUidRanges() {
        SelectedMailbox mailbox = mailbox(3, 5, 6, 10);

        assertThat(mailbox.uidsOfSequences(set("2:3")).orElseThrow().ranges())
                .containsExactly(new UidSet.Range(5, 6));
        assertThat(mailbox.uidsOfSequences(set("*")).orElseThrow().ranges()).containsExactly(new UidSet.Range(10, 10));
        assertThat(mailbox.uidsOfSequences(set("4:1")).orElseThrow().ranges()).containsExactly(new UidSet.Range(3, 10));
        assertThat(mailbox.uidsOfSequences(set("1,4")).orElseThrow().ranges())
                .containsExactly(new UidSet.Range(3, 3), new UidSet.Range(10, 10));
        assertThat(mailbox.uidsOfSequences(set("5"))).as("beyond the last message (RFC 3501 §9)").isEmpty();
        assertThat(mailbox.uidsOfSequences(set("3:5"))).isEmpty();
    }

    @Test
    void uidSetsResolveStarToTheLargestUid() {
        SelectedMailbox mailbox = mailbox(3, 5, 6, 10);

        assertThat(mailbox.uidsOfUids(set("6:*")).ranges()).containsExactly(new UidSet.Range(6, 10));
        assertThat(mailbox.uidsOfUids(set("20:*")).ranges()).as("RFC 3501 §9: 20:* is 10:20")
                .containsExactly(new UidSet.Range(10, 20));
        assertThat(MessageSets.known(mailbox, mailbox.uidsOfUids(set("4:7,99")))).containsExactly(5L, 6L);
    }

    @Test
    void removingRenumbersTheMessagesAfter() {
        SelectedMailbox mailbox = mailbox(3, 5, 6, 10);

        assertThat(mailbox.remove(5)).isEqualTo(2);
        assertThat(mailbox.remove(5)).as("unknown now").isZero();
        assertThat(mailbox.count()).isEqualTo(3);
        assertThat(mailbox.sequenceOf(6)).isEqualTo(2);
        assertThat(mailbox.uidAt(3)).isEqualTo(10);
    }

    @Test
    void addedMessagesGoAtTheEndAndGrowTheArrays() {
        SelectedMailbox mailbox = mailbox(1);
        for (long uid = 2; uid <= 40; uid++) {
            mailbox.add(new MessageState(uid, Set.of(), uid), uid % 2 == 0);
        }
        mailbox.add(new MessageState(7, Set.of(), 99), true);

        assertThat(mailbox.count()).isEqualTo(40);
        assertThat(mailbox.uidAt(40)).isEqualTo(40);
        assertThat(mailbox.recentCount()).isEqualTo(20);
        assertThat(mailbox.isRecent(7)).as("a UID already known is not added again").isFalse();
        assertThat(mailbox.knownModSeq(7)).isEqualTo(7);
    }

    @Test
    void reportedModSeqsOnlyGrow() {
        SelectedMailbox mailbox = mailbox(3, 5);

        mailbox.reported(new MessageState(5, Set.of(), 9));
        mailbox.reported(new MessageState(5, Set.of(), 8));
        mailbox.reported(new MessageState(4, Set.of(), 20));

        assertThat(mailbox.knownModSeq(5)).isEqualTo(9);
        assertThat(mailbox.knownModSeq(4)).isZero();
    }
}
