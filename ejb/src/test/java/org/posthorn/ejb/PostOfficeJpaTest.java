package org.posthorn.ejb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.EntityManager;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.posthorn.ejb.admin.AccountChanges;
import org.posthorn.ejb.admin.DomainChanges;
import org.posthorn.ejb.admin.Patch;
import org.posthorn.ejb.directory.ConflictException;
import org.posthorn.ejb.directory.InvalidInputException;
import org.posthorn.ejb.directory.NoSuchEntryException;
import org.posthorn.ejb.directory.Role;
import org.posthorn.ejb.store.Mailbox;
import org.posthorn.ejb.store.MailboxMessage;
import org.posthorn.ejb.testing.Beans;
import org.posthorn.ejb.testing.PostOffice;
import org.posthorn.ejb.testing.TestDatabase;
import org.posthorn.spi.ClientConnection;
import org.posthorn.spi.MailAddress;
import org.posthorn.spi.MailError;
import org.posthorn.spi.MessageContent;
import org.posthorn.spi.auth.AuthenticationResult;
import org.posthorn.spi.auth.Credentials;
import org.posthorn.spi.pop3.MaildropEntry;
import org.posthorn.spi.smtp.DeliveryOutcome;
import org.posthorn.spi.smtp.SmtpEnvelope;

/**
 * The post office's beans on the real mapping and a real (H2) database, called as the wire calls
 * them: one transaction per call.
 */
class PostOfficeJpaTest {

    private static final String PASSWORD = "correct horse battery";
    private static final byte[] MESSAGE = ("From: Alice <alice@sender.example>\r\n"
            + "To: bob@example.org\r\n"
            + "Subject: Hello\r\n"
            + "Message-ID: <m1@sender.example>\r\n"
            + "\r\n"
            + "Hi Bob.\r\n").getBytes(StandardCharsets.US_ASCII);

    private TestDatabase db;
    private PostOffice po;

    @BeforeEach
    void createPostOffice() {
        db = new TestDatabase();
        po = new PostOffice(db);
        po.bootstrapAdmin("admin-password");
        db.inTransaction(() -> po.domains.put("Example.ORG", DomainChanges.none()));
        createAccount("bob@example.org");
        createAccount("carol@example.org");
    }

    @AfterEach
    void closeDatabase() {
        db.close();
    }

    @Test
    void bootstrapCreatesAdminWithStandardMailboxesOnlyOnce() {
        db.inTransaction(() -> Beans.invoke(po.bootstrap, "ensureAdminAccount"));

        List<Object[]> mailboxes = db.inTransaction(() -> em().createQuery(
                "select m.name, m.specialUse from Mailbox m where m.account.address = 'admin' order by m.name",
                Object[].class).getResultList());
        assertThat(mailboxes).extracting(row -> row[0] + " " + row[1]).containsExactly(
                "Archive \\Archive", "Drafts \\Drafts", "INBOX null", "Junk \\Junk", "Sent \\Sent", "Trash \\Trash");
        assertThat(login("ADMIN", "admin-password").account()).contains("admin");
        assertThat(db.inTransaction(() -> po.accounts.get("admin")).role()).isEqualTo(Role.ADMIN);
    }

    @Test
    void recipientPolicy() {
        assertThat(verdict("bob@example.org")).isEmpty();
        assertThat(verdict("BOB@Example.Org")).isEmpty();
        assertThat(verdict("postmaster@example.org")).isEmpty();
        assertThat(verdict("Abuse@example.org")).isEmpty();
        assertThat(verdict("nobody@example.org")).contains(MailError.NOT_FOUND);
        assertThat(verdict("bob@elsewhere.example")).contains(MailError.NO_PERMISSION);

        db.inTransaction(() -> po.accounts.put("carol@example.org", changes(Patch.absent(), Patch.of(false))));
        assertThat(verdict("carol@example.org")).contains(MailError.NOT_FOUND);

        db.inTransaction(() -> po.domains.put("example.org", new DomainChanges(Patch.of(false))));
        assertThat(verdict("bob@example.org")).contains(MailError.NO_PERMISSION);
        assertThat(verdict("postmaster@example.org")).contains(MailError.NO_PERMISSION);
    }

    @Test
    void oneDeliveryToSeveralRecipientsSharesOneBlobAndStoresTraceHeaders() {
        DeliveryOutcome outcome = deliver(MESSAGE, "bob@example.org", "BOB@example.org", "carol@example.org",
                "postmaster@example.org");

        assertThat(outcome.isAccepted()).isTrue();
        List<MailboxMessage> stored = db.inTransaction(() -> {
            List<MailboxMessage> messages = em().createQuery(
                    "select m from MailboxMessage m join fetch m.mailbox mb join fetch mb.account join fetch m.blob"
                            + " order by mb.account.address", MailboxMessage.class).getResultList();
            return messages;
        });
        assertThat(stored).extracting(m -> m.getMailbox().getAccount().getAddress())
                .containsExactly("admin", "bob@example.org", "carol@example.org");
        assertThat(stored).extracting(m -> m.getMailbox().getName()).containsOnly(Mailbox.INBOX);
        assertThat(stored).extracting(MailboxMessage::getUid).containsOnly(1L);
        assertThat(stored).extracting(m -> m.getBlob().getId()).containsOnly(stored.get(0).getBlob().getId());
        assertThat(count("MessageBlob")).isEqualTo(1);

        byte[] bytes = stored.get(0).getBlob().getContent();
        String text = new String(bytes, StandardCharsets.US_ASCII);
        assertThat(text).startsWith("Return-Path: <alice@sender.example>\r\nReceived: from client.sender.example"
                + " ([127.0.0.1]) by localhost (Posthorn)\r\n\twith ESMTP id " + outcome.messageId() + "; ");
        // Four recipients: no "for" clause that would show one recipient the others.
        assertThat(text.substring(0, text.indexOf("From:"))).doesNotContain("for <");
        assertThat(Arrays.copyOfRange(bytes, bytes.length - MESSAGE.length, bytes.length)).isEqualTo(MESSAGE);
        assertThat(stored.get(0).getSize()).isEqualTo(bytes.length);
        assertThat(stored.get(0).getSummary().getSubject()).isEqualTo("Hello");
        assertThat(stored.get(0).getSummary().getMessageId()).isEqualTo("<m1@sender.example>");
    }

    @Test
    void aDeliveryWhoseRecipientsAllVanishedIsRefused() {
        db.inTransaction(() -> po.accounts.delete("bob@example.org"));

        DeliveryOutcome outcome = deliver(MESSAGE, "bob@example.org");

        assertThat(outcome.error()).contains(MailError.NOT_FOUND);
        assertThat(count("MessageBlob")).isZero();
    }

    @Test
    void concurrentDeliveriesToOneInboxGetDistinctAscendingUids() throws Exception {
        int deliveries = 20;
        ExecutorService pool = Executors.newFixedThreadPool(deliveries);
        try {
            List<Callable<DeliveryOutcome>> tasks = new ArrayList<>();
            for (int i = 0; i < deliveries; i++) {
                tasks.add(() -> deliver(MESSAGE, "bob@example.org"));
            }
            for (Future<DeliveryOutcome> outcome : pool.invokeAll(tasks, 2, TimeUnit.MINUTES)) {
                assertThat(outcome.get().isAccepted()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }

        List<Long> uids = db.inTransaction(() -> em().createQuery("select m.uid from MailboxMessage m"
                + " where m.mailbox.account.address = 'bob@example.org' order by m.uid", Long.class).getResultList());
        assertThat(uids).containsExactlyElementsOf(
                java.util.stream.LongStream.rangeClosed(1, deliveries).boxed().toList());
        Mailbox inbox = inbox("bob@example.org");
        assertThat(inbox.getUidNext()).isEqualTo(deliveries + 1);
        assertThat(inbox.getHighestModSeq()).isEqualTo(deliveries + 1);
    }

    @Test
    void maildropListsRetrievesAndDeletesAndReleasesTheSharedBlobWithItsLastEntry() {
        deliver(MESSAGE, "bob@example.org", "carol@example.org");
        deliver("Subject: second\r\n\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII), "bob@example.org");

        List<MaildropEntry> bobs = db.inTransaction(() -> po.maildrop.list("bob@example.org"));
        List<MaildropEntry> carols = db.inTransaction(() -> po.maildrop.list("carol@example.org"));
        long uidValidity = inbox("bob@example.org").getUidValidity();
        assertThat(bobs).extracting(MaildropEntry::uniqueId).containsExactly(uidValidity + ".1", uidValidity + ".2");
        assertThat(carols).hasSize(1);

        Optional<MessageContent> first = db.inTransaction(() -> po.maildrop.retrieve("bob@example.org",
                bobs.get(0).messageId()));
        assertThat(first).isPresent();
        assertThat(first.get().size()).isEqualTo(bobs.get(0).size());
        assertThat(new String(readAll(first.get()), StandardCharsets.US_ASCII)).startsWith("Return-Path: <alice@")
                .endsWith("Hi Bob.\r\n");
        // Another account's message id reads as not existing.
        assertThat(db.inTransaction(() -> po.maildrop.retrieve("carol@example.org", bobs.get(0).messageId())))
                .isEmpty();

        long modSeqBefore = inbox("bob@example.org").getHighestModSeq();
        assertThat(db.inTransaction(() -> po.maildrop.delete("bob@example.org",
                List.of(bobs.get(0).messageId(), bobs.get(1).messageId(), 999_999L)))).isEmpty();
        assertThat(db.inTransaction(() -> po.maildrop.list("bob@example.org"))).isEmpty();
        assertThat(inbox("bob@example.org").getHighestModSeq()).isGreaterThan(modSeqBefore);
        assertThat(count("MessageBlob")).isEqualTo(1); // carol still has the first message

        db.inTransaction(() -> po.maildrop.delete("carol@example.org", List.of(carols.get(0).messageId())));
        assertThat(count("MessageBlob")).isZero();
    }

    @Test
    void authentication() {
        assertThat(login("BOB@Example.ORG", PASSWORD).account()).contains("bob@example.org");
        assertThat(login("bob@example.org", "wrong password").error()).contains(MailError.AUTHENTICATION_FAILED);
        assertThat(login("nobody@example.org", PASSWORD).error()).contains(MailError.AUTHENTICATION_FAILED);
        assertThat(login("not an address", PASSWORD).error()).contains(MailError.AUTHENTICATION_FAILED);

        db.inTransaction(() -> po.domains.put("example.org", new DomainChanges(Patch.of(false))));
        assertThat(login("bob@example.org", PASSWORD).error()).contains(MailError.AUTHENTICATION_FAILED);
    }

    @Test
    void accountUpdatesChangeOnlyWhatIsGiven() {
        db.inTransaction(() -> po.accounts.put("bob@example.org", new AccountChanges(Patch.of("new password 1"),
                Patch.of("Bob B."), Patch.of(1_000_000L), Patch.absent(), Patch.absent())));

        var bob = db.inTransaction(() -> po.accounts.get("Bob@Example.org"));
        assertThat(bob.displayName()).isEqualTo("Bob B.");
        assertThat(bob.quotaBytes()).isEqualTo(1_000_000L);
        assertThat(bob.enabled()).isTrue();
        assertThat(login("bob@example.org", "new password 1").succeeded()).isTrue();

        db.inTransaction(() -> po.accounts.put("bob@example.org", new AccountChanges(Patch.absent(),
                Patch.of(null), Patch.absent(), Patch.absent(), Patch.absent())));
        var cleared = db.inTransaction(() -> po.accounts.get("bob@example.org"));
        assertThat(cleared.displayName()).isNull();
        assertThat(cleared.quotaBytes()).isEqualTo(1_000_000L);
    }

    @Test
    void directoryRefusals() {
        assertThatThrownBy(() -> db.inTransaction(() -> po.accounts.put("dave@unknown.example",
                changes(Patch.of(PASSWORD), Patch.absent())))).isInstanceOf(ConflictException.class)
                .hasMessageContaining("not a local domain");
        assertThatThrownBy(() -> db.inTransaction(() -> po.accounts.put("dave@example.org",
                changes(Patch.absent(), Patch.absent())))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("password is required");
        assertThatThrownBy(() -> db.inTransaction(() -> po.accounts.put("dave@example.org",
                changes(Patch.of("short"), Patch.absent())))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> db.inTransaction(() -> po.accounts.get("dave@example.org")))
                .isInstanceOf(NoSuchEntryException.class);
        assertThatThrownBy(() -> db.inTransaction(() -> po.accounts.delete("admin")))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> db.inTransaction(() -> po.accounts.put("admin", changes(Patch.absent(), Patch.of(false)))))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> db.inTransaction(() -> po.domains.delete("example.org", false)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("still has 2 account(s)");
        assertThatThrownBy(() -> db.inTransaction(() -> po.domains.delete("nowhere.example", false)))
                .isInstanceOf(NoSuchEntryException.class);
    }

    @Test
    void domainsListWithAccountCountsAndCascadeDeletesAccountsAndMail() {
        assertThat(db.inTransaction(() -> po.domains.put("example.org", DomainChanges.none())).created()).isFalse();
        assertThat(db.inTransaction(() -> po.domains.put("second.example", DomainChanges.none())).created()).isTrue();
        assertThat(db.inTransaction(() -> po.domains.list()))
                .extracting(d -> d.name() + "=" + d.accountCount())
                .containsExactly("example.org=2", "second.example=0");
        deliver(MESSAGE, "bob@example.org", "carol@example.org", "postmaster@example.org");

        db.inTransaction(() -> po.domains.delete("example.org", true));

        assertThat(db.inTransaction(() -> po.accounts.list(Optional.empty())))
                .extracting(a -> a.address()).containsExactly("admin");
        assertThat(count("Mailbox")).isEqualTo(6); // admin's
        assertThat(count("MailboxMessage")).isEqualTo(1); // the copy for postmaster, in admin's INBOX
        assertThat(count("MessageBlob")).isEqualTo(1);
    }

    @Test
    void reopeningTheDatabaseKeepsTheMail() {
        deliver(MESSAGE, "bob@example.org");

        try (TestDatabase restarted = db.reopen()) {
            long messages = restarted.inTransaction(() -> restarted.entityManager()
                    .createQuery("select count(m) from MailboxMessage m", Long.class).getSingleResult());
            assertThat(messages).isEqualTo(1);
        }
    }

    // --- helpers

    private EntityManager em() {
        return db.entityManager();
    }

    private void createAccount(String address) {
        db.inTransaction(() -> po.accounts.put(address, changes(Patch.of(PASSWORD), Patch.absent())));
    }

    private static AccountChanges changes(Patch<String> password, Patch<Boolean> enabled) {
        return new AccountChanges(password, Patch.absent(), Patch.absent(), enabled, Patch.absent());
    }

    private Optional<MailError> verdict(String recipient) {
        return db.inTransaction(() -> po.mta.checkRecipient(envelope(), MailAddress.of(recipient)).error());
    }

    private DeliveryOutcome deliver(byte[] message, String... recipients) {
        SmtpEnvelope envelope = envelope();
        for (String recipient : recipients) {
            envelope = envelope.withRecipient(MailAddress.of(recipient));
        }
        SmtpEnvelope complete = envelope;
        return db.inTransaction(() -> po.mta.deliver(complete, MessageContent.of(message)));
    }

    private AuthenticationResult login(String login, String password) {
        return db.inTransaction(() -> po.authentication.authenticate(new Credentials(login, password, client())));
    }

    private Mailbox inbox(String account) {
        return db.inTransaction(() -> em().createQuery(
                        "select m from Mailbox m where m.account.address = :a and m.name = 'INBOX'", Mailbox.class)
                .setParameter("a", account).getSingleResult());
    }

    private long count(String entity) {
        return db.inTransaction(() -> em().createQuery("select count(e) from " + entity + " e", Long.class)
                .getSingleResult());
    }

    private static SmtpEnvelope envelope() {
        return new SmtpEnvelope(client(), "client.sender.example", "ESMTP",
                Optional.of(MailAddress.of("alice@sender.example")), List.of(), "S1", Instant.now());
    }

    private static ClientConnection client() {
        return new ClientConnection("smtp", new InetSocketAddress(InetAddress.getLoopbackAddress(), 40000), false,
                Optional.empty());
    }

    private static byte[] readAll(MessageContent content) {
        try {
            return content.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
