package org.posthorn.ejb.imap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.posthorn.ejb.testing.TestDatabase;
import org.posthorn.spi.MessageContent;
import org.posthorn.spi.imap.FetchScope;
import org.posthorn.spi.imap.FlagUpdate;
import org.posthorn.spi.imap.MailboxStoreListener;
import org.posthorn.spi.imap.UidSet;

/**
 * Every IMAP change and every delivery announces exactly the mailboxes it changed, by the names they
 * are stored under, once committed (ADR 0004); reads announce nothing.
 */
class MailboxChangeNotificationJpaTest {

    private static final String BOB = "bob@example.org";
    private static final String CAROL = "carol@example.org";

    private TestDatabase db;
    private ImapPostOffice po;
    private MailboxStoreListener store;

    @BeforeEach
    void createPostOffice() {
        db = new TestDatabase();
        po = new ImapPostOffice(db);
        po.createAccounts("example.org", BOB, CAROL);
        store = po.listener;
        po.notifier.take();
    }

    @AfterEach
    void closeDatabase() {
        db.close();
    }

    @Test
    void deliveryAnnouncesTheInboxOfEveryRecipient() {
        po.deliver(message("hello"), BOB, CAROL);

        assertThat(po.notifier.take()).containsExactlyInAnyOrder(BOB + "/INBOX", CAROL + "/INBOX");
    }

    @Test
    void appendAnnouncesTheMailboxUnderItsStoredName() {
        store.append(BOB, "inbox", Set.of(), Optional.empty(), MessageContent.of(message("one")));
        store.append(BOB, "Archive", Set.of("\\Seen"), Optional.empty(), MessageContent.of(message("two")));

        assertThat(po.notifier.take()).containsExactly(BOB + "/INBOX", BOB + "/Archive");
    }

    @Test
    void storeAnnouncesOnlyWhenAFlagChanges() {
        po.deliver(message("hello"), BOB);
        po.notifier.take();

        store.store(BOB, "INBOX", UidSet.all(), add("\\Seen"));
        assertThat(po.notifier.take()).containsExactly(BOB + "/INBOX");

        store.store(BOB, "INBOX", UidSet.all(), add("\\Seen"));
        assertThat(po.notifier.take()).isEmpty();
    }

    @Test
    void expungeAnnouncesOnlyWhenSomethingWasRemoved() {
        po.deliver(message("hello"), BOB);
        po.notifier.take();

        store.expunge(BOB, "INBOX", UidSet.all());
        assertThat(po.notifier.take()).isEmpty();

        store.store(BOB, "INBOX", UidSet.all(), add("\\Deleted"));
        po.notifier.take();
        store.expunge(BOB, "INBOX", UidSet.all());
        assertThat(po.notifier.take()).containsExactly(BOB + "/INBOX");
    }

    @Test
    void copyAnnouncesTheTargetAndMoveBothMailboxes() {
        po.deliver(message("hello"), BOB);
        po.notifier.take();

        store.copy(BOB, "INBOX", UidSet.all(), "Archive");
        assertThat(po.notifier.take()).containsExactly(BOB + "/Archive");

        store.move(BOB, "INBOX", UidSet.all(), "Trash");
        assertThat(po.notifier.take()).containsExactlyInAnyOrder(BOB + "/INBOX", BOB + "/Trash");
    }

    @Test
    void deletingAMailboxAnnouncesItEvenWhenEmpty() {
        store.create(BOB, "Projects");
        po.notifier.take();

        store.delete(BOB, "Projects");

        assertThat(po.notifier.take()).containsExactly(BOB + "/Projects");
    }

    @Test
    void renameAnnouncesTheOldNamesOfTheMailboxAndItsChildren() {
        store.create(BOB, "Projects/Alpha");
        po.notifier.take();

        store.rename(BOB, "Projects", "Work");

        assertThat(po.notifier.take()).containsExactlyInAnyOrder(BOB + "/Projects", BOB + "/Projects/Alpha");
    }

    @Test
    void renamingTheInboxAnnouncesTheInboxAndTheNewMailbox() {
        po.deliver(message("hello"), BOB);
        po.notifier.take();

        store.rename(BOB, "INBOX", "Old");

        assertThat(po.notifier.take()).containsExactlyInAnyOrder(BOB + "/INBOX", BOB + "/Old");
    }

    @Test
    void readingAnnouncesNothing() {
        po.deliver(message("hello"), BOB);
        po.notifier.take();

        store.list(BOB);
        store.status(BOB, "INBOX");
        store.open(BOB, "INBOX", false);
        store.fetch(BOB, "INBOX", UidSet.all(), new FetchScope(true, true, true, true), OptionalLong.empty());
        store.subscribe(BOB, "Archive", false);
        store.create(BOB, "New");

        assertThat(po.notifier.take()).isEmpty();
    }

    @Test
    void aChangeRolledBackAnnouncesNothing() {
        po.deliver(message("hello"), BOB);
        po.notifier.take();

        assertThatThrownBy(() -> db.inTransaction(() -> {
            po.mdb.store(BOB, "INBOX", UidSet.all(), add("\\Flagged"));
            po.mdb.copy(BOB, "INBOX", UidSet.all(), "Archive");
            throw new IllegalStateException("rolled back");
        })).isInstanceOf(IllegalStateException.class).hasMessage("rolled back");

        assertThat(po.notifier.take()).isEmpty();
        assertThat(store.status(BOB, "Archive").value().messages()).isZero();
    }

    private static FlagUpdate add(String flag) {
        return new FlagUpdate(FlagUpdate.Mode.ADD, Set.of(flag), OptionalLong.empty());
    }

    private static byte[] message(String subject) {
        return ("From: alice@sender.example\r\nSubject: " + subject + "\r\n\r\nBody\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }
}
