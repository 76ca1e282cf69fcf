package org.posthorn.ejb.mta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.posthorn.ejb.admin.AccountChanges;
import org.posthorn.ejb.admin.AliasInfo;
import org.posthorn.ejb.admin.DomainChanges;
import org.posthorn.ejb.admin.Patch;
import org.posthorn.ejb.directory.ConflictException;
import org.posthorn.ejb.directory.InvalidInputException;
import org.posthorn.ejb.directory.NoSuchEntryException;
import org.posthorn.ejb.queue.QueuedMessage;
import org.posthorn.ejb.queue.QueuedRecipient;
import org.posthorn.ejb.queue.RecipientState;
import org.posthorn.ejb.testing.PostOffice;
import org.posthorn.ejb.testing.TestDatabase;
import org.posthorn.spi.ClientConnection;
import org.posthorn.spi.MailAddress;
import org.posthorn.spi.MailError;
import org.posthorn.spi.MessageContent;
import org.posthorn.spi.smtp.DeliveryOutcome;
import org.posthorn.spi.smtp.SmtpEnvelope;

/**
 * Recipient resolution, sender ownership, loop detection and the split between local delivery and
 * the outbound queue, on the real mapping and an H2 database, called as the wire calls the MTA.
 */
class RoutingJpaTest {

    private static final byte[] MESSAGE = ("From: Bob <bob@example.org>\r\n"
            + "To: someone@remote.example\r\n"
            + "Subject: Routing\r\n"
            + "\r\n"
            + "Hello.\r\n").getBytes(StandardCharsets.US_ASCII);

    private TestDatabase db;
    private PostOffice po;

    @BeforeEach
    void createPostOffice() {
        db = new TestDatabase();
        po = new PostOffice(db);
        po.bootstrapAdmin("admin-password");
        db.inTransaction(() -> po.domains.put("example.org", DomainChanges.none()));
        db.inTransaction(() -> po.domains.put("other.example", DomainChanges.none()));
        createAccount("bob@example.org");
        createAccount("carol@example.org");
        createAccount("dave@other.example");
    }

    @AfterEach
    void closeDatabase() {
        db.close();
    }

    @Test
    void anAliasGoesToLocalAndRemoteTargets() {
        alias("team@example.org", "bob@example.org", "Carol@Example.org", "friend@remote.example");

        assertThat(verdict("team@example.org", false)).isEmpty();
        DeliveryOutcome outcome = deliver(false, "team@example.org");

        assertThat(outcome.isAccepted()).isTrue();
        assertThat(inboxCount("bob@example.org")).isEqualTo(1);
        assertThat(inboxCount("carol@example.org")).isEqualTo(1);
        QueuedMessage queued = onlyQueued();
        assertThat(queued.getRecipients()).extracting(QueuedRecipient::getAddress).containsExactly("friend@remote.example");
        assertThat(queued.getRecipients()).extracting(QueuedRecipient::getState).containsOnly(RecipientState.PENDING);
        assertThat(queued.getSender()).contains("bob@example.org");
        assertThat(queued.getDeliveryId()).isEqualTo(outcome.messageId());
        String content = new String(queued.getContent(), StandardCharsets.US_ASCII);
        // Return-Path belongs to the final delivery (RFC 5321 §4.4), not to what is relayed.
        assertThat(content).startsWith("Received: from client.example.org").doesNotContain("Return-Path:");
        assertThat(content).endsWith(new String(MESSAGE, StandardCharsets.US_ASCII));
    }

    @Test
    void theCatchAllTakesOnlyWhatNothingElseTakes() {
        assertThat(verdict("nobody@example.org", false)).contains(MailError.NOT_FOUND);
        alias("@example.org", "carol@example.org");

        assertThat(verdict("nobody@example.org", false)).isEmpty();
        deliver(false, "nobody@example.org", "bob@example.org", "postmaster@example.org");

        assertThat(inboxCount("carol@example.org")).isEqualTo(1);
        assertThat(inboxCount("bob@example.org")).isEqualTo(1);
        // postmaster is a role address of every domain: it goes to admin, not to the catch-all.
        assertThat(inboxCount("admin")).isEqualTo(1);
        assertThat(verdict("nobody@other.example", false)).contains(MailError.NOT_FOUND);
        assertThat(queuedCount()).isZero();
    }

    @Test
    void plusAddressingReachesTheUserOrTheirAlias() {
        alias("sales@example.org", "carol@example.org");

        deliver(false, "Bob+Lists@example.org", "sales+web@example.org");

        assertThat(inboxCount("bob@example.org")).isEqualTo(1);
        assertThat(inboxCount("carol@example.org")).isEqualTo(1);
        assertThat(verdict("nobody+x@example.org", false)).contains(MailError.NOT_FOUND);
    }

    @Test
    void aliasCyclesEndAndAnAliasThatLeadsNowhereIsUnknown() {
        alias("a@example.org", "b@example.org");
        alias("b@example.org", "a@example.org", "dave@other.example");
        alias("ghost@example.org", "gone@example.org");

        deliver(false, "a@example.org");

        assertThat(inboxCount("dave@other.example")).isEqualTo(1);
        assertThat(verdict("ghost@example.org", false)).contains(MailError.NOT_FOUND);
    }

    @Test
    void onlyAuthenticatedClientsMayRelay() {
        assertThat(verdict("someone@remote.example", false)).contains(MailError.NO_PERMISSION);
        assertThat(verdict("someone@remote.example", true)).isEmpty();

        db.inTransaction(() -> po.domains.put("other.example", new DomainChanges(Patch.of(false))));
        assertThat(verdict("dave@other.example", false)).contains(MailError.NO_PERMISSION);
    }

    @Test
    void aSubmissionIsQueuedForRemoteAndStoredForLocalRecipientsInOneGo() {
        DeliveryOutcome outcome = deliver(true, "someone@remote.example", "carol@example.org", "SOMEONE@remote.example");

        assertThat(outcome.isAccepted()).isTrue();
        assertThat(inboxCount("carol@example.org")).isEqualTo(1);
        QueuedMessage queued = onlyQueued();
        assertThat(queued.getRecipients()).extracting(QueuedRecipient::getAddress).containsExactly("someone@remote.example");
        String content = new String(queued.getContent(), StandardCharsets.US_ASCII);
        String top = content.substring(0, content.indexOf("From: Bob"));
        // RFC 6409 §8: Date and Message-ID added when missing; the client's address left out of Received.
        assertThat(top.replace("\r\n\t", " ")).contains("with ESMTPSA id " + outcome.messageId())
                .contains("\r\nDate: ")
                .contains("\r\nMessage-ID: <" + outcome.messageId() + "@localhost>\r\n")
                .doesNotContain("203.0.113.5");
    }

    @Test
    void aSubmissionKeepsItsOwnDateAndMessageId() {
        byte[] complete = ("Date: Fri, 27 Nov 2026 10:00:00 +0000\r\nMessage-ID: <own@example.org>\r\n"
                + new String(MESSAGE, StandardCharsets.US_ASCII)).getBytes(StandardCharsets.US_ASCII);

        deliver(true, complete, "someone@remote.example");

        String content = new String(onlyQueued().getContent(), StandardCharsets.US_ASCII);
        assertThat(content.split("\r\nDate: ", -1)).hasSize(2);
        assertThat(content.split("\r\nMessage-ID: ", -1)).hasSize(2);
    }

    @Test
    void mailFromTheInternetKeepsTheClientAddressAndGetsNoFixUps() {
        deliver(false, "carol@example.org");

        String stored = db.inTransaction(() -> new String(db.entityManager().createQuery(
                "select m.blob.content from MailboxMessage m", byte[].class).getSingleResult(), StandardCharsets.US_ASCII));
        assertThat(stored).contains("([203.0.113.5])").doesNotContain("Message-ID: <");
    }

    @Test
    void moreThanFiftyReceivedFieldsWithOursIsALoopAndNothingIsStoredOrQueued() {
        alias("team@example.org", "bob@example.org", "friend@remote.example");

        DeliveryOutcome looping = deliver(false, withReceived(50), "team@example.org");
        DeliveryOutcome notYet = deliver(false, withReceived(49), "carol@example.org");

        assertThat(looping.error()).contains(MailError.INVALID);
        assertThat(inboxCount("bob@example.org")).isZero();
        assertThat(queuedCount()).isZero();
        assertThat(notYet.isAccepted()).isTrue();
    }

    @Test
    void anAuthenticatedUserSendsOnlyAsAnAddressTheyOwn() {
        alias("team@example.org", "bob@example.org", "carol@example.org");
        alias("@example.org", "bob@example.org");

        assertThat(sender("bob@example.org", "bob@example.org")).isEmpty();
        assertThat(sender("bob@example.org", "Bob+news@Example.org")).isEmpty();
        assertThat(sender("bob@example.org", "team@example.org")).isEmpty();
        assertThat(sender("bob@example.org", null)).isEmpty();
        assertThat(sender("bob@example.org", "carol@example.org")).contains(MailError.NO_PERMISSION);
        // The catch-all takes unknown addresses' mail; it does not make them the target's to send from.
        assertThat(sender("bob@example.org", "anything@example.org")).contains(MailError.NO_PERMISSION);
        assertThat(sender("bob@example.org", "bob@remote.example")).contains(MailError.NO_PERMISSION);
        assertThat(sender("admin", "postmaster@example.org")).isEmpty();
        assertThat(sender(null, "carol@example.org")).isEmpty();
    }

    @Test
    void aliasAdministration() {
        AliasInfo created = db.inTransaction(() -> po.aliases.put("Team@Example.ORG",
                List.of("bob@example.org", "BOB@example.org", "x@remote.example"))).value();
        assertThat(created.address()).isEqualTo("team@example.org");
        assertThat(created.targets()).containsExactly("bob@example.org", "x@remote.example");
        assertThat(db.inTransaction(() -> po.aliases.put("team@example.org", List.of("carol@example.org"))).created())
                .isFalse();
        assertThat(db.inTransaction(() -> po.aliases.get("team@example.org")).targets()).containsExactly("carol@example.org");
        assertThat(db.inTransaction(() -> po.aliases.put("@Example.org", List.of("carol@example.org"))).value().catchAll())
                .isTrue();
        assertThat(db.inTransaction(() -> po.aliases.list("example.org"))).extracting(AliasInfo::address)
                .containsExactly("@example.org", "team@example.org");

        assertThatThrownBy(() -> db.inTransaction(() -> po.aliases.put("bob@example.org", List.of("carol@example.org"))))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> db.inTransaction(() -> po.aliases.put("x@example.org", List.of())))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> db.inTransaction(() -> po.aliases.put("x@example.org", List.of("x@example.org"))))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> db.inTransaction(() -> po.aliases.put("x@nowhere.example", List.of("bob@example.org"))))
                .isInstanceOf(NoSuchEntryException.class);

        db.inTransaction(() -> {
            po.aliases.delete("team@example.org");
            return null;
        });
        assertThatThrownBy(() -> db.inTransaction(() -> po.aliases.get("team@example.org")))
                .isInstanceOf(NoSuchEntryException.class);
        db.inTransaction(() -> {
            po.domains.delete("example.org", true);
            return null;
        });
        assertThat(db.inTransaction(() -> po.aliases.list(null))).isEmpty();
    }

    private void createAccount(String address) {
        db.inTransaction(() -> po.accounts.put(address, new AccountChanges(Patch.of("correct horse battery"),
                Patch.absent(), Patch.absent(), Patch.absent(), Patch.absent())));
    }

    private void alias(String address, String... targets) {
        db.inTransaction(() -> po.aliases.put(address, List.of(targets)));
    }

    private Optional<MailError> verdict(String recipient, boolean authenticated) {
        return db.inTransaction(() -> po.mta.checkRecipient(envelope(authenticated), MailAddress.of(recipient)).error());
    }

    private Optional<MailError> sender(String user, String address) {
        SmtpEnvelope transaction = new SmtpEnvelope(client(Optional.ofNullable(user)), "client.example.org", "ESMTPSA",
                Optional.ofNullable(address).map(MailAddress::of), List.of(), "S2", Instant.now());
        return db.inTransaction(() -> po.mta.checkSender(transaction).error());
    }

    private DeliveryOutcome deliver(boolean authenticated, String... recipients) {
        return deliver(authenticated, MESSAGE, recipients);
    }

    private DeliveryOutcome deliver(boolean authenticated, byte[] message, String... recipients) {
        SmtpEnvelope envelope = envelope(authenticated);
        for (String recipient : recipients) {
            envelope = envelope.withRecipient(MailAddress.of(recipient));
        }
        SmtpEnvelope complete = envelope;
        return db.inTransaction(() -> po.mta.deliver(complete, MessageContent.of(message)));
    }

    private static byte[] withReceived(int count) {
        return ("Received: from a.example by b.example; Fri, 27 Nov 2026 10:00:00 +0000\r\n".repeat(count)
                + new String(MESSAGE, StandardCharsets.US_ASCII)).getBytes(StandardCharsets.US_ASCII);
    }

    private long inboxCount(String account) {
        return db.inTransaction(() -> db.entityManager().createQuery(
                        "select count(m) from MailboxMessage m where m.mailbox.account.address = :a and m.mailbox.name = 'INBOX'",
                        Long.class)
                .setParameter("a", account).getSingleResult());
    }

    private long queuedCount() {
        return db.inTransaction(() -> db.entityManager().createQuery("select count(q) from QueuedMessage q", Long.class)
                .getSingleResult());
    }

    private QueuedMessage onlyQueued() {
        return db.inTransaction(() -> db.entityManager().createQuery("select q from QueuedMessage q", QueuedMessage.class)
                .getSingleResult());
    }

    private static SmtpEnvelope envelope(boolean authenticated) {
        return new SmtpEnvelope(client(authenticated ? Optional.of("bob@example.org") : Optional.empty()),
                "client.example.org", authenticated ? "ESMTPSA" : "ESMTP", Optional.of(MailAddress.of("bob@example.org")),
                List.of(), "S1", Instant.now());
    }

    private static ClientConnection client(Optional<String> user) {
        return new ClientConnection(user.isPresent() ? "submission" : "smtp", new InetSocketAddress("203.0.113.5", 40000),
                user.isPresent(), user);
    }
}
