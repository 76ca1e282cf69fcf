package org.posthorn.ejb.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.posthorn.ejb.admin.AccountChanges;
import org.posthorn.ejb.admin.DomainChanges;
import org.posthorn.ejb.admin.Patch;
import org.posthorn.ejb.testing.Envelopes;
import org.posthorn.ejb.testing.PostOffice;
import org.posthorn.ejb.testing.TestDatabase;
import org.posthorn.spi.MessageContent;
import org.posthorn.spi.pop3.MaildropEntry;

/**
 * SMTP delivery, POP3 deletion and the admin's removals announce the mailboxes they change, under
 * the stored names, once committed (ADR 0004). The IMAP changes are in
 * {@code imap.MailboxChangeNotificationJpaTest}.
 */
class MailboxChangeNotificationTest {

    private static final String BOB = "bob@example.org";
    private static final String CAROL = "carol@example.org";
    private static final byte[] MESSAGE = "From: alice@sender.example\r\nSubject: Hi\r\n\r\nHi.\r\n"
            .getBytes(StandardCharsets.US_ASCII);

    private TestDatabase db;
    private PostOffice po;

    @BeforeEach
    void createPostOffice() {
        db = new TestDatabase();
        po = new PostOffice(db);
        db.inTransaction(() -> po.domains.put("example.org", DomainChanges.none()));
        for (String account : List.of(BOB, CAROL)) {
            db.inTransaction(() -> po.accounts.put(account, new AccountChanges(Patch.of("correct horse battery"),
                    Patch.absent(), Patch.absent(), Patch.absent(), Patch.absent())));
        }
        po.notifier.take();
    }

    @AfterEach
    void closeDatabase() {
        db.close();
    }

    @Test
    void smtpDeliveryAnnouncesTheStoredInboxOfEachAccountOnce() {
        deliver("Bob@Example.ORG", "bob@example.org", CAROL);

        assertThat(po.notifier.take()).containsExactlyInAnyOrder(BOB + "/INBOX", CAROL + "/INBOX");
    }

    @Test
    void aRefusedDeliveryAnnouncesNothing() {
        deliver("nobody@example.org");

        assertThat(po.notifier.take()).isEmpty();
    }

    @Test
    void pop3DeletionAtQuitAnnouncesTheInbox() {
        deliver(BOB);
        po.notifier.take();
        List<MaildropEntry> entries = db.inTransaction(() -> po.maildrop.list(BOB));

        db.inTransaction(() -> po.maildrop.delete(BOB, List.of(entries.get(0).messageId())));

        assertThat(po.notifier.take()).containsExactly(BOB + "/INBOX");
    }

    @Test
    void pop3QuitWithoutDeletionsAnnouncesNothing() {
        db.inTransaction(() -> po.maildrop.delete(BOB, List.of()));

        assertThat(po.notifier.take()).isEmpty();
    }

    @Test
    void removingAnAccountAnnouncesAllItsMailboxes() {
        deliver(BOB);
        po.notifier.take();

        db.inTransaction(() -> po.accounts.delete(BOB));

        assertThat(po.notifier.take()).contains(BOB + "/*").allMatch(a -> a.startsWith(BOB + "/"));
    }

    @Test
    void removingADomainWithItsAccountsAnnouncesEachAccount() {
        db.inTransaction(() -> po.domains.delete("example.org", true));

        assertThat(po.notifier.take()).contains(BOB + "/*", CAROL + "/*")
                .allMatch(a -> a.startsWith(BOB + "/") || a.startsWith(CAROL + "/"));
    }

    private void deliver(String... recipients) {
        db.inTransaction(() -> po.mta.deliver(Envelopes.to(recipients), MessageContent.of(MESSAGE)));
    }
}
