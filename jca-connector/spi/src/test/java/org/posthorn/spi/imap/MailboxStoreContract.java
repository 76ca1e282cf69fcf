package org.posthorn.spi.imap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.posthorn.spi.MailError;
import org.posthorn.spi.MessageContent;
import org.posthorn.spi.Result;

/**
 * What every {@link MailboxStoreListener} must do (STYLE.md #9): the JPA implementation passes it
 * ({@code ejb}'s {@code MailboxStoreJpaTest}), and so does the wire's in-memory fake ({@code rar}'s
 * {@code FakeMailboxStoreTest}); the SPI module publishes it in its test-jar. Each implementation gives
 * two accounts that own the standard mailboxes (INBOX, Drafts, Sent, Junk, Trash, Archive) and a way
 * to deliver mail to an INBOX. Search criteria are covered by {@link SearchContract}.
 */
public interface MailboxStoreContract {

    /** The store under test; every call is its own transaction. */
    MailboxStoreListener store();

    /** An account with the standard mailboxes and nothing else. */
    String account();

    /** Another such account. */
    String otherAccount();

    /** Delivers a message to the account's INBOX as SMTP would (trace headers may be added on top). */
    void deliver(String account, byte[] message);

    static byte[] message(String subject) {
        return ("From: Alice <alice@sender.example>\r\nTo: bob@example.org\r\nSubject: " + subject
                + "\r\nDate: Thu, 26 Nov 2026 09:15:00 +0100\r\n\r\nBody of " + subject + ".\r\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    static UidSet uids(long... uids) {
        List<UidSet.Range> ranges = new java.util.ArrayList<>();
        for (long uid : uids) {
            ranges.add(new UidSet.Range(uid, uid));
        }
        return new UidSet(ranges);
    }

    static FlagUpdate update(FlagUpdate.Mode mode, String... flags) {
        return new FlagUpdate(mode, Set.of(flags), OptionalLong.empty());
    }

    default MailboxStatus status(String mailbox) {
        return store().status(account(), mailbox).value();
    }

    default AppendOutcome append(String mailbox, String subject, String... flags) {
        return store().append(account(), mailbox, Set.of(flags), Optional.empty(),
                MessageContent.of(message(subject))).value();
    }

    default List<MessageState> states(String mailbox) {
        return store().fetch(account(), mailbox, UidSet.all(), FetchScope.FLAGS_ONLY, OptionalLong.empty()).value()
                .stream().map(MessageView::state).toList();
    }

    default List<Long> uidsIn(String mailbox) {
        return states(mailbox).stream().map(MessageState::uid).toList();
    }

    // --- directory

    @Test
    default void listShowsTheStandardMailboxesInboxFirst() {
        List<MailboxInfo> list = store().list(account());

        assertThat(list).extracting(MailboxInfo::name)
                .containsExactly("INBOX", "Archive", "Drafts", "Junk", "Sent", "Trash");
        assertThat(list).filteredOn(i -> i.name().equals("Sent")).singleElement()
                .satisfies(i -> assertThat(i.specialUse()).contains("\\Sent"));
        assertThat(list.get(0).specialUse()).isEmpty();
        assertThat(list).allMatch(MailboxInfo::subscribed);
        assertThat(store().list("nobody@example.org")).isEmpty();
    }

    @Test
    default void createMakesParentsAndRefusesDuplicatesAndBadNames() {
        assertThat(store().create(account(), "Projects/2026/Posthorn")).isEmpty();
        assertThat(store().create(account(), "Lists/")).isEmpty();
        assertThat(store().create(account(), "inbox/Sub")).isEmpty();

        assertThat(store().list(account())).extracting(MailboxInfo::name)
                .contains("Projects", "Projects/2026", "Projects/2026/Posthorn", "Lists", "INBOX/Sub")
                .doesNotContain("Lists/", "inbox/Sub");
        assertThat(store().create(account(), "Projects/2026")).contains(MailError.ALREADY_EXISTS);
        assertThat(store().create(account(), "Inbox")).contains(MailError.ALREADY_EXISTS);
        for (String bad : List.of("", "/", "a//b", "/a", "a/b//", "tab\there", "nul\u0000", "del\u007f", "star*",
                "per%cent", "x".repeat(256))) {
            assertThat(store().create(account(), bad)).as("create %s", bad).contains(MailError.INVALID);
        }
        assertThat(store().create(account(), "x".repeat(255))).isEmpty();
        assertThat(store().create(account(), "Ünïcødé/日本")).isEmpty();
        assertThat(store().status(account(), "Ünïcødé/日本").isOk()).isTrue();
        assertThat(store().list(otherAccount())).extracting(MailboxInfo::name).doesNotContain("Projects");
    }

    @Test
    default void deleteRefusesInboxMissingAndParentsAndRecreationGetsANewUidValidity() {
        assertThat(store().delete(account(), "INBOX")).contains(MailError.NO_PERMISSION);
        assertThat(store().delete(account(), "inbox")).contains(MailError.NO_PERMISSION);
        assertThat(store().delete(account(), "Nothing")).contains(MailError.NOT_FOUND);
        assertThat(store().create(otherAccount(), "Theirs")).isEmpty();
        assertThat(store().delete(account(), "Theirs")).contains(MailError.NOT_FOUND);

        assertThat(store().create(account(), "Parent/Child")).isEmpty();
        assertThat(store().delete(account(), "Parent")).contains(MailError.HAS_CHILDREN);
        append("Parent/Child", "one");
        MailboxStatus before = status("Parent/Child");
        assertThat(store().delete(account(), "Parent/Child")).isEmpty();
        assertThat(store().status(account(), "Parent/Child").error()).contains(MailError.NOT_FOUND);
        assertThat(store().delete(account(), "Parent")).isEmpty();

        assertThat(store().create(account(), "Parent/Child")).isEmpty();
        MailboxStatus after = status("Parent/Child");
        assertThat(after.uidValidity()).isGreaterThan(before.uidValidity());
        assertThat(after.messages()).isZero();
        assertThat(after.uidNext()).isEqualTo(1);
        assertThat(store().status(otherAccount(), "Theirs").isOk()).isTrue();
    }

    /** RFC 5530 §3 HASCHILDREN, as Dovecot refuses it: the refused DELETE changes nothing. */
    @Test
    default void deleteOfAMailboxWithChildrenIsRefusedAndKeepsEverything() {
        assertThat(store().create(account(), "Lists/Java/Jakarta")).isEmpty();
        assertThat(store().create(account(), "Listsfor")).isEmpty();
        append("Lists", "in the parent");
        MailboxStatus parent = status("Lists");

        assertThat(store().delete(account(), "Lists")).contains(MailError.HAS_CHILDREN);
        assertThat(store().delete(account(), "Lists/Java")).contains(MailError.HAS_CHILDREN);
        assertThat(store().list(account())).extracting(MailboxInfo::name)
                .contains("Lists", "Lists/Java", "Lists/Java/Jakarta", "Listsfor");
        assertThat(status("Lists")).isEqualTo(parent);

        assertThat(store().create(account(), "INBOX/Sub")).isEmpty();
        assertThat(store().delete(account(), "INBOX")).as("INBOX is never deleted, children or not")
                .contains(MailError.NO_PERMISSION);

        assertThat(store().delete(account(), "Listsfor")).as("a name that only starts like a parent").isEmpty();
        assertThat(store().delete(account(), "Lists/Java/Jakarta")).isEmpty();
        assertThat(store().delete(account(), "Lists/Java")).isEmpty();
        assertThat(store().delete(account(), "Lists")).isEmpty();
    }

    @Test
    default void renameMovesChildrenAndKeepsUids() {
        store().create(account(), "Work/Old/Deep");
        append("Work/Old", "kept");
        MailboxStatus before = status("Work/Old");

        assertThat(store().rename(account(), "Work/Old", "Archive/2025/Work")).isEmpty();

        assertThat(store().list(account())).extracting(MailboxInfo::name)
                .contains("Work", "Archive/2025", "Archive/2025/Work", "Archive/2025/Work/Deep")
                .doesNotContain("Work/Old", "Work/Old/Deep");
        MailboxStatus after = status("Archive/2025/Work");
        assertThat(after.uidValidity()).isEqualTo(before.uidValidity());
        assertThat(after.uidNext()).isEqualTo(before.uidNext());
        assertThat(uidsIn("Archive/2025/Work")).containsExactly(1L);

        assertThat(store().rename(account(), "Nothing", "Else")).contains(MailError.NOT_FOUND);
        assertThat(store().rename(account(), "Work", "Sent")).contains(MailError.ALREADY_EXISTS);
        assertThat(store().rename(account(), "Work", "inbox")).contains(MailError.ALREADY_EXISTS);
        assertThat(store().rename(account(), "Work", "Work/Inside")).contains(MailError.INVALID);
        assertThat(store().rename(account(), "Work", "bad//name")).contains(MailError.INVALID);
        assertThat(store().rename(otherAccount(), "Work", "Mine")).contains(MailError.NOT_FOUND);
    }

    @Test
    default void renamingInboxMovesItsMessagesAndLeavesItEmpty() {
        deliver(account(), message("first"));
        deliver(account(), message("second"));
        store().create(account(), "INBOX/Child");
        MailboxStatus inboxBefore = status("INBOX");

        assertThat(store().rename(account(), "INBOX", "Old Mail")).isEmpty();

        MailboxStatus inbox = status("INBOX");
        assertThat(inbox.messages()).isZero();
        assertThat(inbox.uidValidity()).isEqualTo(inboxBefore.uidValidity());
        assertThat(inbox.uidNext()).isEqualTo(inboxBefore.uidNext()); // UIDs 1 and 2 are never reused
        assertThat(status("Old Mail").messages()).isEqualTo(2);
        assertThat(store().status(account(), "INBOX/Child").isOk()).isTrue(); // children stay (RFC 3501 §6.3.5)
        deliver(account(), message("third"));
        assertThat(uidsIn("INBOX")).containsExactly(3L);
    }

    @Test
    default void subscriptions() {
        assertThat(store().subscribe(account(), "Drafts", false)).isEmpty();
        assertThat(store().list(account())).filteredOn(i -> i.name().equals("Drafts")).singleElement()
                .satisfies(i -> assertThat(i.subscribed()).isFalse());
        assertThat(store().subscribe(account(), "Drafts", true)).isEmpty();
        assertThat(store().list(account())).allMatch(MailboxInfo::subscribed);
        assertThat(store().subscribe(account(), "Nothing", true)).contains(MailError.NOT_FOUND);
    }

    // --- another account's mailboxes, unknown names

    @Test
    default void anotherAccountsMailboxReadsAsNotFoundEverywhere() {
        store().create(otherAccount(), "Private");
        deliver(otherAccount(), message("secret"));
        String me = account();
        UidSet all = UidSet.all();

        List<Result<?>> results = List.of(
                store().status(me, "Private"),
                store().open(me, "Private", false),
                store().changes(me, "Private", 1, 0, 1, false),
                store().fetch(me, "Private", all, FetchScope.FLAGS_ONLY, OptionalLong.empty()),
                store().store(me, "Private", all, update(FlagUpdate.Mode.ADD, "\\Seen")),
                store().expunge(me, "Private", all),
                store().copy(me, "INBOX", all, "Private"),
                store().move(me, "Private", all, "INBOX"),
                store().append(me, "Private", Set.of(), Optional.empty(), MessageContent.of(message("x"))),
                store().search(me, "Private", new org.posthorn.spi.imap.SearchCriteria.All()),
                store().status("nobody@example.org", "INBOX"),
                store().status(me, "bad//name"));
        assertThat(results).allSatisfy(r -> assertThat(r.error()).contains(MailError.NOT_FOUND));
        assertThat(store().status(otherAccount(), "INBOX").value().messages()).isEqualTo(1);
    }

    // --- selection and \Recent

    @Test
    default void recentBelongsToTheFirstReadWriteSelect() {
        deliver(account(), message("one"));
        deliver(account(), message("two"));
        assertThat(status("INBOX").recent()).isEqualTo(2);

        MailboxSnapshot examined = store().open(account(), "INBOX", true).value();
        assertThat(examined.readOnly()).isTrue();
        assertThat(examined.recentUids()).containsExactlyInAnyOrder(1L, 2L);
        assertThat(status("INBOX").recent()).isEqualTo(2); // EXAMINE takes nothing

        MailboxSnapshot selected = store().open(account(), "inbox", false).value();
        assertThat(selected.readOnly()).isFalse();
        assertThat(selected.recentUids()).containsExactlyInAnyOrder(1L, 2L);
        assertThat(selected.status().recent()).isEqualTo(2);
        assertThat(selected.messages()).extracting(MessageState::uid).containsExactly(1L, 2L);
        assertThat(status("INBOX").recent()).isZero();

        assertThat(store().open(account(), "INBOX", false).value().recentUids()).isEmpty();
        deliver(account(), message("three"));
        MailboxSnapshot third = store().open(account(), "INBOX", false).value();
        assertThat(third.recentUids()).containsExactly(3L);
        assertThat(third.status().messages()).isEqualTo(3);
        assertThat(third.status().unseen()).isEqualTo(3);
    }

    @Test
    default void snapshotAndStatusCounters() {
        append("Drafts", "a", "\\Seen", "$Label1");
        append("Drafts", "b", "\\Draft", "Work");
        append("Drafts", "c");

        MailboxSnapshot snapshot = store().open(account(), "Drafts", false).value();
        MailboxStatus status = snapshot.status();
        assertThat(status.messages()).isEqualTo(3);
        assertThat(status.unseen()).isEqualTo(2);
        assertThat(status.uidNext()).isEqualTo(4);
        assertThat(status.size()).isEqualTo(message("a").length + message("b").length + message("c").length);
        assertThat(status.highestModSeq()).isGreaterThanOrEqualTo(snapshot.messages().get(2).modSeq());
        assertThat(snapshot.keywords()).containsExactlyInAnyOrder("$Label1", "Work");
        assertThat(snapshot.messages().get(0).flags()).containsExactlyInAnyOrder("\\Seen", "$Label1");
        assertThat(snapshot.messages().get(1).flags()).containsExactlyInAnyOrder("\\Draft", "Work");
        assertThat(snapshot.messages().get(2).flags()).isEmpty();
    }

    // --- append

    @Test
    default void appendKeepsFlagsAndDateButNeverRecent() {
        Instant date = Instant.parse("2020-02-29T12:34:56Z");
        byte[] bytes = message("appended");
        AppendOutcome outcome = store().append(account(), "Sent", Set.of("\\Seen", "\\Recent", "$Forwarded"),
                Optional.of(date), MessageContent.of(bytes)).value();

        assertThat(outcome.uid()).isEqualTo(1);
        assertThat(outcome.uidValidity()).isEqualTo(status("Sent").uidValidity());
        MessageView view = store().fetch(account(), "Sent", UidSet.of(1), new FetchScope(true, true, true, true),
                OptionalLong.empty()).value().get(0);
        assertThat(view.state().flags()).containsExactlyInAnyOrder("\\Seen", "$Forwarded");
        assertThat(view.internalDate()).contains(date);
        assertThat(view.size()).contains((long) bytes.length);
        assertThat(readAll(view.content().orElseThrow())).isEqualTo(bytes); // stored as given, no trace headers
        assertThat(view.envelope().orElseThrow().subject()).isEqualTo("appended");
        assertThat(view.bodyStructure().orElseThrow().end()).isEqualTo(bytes.length);
        assertThat(append("Sent", "next").uid()).isEqualTo(2);
        assertThat(store().append(account(), "Nothing", Set.of(), Optional.empty(), MessageContent.of(bytes)).error())
                .contains(MailError.NOT_FOUND);
    }

    @Test
    default void appendOverTheSizeLimitIsTooBig() {
        String key = "posthorn.message.max-size";
        String old = System.getProperty(key);
        System.setProperty(key, "100");
        try {
            byte[] big = ("Subject: big\r\n\r\n" + "x".repeat(200) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            assertThat(store().append(account(), "INBOX", Set.of(), Optional.empty(), MessageContent.of(big)).error())
                    .contains(MailError.TOO_BIG);
        } finally {
            if (old == null) {
                System.clearProperty(key);
            } else {
                System.setProperty(key, old);
            }
        }
        assertThat(status("INBOX").messages()).isZero();
        assertThat(status("INBOX").uidNext()).isEqualTo(1);
    }

    // --- fetch

    @Test
    default void fetchLoadsOnlyWhatTheScopeAsks() {
        append("INBOX", "one", "\\Flagged");
        append("INBOX", "two");
        append("INBOX", "three");

        List<MessageView> flagsOnly = store().fetch(account(), "INBOX", UidSet.range(2, 10), FetchScope.FLAGS_ONLY,
                OptionalLong.empty()).value();
        assertThat(flagsOnly).extracting(v -> v.state().uid()).containsExactly(2L, 3L);
        assertThat(flagsOnly).allSatisfy(v -> {
            assertThat(v.internalDate()).isEmpty();
            assertThat(v.envelope()).isEmpty();
            assertThat(v.bodyStructure()).isEmpty();
            assertThat(v.content()).isEmpty();
        });

        List<MessageView> envelopes = store().fetch(account(), "INBOX", uids(1, 3, 99),
                new FetchScope(true, true, false, false), OptionalLong.empty()).value();
        assertThat(envelopes).extracting(v -> v.envelope().orElseThrow().subject()).containsExactly("one", "three");
        assertThat(envelopes.get(0).state().flags()).containsExactly("\\Flagged");
        assertThat(envelopes.get(0).size()).isPresent();
        assertThat(envelopes.get(0).bodyStructure()).isEmpty();
        assertThat(envelopes.get(0).content()).isEmpty();

        assertThat(store().fetch(account(), "INBOX", UidSet.range(50, 60), FetchScope.FLAGS_ONLY, OptionalLong.empty())
                .value()).isEmpty();

        long modSeq = states("INBOX").get(2).modSeq();
        store().store(account(), "INBOX", UidSet.of(2), update(FlagUpdate.Mode.ADD, "\\Seen"));
        assertThat(store().fetch(account(), "INBOX", UidSet.all(), FetchScope.FLAGS_ONLY, OptionalLong.of(modSeq))
                .value()).extracting(v -> v.state().uid()).containsExactly(2L);
    }

    @Test
    default void fetchedStructureOffsetsSliceTheStoredOctets() {
        byte[] original = ("From: a@example.org\r\nSubject: parts\r\nContent-Type: multipart/mixed; boundary=XX\r\n\r\n"
                + "--XX\r\nContent-Type: text/plain\r\n\r\nfirst part\r\n--XX\r\nContent-Type: text/html\r\n\r\n"
                + "<i>second</i>\r\n--XX--\r\n").getBytes(StandardCharsets.US_ASCII);
        deliver(account(), original);

        MessageView view = store().fetch(account(), "INBOX", UidSet.of(1), new FetchScope(false, false, true, true),
                OptionalLong.empty()).value().get(0);
        byte[] stored = readAll(view.content().orElseThrow());
        var body = view.bodyStructure().orElseThrow();
        assertThat(new String(stored, StandardCharsets.US_ASCII)).endsWith(new String(original, StandardCharsets.US_ASCII));
        assertThat(body.subtype()).isEqualTo("mixed");
        assertThat(slice(stored, body.children().get(0).bodyStart(), body.children().get(0).end())).isEqualTo("first part");
        assertThat(slice(stored, body.children().get(1).headerStart(), body.children().get(1).end()))
                .isEqualTo("Content-Type: text/html\r\n\r\n<i>second</i>");
        assertThat(body.end()).isEqualTo(stored.length);
    }

    // --- store and MODSEQ

    @Test
    default void storeReplacesAddsAndRemovesWithNewModSeqs() {
        append("INBOX", "one");
        append("INBOX", "two");
        long highest = status("INBOX").highestModSeq();

        StoreOutcome added = store().store(account(), "INBOX", UidSet.all(),
                update(FlagUpdate.Mode.ADD, "\\Seen", "$Important", "\\Recent")).value();
        assertThat(added.updated()).extracting(MessageState::uid).containsExactly(1L, 2L);
        assertThat(added.updated()).allSatisfy(s -> {
            assertThat(s.flags()).containsExactlyInAnyOrder("\\Seen", "$Important");
            assertThat(s.modSeq()).isGreaterThan(highest);
        });
        assertThat(added.updated().get(1).modSeq()).isNotEqualTo(added.updated().get(0).modSeq());
        assertThat(status("INBOX").highestModSeq()).isEqualTo(added.updated().get(1).modSeq());

        StoreOutcome removed = store().store(account(), "INBOX", UidSet.of(1),
                update(FlagUpdate.Mode.REMOVE, "$IMPORTANT")).value();
        assertThat(removed.updated().get(0).flags()).containsExactly("\\Seen");

        StoreOutcome replaced = store().store(account(), "INBOX", UidSet.of(2),
                update(FlagUpdate.Mode.REPLACE, "\\Answered", "\\flagged")).value();
        assertThat(replaced.updated().get(0).flags()).containsExactlyInAnyOrder("\\Answered", "\\Flagged");

        long before = status("INBOX").highestModSeq();
        StoreOutcome unchanged = store().store(account(), "INBOX", UidSet.of(2),
                update(FlagUpdate.Mode.ADD, "\\Answered")).value();
        assertThat(unchanged.updated().get(0).modSeq()).isLessThanOrEqualTo(before);
        assertThat(status("INBOX").highestModSeq()).isEqualTo(before);

        assertThat(store().store(account(), "INBOX", UidSet.range(7, 9), update(FlagUpdate.Mode.ADD, "\\Seen"))
                .value().updated()).isEmpty();
    }

    @Test
    default void unchangedSinceLeavesNewerMessagesAndReportsThem() {
        append("INBOX", "one");
        append("INBOX", "two");
        long known = status("INBOX").highestModSeq();
        store().store(account(), "INBOX", UidSet.of(2), update(FlagUpdate.Mode.ADD, "\\Flagged"));

        StoreOutcome outcome = store().store(account(), "INBOX", UidSet.all(),
                new FlagUpdate(FlagUpdate.Mode.ADD, Set.of("\\Seen"), OptionalLong.of(known))).value();

        assertThat(outcome.modified()).containsExactly(2L);
        assertThat(outcome.updated()).extracting(MessageState::uid).containsExactly(1L);
        assertThat(states("INBOX").get(1).flags()).containsExactly("\\Flagged");
    }

    @Test
    default void everyChangeTakesAHigherModSeq() {
        long last = status("INBOX").highestModSeq();
        List<Runnable> changes = List.of(
                () -> deliver(account(), message("a")),
                () -> append("INBOX", "b"),
                () -> store().store(account(), "INBOX", UidSet.of(1), update(FlagUpdate.Mode.ADD, "\\Deleted")),
                () -> store().expunge(account(), "INBOX", UidSet.all()),
                () -> store().copy(account(), "Trash", UidSet.all(), "INBOX"),
                () -> store().copy(account(), "INBOX", UidSet.of(2), "INBOX"),
                () -> store().move(account(), "INBOX", UidSet.of(2), "Archive"));
        append("Trash", "in trash");
        last = status("INBOX").highestModSeq();
        for (Runnable change : changes) {
            change.run();
            long now = status("INBOX").highestModSeq();
            assertThat(now).isGreaterThan(last);
            last = now;
        }
        assertThat(states("INBOX")).allSatisfy(s -> assertThat(s.modSeq()).isLessThanOrEqualTo(status("INBOX").highestModSeq()));
    }

    // --- changes

    @Test
    default void changesReportAddedFlagChangesAndExpunges() {
        append("INBOX", "one");
        append("INBOX", "two");
        append("INBOX", "three");
        MailboxSnapshot snapshot = store().open(account(), "INBOX", false).value();
        MailboxStatus known = snapshot.status();
        assertThat(store().changes(account(), "INBOX", known.uidValidity(), known.highestModSeq(), known.uidNext(), false)
                .value().isEmpty()).isTrue();

        deliver(account(), message("four"));
        store().store(account(), "INBOX", UidSet.of(1), update(FlagUpdate.Mode.ADD, "\\Seen"));
        store().store(account(), "INBOX", UidSet.of(2), update(FlagUpdate.Mode.ADD, "\\Deleted"));
        store().expunge(account(), "INBOX", UidSet.all());

        MailboxChanges changes = store().changes(account(), "INBOX", known.uidValidity(), known.highestModSeq(),
                known.uidNext(), false).value();
        assertThat(changes.added()).extracting(MessageState::uid).containsExactly(4L);
        assertThat(changes.changed()).extracting(MessageState::uid).containsExactly(1L);
        assertThat(changes.changed().get(0).flags()).containsExactly("\\Seen");
        assertThat(changes.expungedUids()).containsExactly(2L);
        assertThat(changes.status().messages()).isEqualTo(3);
        assertThat(changes.status().uidNext()).isEqualTo(5);

        MailboxStatus now = changes.status();
        assertThat(store().changes(account(), "INBOX", now.uidValidity(), now.highestModSeq(), now.uidNext(), false)
                .value().isEmpty()).isTrue();
        assertThat(store().changes(account(), "INBOX", known.uidValidity() + 1, 0, 1, false).error())
                .contains(MailError.NOT_FOUND);
    }

    @Test
    default void aNewMessageIsRecentForOneReadWriteSessionOnly() {
        MailboxStatus known = store().open(account(), "INBOX", false).value().status();
        deliver(account(), message("fresh"));
        long uid = known.uidNext();

        MailboxChanges examined = store().changes(account(), "INBOX", known.uidValidity(), known.highestModSeq(),
                known.uidNext(), true).value();
        assertThat(examined.recentUids()).as("a read-only session sees it recent, without taking it").containsExactly(uid);
        MailboxChanges first = store().changes(account(), "INBOX", known.uidValidity(), known.highestModSeq(),
                known.uidNext(), false).value();
        assertThat(first.recentUids()).containsExactly(uid);
        MailboxChanges second = store().changes(account(), "INBOX", known.uidValidity(), known.highestModSeq(),
                known.uidNext(), false).value();
        assertThat(second.added()).extracting(MessageState::uid).containsExactly(uid);
        assertThat(second.recentUids()).as("taken by the first session").isEmpty();
        assertThat(store().open(account(), "INBOX", false).value().recentUids()).isEmpty();
    }

    @Test
    default void aMessageAddedAndExpungedSinceIsNotReportedAsExpunged() {
        MailboxStatus known = status("INBOX");
        append("INBOX", "short-lived", "\\Deleted");
        store().expunge(account(), "INBOX", UidSet.all());

        MailboxChanges changes = store().changes(account(), "INBOX", known.uidValidity(), known.highestModSeq(),
                known.uidNext(), false).value();
        assertThat(changes.expungedUids()).isEmpty();
        assertThat(changes.added()).isEmpty();
    }

    // --- expunge, copy, move

    @Test
    default void expungeRemovesOnlyDeletedMessagesWithinTheSet() {
        append("INBOX", "one", "\\Deleted");
        append("INBOX", "two");
        append("INBOX", "three", "\\Deleted");

        assertThat(store().expunge(account(), "INBOX", UidSet.range(1, 2)).value()).containsExactly(1L);
        assertThat(uidsIn("INBOX")).containsExactly(2L, 3L);
        assertThat(store().expunge(account(), "INBOX", UidSet.all()).value()).containsExactly(3L);
        assertThat(store().expunge(account(), "INBOX", UidSet.all()).value()).isEmpty();
        assertThat(uidsIn("INBOX")).containsExactly(2L);
    }

    @Test
    default void copyGivesNewAscendingUidsAndKeepsFlags() {
        append("Archive", "already there");
        deliver(account(), message("one"));
        deliver(account(), message("two"));
        deliver(account(), message("three"));
        store().store(account(), "INBOX", UidSet.of(3), update(FlagUpdate.Mode.ADD, "\\Flagged", "Work"));

        CopyOutcome outcome = store().copy(account(), "INBOX", uids(3, 1, 77), "Archive").value();

        assertThat(outcome.targetUidValidity()).isEqualTo(status("Archive").uidValidity());
        assertThat(outcome.sourceUids()).containsExactly(1L, 3L);
        assertThat(outcome.targetUids()).containsExactly(2L, 3L);
        assertThat(uidsIn("INBOX")).containsExactly(1L, 2L, 3L);
        List<MessageView> copies = store().fetch(account(), "Archive", UidSet.range(2, 3),
                new FetchScope(true, true, false, true), OptionalLong.empty()).value();
        assertThat(copies.get(1).state().flags()).containsExactlyInAnyOrder("\\Flagged", "Work");
        assertThat(copies.get(1).envelope().orElseThrow().subject()).isEqualTo("three");
        assertThat(new String(readAll(copies.get(0).content().orElseThrow()), StandardCharsets.UTF_8))
                .endsWith("Body of one.\r\n");

        CopyOutcome none = store().copy(account(), "INBOX", UidSet.of(99), "Archive").value();
        assertThat(none.sourceUids()).isEmpty();
        assertThat(store().copy(account(), "INBOX", UidSet.all(), "Nothing").error()).contains(MailError.NOT_FOUND);
        assertThat(store().copy(account(), "Nothing", UidSet.all(), "INBOX").error()).contains(MailError.NOT_FOUND);
    }

    @Test
    default void moveIsCopyAndExpungeInOne() {
        deliver(account(), message("one"));
        deliver(account(), message("two"));
        MailboxStatus known = status("INBOX");

        CopyOutcome outcome = store().move(account(), "INBOX", UidSet.of(2), "Trash").value();

        assertThat(outcome.sourceUids()).containsExactly(2L);
        assertThat(outcome.targetUids()).containsExactly(1L);
        assertThat(uidsIn("INBOX")).containsExactly(1L);
        assertThat(uidsIn("Trash")).containsExactly(1L);
        assertThat(store().changes(account(), "INBOX", known.uidValidity(), known.highestModSeq(), known.uidNext(), false)
                .value().expungedUids()).containsExactly(2L);
        assertThat(store().move(account(), "INBOX", UidSet.of(2), "Trash").value().targetUids()).isEmpty();
    }

    static byte[] readAll(MessageContent content) {
        try {
            return content.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String slice(byte[] bytes, long from, long to) {
        return new String(java.util.Arrays.copyOfRange(bytes, (int) from, (int) to), StandardCharsets.UTF_8);
    }
}
