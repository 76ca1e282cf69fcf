package org.posthorn.ejb.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.posthorn.ejb.directory.ConflictException;
import org.posthorn.ejb.testing.PostOffice;
import org.posthorn.ejb.testing.TestDatabase;
import org.posthorn.spi.ClientConnection;
import org.posthorn.spi.MailAddress;
import org.posthorn.spi.MessageContent;
import org.posthorn.spi.smtp.SmtpEnvelope;

/** The admin console's queries (usage, search, paging, folders, status, queue headers) on the real mapping and H2. */
class ConsoleQueriesJpaTest {

    private static final byte[] MESSAGE = ("From: a@sender.example\r\nSubject: Hi\r\n\r\nHello.\r\n")
            .getBytes(StandardCharsets.US_ASCII);

    private TestDatabase db;
    private PostOffice po;

    @BeforeEach
    void createPostOffice() {
        db = new TestDatabase();
        po = new PostOffice(db);
        db.inTransaction(() -> po.domains.put("one.example", DomainChanges.none()));
        db.inTransaction(() -> po.domains.put("two.example", DomainChanges.none()));
        for (String address : List.of("alice@one.example", "bob@one.example", "Carol.X@one.example", "dave@two.example")) {
            db.inTransaction(() -> po.accounts.put(address, new AccountChanges(Patch.of("long enough password"),
                    Patch.absent(), Patch.absent(), Patch.absent(), Patch.absent())));
        }
        db.inTransaction(() -> po.accounts.put("bob@one.example", new AccountChanges(Patch.absent(),
                Patch.of("Robert 100%_Sure"), Patch.of(1000L), Patch.absent(), Patch.absent())));
    }

    @AfterEach
    void closeDatabase() {
        db.close();
    }

    @Test
    void usageIsCountedPerDomainAndAccount() {
        deliver("alice@one.example", "bob@one.example");
        deliver("alice@one.example");

        List<DomainInfo> domains = db.inTransaction(() -> po.domains.list());
        assertThat(domains).extracting(DomainInfo::name, DomainInfo::accountCount, DomainInfo::messageCount)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("one.example", 3L, 3L),
                        org.assertj.core.groups.Tuple.tuple("two.example", 1L, 0L));
        assertThat(domains.get(0).storageBytes()).isGreaterThan(3L * MESSAGE.length);
        assertThat(domains.get(1).storageBytes()).isZero();

        AccountInfo alice = db.inTransaction(() -> po.accounts.get("alice@one.example"));
        assertThat(alice.messageCount()).isEqualTo(2);
        assertThat(alice.usedBytes()).isGreaterThan(2L * MESSAGE.length).isLessThan(domains.get(0).storageBytes());
    }

    @Test
    void foldersWithCounts() {
        deliver("alice@one.example");
        List<FolderInfo> folders = db.inTransaction(() -> po.accounts.folders("alice@one.example"));
        assertThat(folders).extracting(FolderInfo::name).contains("INBOX", "Sent", "Trash");
        FolderInfo inbox = folders.stream().filter(f -> f.name().equals("INBOX")).findFirst().orElseThrow();
        assertThat(inbox.messages()).isEqualTo(1);
        assertThat(inbox.unseen()).isEqualTo(1);
        assertThat(inbox.bytes()).isGreaterThan(MESSAGE.length);
        assertThat(folders.stream().filter(f -> f.name().equals("Sent")).findFirst().orElseThrow().messages()).isZero();
    }

    @Test
    void searchMatchesAddressOrDisplayNameIgnoringCaseAndWildcards() {
        assertThat(search("one.example", "CAROL")).extracting(AccountInfo::address).containsExactly("carol.x@one.example");
        assertThat(search("one.example", "robert")).extracting(AccountInfo::address).containsExactly("bob@one.example");
        assertThat(search("one.example", "100%_s")).extracting(AccountInfo::address).containsExactly("bob@one.example");
        assertThat(search("one.example", "%")).extracting(AccountInfo::address).containsExactly("bob@one.example");
        assertThat(search("one.example", "_")).extracting(AccountInfo::address).containsExactly("bob@one.example");
        assertThat(search("one.example", "dave")).isEmpty();
        assertThat(db.inTransaction(() -> po.accounts.search(Optional.empty(), "dave", 0, 10)).total()).isEqualTo(1);
    }

    @Test
    void pagesAndTotal() {
        AccountPage first = db.inTransaction(() -> po.accounts.search(Optional.of("one.example"), null, 0, 2));
        AccountPage second = db.inTransaction(() -> po.accounts.search(Optional.of("one.example"), null, 2, 2));
        assertThat(first.total()).isEqualTo(3);
        assertThat(first.accounts()).extracting(AccountInfo::address).containsExactly("alice@one.example", "bob@one.example");
        assertThat(second.accounts()).extracting(AccountInfo::address).containsExactly("carol.x@one.example");
        assertThat(second.offset()).isEqualTo(2);
    }

    @Test
    void createNeverChangesAnExistingAccount() {
        assertThatThrownBy(() -> db.inTransaction(() -> po.accounts.create("ALICE@one.example", new AccountChanges(
                Patch.of("another password"), Patch.absent(), Patch.absent(), Patch.absent(), Patch.absent()))))
                .isInstanceOf(ConflictException.class).hasMessageContaining("already exists");
    }

    @Test
    void submissionsCountAsSentOncePerMessageAndRemoteOnesFillTheQueue() {
        ServerStatus before = db.inTransaction(() -> po.status.status());
        deliver("alice@one.example");
        submit("alice@one.example", "bob@one.example", "x@remote.example", "y@remote.example");
        submit("alice@one.example", "bob@one.example");

        ServerStatus after = db.inTransaction(() -> po.status.status());
        assertThat(after.sentToday() - before.sentToday()).as("two submissions, the plain delivery is not sent mail")
                .isEqualTo(2);
        assertThat(after.sentPerDay()).hasSize(StatusReport.DAYS);
        assertThat(after.sentPerDay().get(StatusReport.DAYS - 1).messages()).isEqualTo(after.sentToday());
        assertThat(after.receivedToday() - before.receivedToday()).as("alice once, bob twice").isEqualTo(3);
        assertThat(after.queueDepth() - before.queueDepth()).as("one entry for both remote recipients").isEqualTo(1);
    }

    @Test
    void aQueuedMessageShowsItsHeaderSectionOnlyAndAnUnknownEntryIsRefused() {
        submit("alice@one.example", "x@remote.example");
        long id = db.inTransaction(() -> po.queue.list()).get(0).id();

        String headers = db.inTransaction(() -> po.queueHeaders.of(id));
        assertThat(headers).startsWith("Received: ").contains("\nSubject: Hi\n").endsWith("\n")
                .doesNotContain("Hello.").doesNotContain("\r");
        assertThatThrownBy(() -> db.inTransaction(() -> po.queueHeaders.of(id + 1000)))
                .isInstanceOf(org.posthorn.ejb.directory.NoSuchEntryException.class);
    }

    @Test
    void aliasesAreListedAndCountedPerDomainWithTheCatchAll() {
        db.inTransaction(() -> po.aliases.put("team@one.example", List.of("alice@one.example", "x@remote.example")));
        db.inTransaction(() -> po.aliases.put("@one.example", List.of("bob@one.example")));
        db.inTransaction(() -> po.aliases.put("sales@two.example", List.of("dave@two.example")));

        assertThat(db.inTransaction(() -> po.aliases.list("ONE.example")))
                .extracting(AliasInfo::address, AliasInfo::catchAll)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("@one.example", true),
                        org.assertj.core.groups.Tuple.tuple("team@one.example", false));
        assertThat(db.inTransaction(() -> po.aliases.list(null))).hasSize(3);
        assertThat(db.inTransaction(() -> po.domains.list())).extracting(DomainInfo::aliasCount).containsExactly(2L, 1L);
        assertThat(db.inTransaction(() -> po.domains.get("two.example")).aliasCount()).isEqualTo(1);
    }

    @Test
    void aTargetThatIsNotAnAddressIsRefusedAsATargetSayingWhich() {
        assertThatThrownBy(() -> db.inTransaction(() -> po.aliases.put("team@one.example",
                List.of("alice@one.example", "not an address"))))
                .isInstanceOf(InvalidTargetException.class).hasMessageStartingWith("target 'not an address': ");
        assertThatThrownBy(() -> db.inTransaction(() -> po.aliases.put("team@one.example", List.of())))
                .isInstanceOf(InvalidTargetException.class);
        assertThatThrownBy(() -> db.inTransaction(() -> po.aliases.put("bad address@one.example",
                List.of("alice@one.example"))))
                .isInstanceOf(org.posthorn.ejb.directory.InvalidInputException.class)
                .isNotInstanceOf(InvalidTargetException.class);
    }

    private List<AccountInfo> search(String domain, String text) {
        return db.inTransaction(() -> po.accounts.search(Optional.of(domain), text, 0, 50)).accounts();
    }

    /** Authenticated submission, as a mail client sends. */
    private void submit(String account, String... recipients) {
        SmtpEnvelope envelope = new SmtpEnvelope(new ClientConnection("submission",
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 40001), true, Optional.of(account)),
                "client.one.example", "ESMTPA", Optional.of(MailAddress.of(account)), List.of(), "S2", Instant.now());
        for (String recipient : recipients) {
            envelope = envelope.withRecipient(MailAddress.of(recipient));
        }
        SmtpEnvelope complete = envelope;
        assertThat(db.inTransaction(() -> po.mta.deliver(complete, MessageContent.of(MESSAGE))).isAccepted()).isTrue();
    }

    private void deliver(String... recipients) {
        SmtpEnvelope envelope = new SmtpEnvelope(new ClientConnection("smtp",
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 40000), false, Optional.empty()),
                "client.sender.example", "ESMTP", Optional.of(MailAddress.of("a@sender.example")), List.of(), "S1",
                Instant.now());
        for (String recipient : recipients) {
            envelope = envelope.withRecipient(MailAddress.of(recipient));
        }
        SmtpEnvelope complete = envelope;
        assertThat(db.inTransaction(() -> po.mta.deliver(complete, MessageContent.of(MESSAGE))).isAccepted()).isTrue();
    }
}
