package org.posthorn.ejb.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.posthorn.ejb.admin.AccountChanges;
import org.posthorn.ejb.admin.DomainChanges;
import org.posthorn.ejb.admin.Patch;
import org.posthorn.ejb.directory.NoSuchEntryException;
import org.posthorn.ejb.dns.MxTarget;
import org.posthorn.ejb.relay.FakeDns;
import org.posthorn.ejb.relay.MailExchangers;
import org.posthorn.ejb.relay.RecipientResult;
import org.posthorn.ejb.relay.SmtpPeer;
import org.posthorn.ejb.relay.SmtpRelayClient;
import org.posthorn.ejb.testing.Beans;
import org.posthorn.ejb.testing.PostOffice;
import org.posthorn.ejb.testing.TestDatabase;
import org.posthorn.spi.ClientConnection;
import org.posthorn.spi.MailAddress;
import org.posthorn.spi.MessageContent;
import org.posthorn.spi.smtp.DeliveryOutcome;
import org.posthorn.spi.smtp.SmtpEnvelope;

/**
 * The outbound queue on the real mapping and H2, with the relay talking to an SMTP peer on
 * 127.0.0.1 that DNS (a fake) names as {@code remote.example}'s exchanger: attempts, retries,
 * per-recipient results, expiry, and the reports to the sender.
 */
class QueueJpaTest {

    private static final byte[] MESSAGE = ("From: Bob <bob@example.org>\r\nTo: x@remote.example\r\nSubject: Outbound\r\n"
            + "\r\nHello out there.\r\n").getBytes(StandardCharsets.US_ASCII);

    private TestDatabase db;
    private PostOffice po;
    private SmtpPeer peer;
    private final FakeDns dns = new FakeDns();
    private RelayWorker worker;

    @BeforeEach
    void createPostOffice() {
        db = new TestDatabase();
        po = new PostOffice(db);
        po.bootstrapAdmin("admin-password");
        db.inTransaction(() -> po.domains.put("example.org", DomainChanges.none()));
        db.inTransaction(() -> po.accounts.put("bob@example.org", new AccountChanges(Patch.of("correct horse battery"),
                Patch.absent(), Patch.absent(), Patch.absent(), Patch.absent())));
        peer = new SmtpPeer(FakeDns.loopback(1), 0);
        dns.mx("remote.example", new MxTarget(10, "mx.remote.example.")).a("mx.remote.example.", 1);
        dns.mx("nomail.example", new MxTarget(0, "."));
        RelaySetup setup = new RelaySetup(new MailExchangers(dns, new Random(), peer.port(), Optional.empty()),
                new SmtpRelayClient(new SmtpRelayClient.Options("mx.example.org", Duration.ofSeconds(5),
                        SmtpRelayClient.Tls.NONE, Optional.empty())), Duration.ofMinutes(10));
        worker = Beans.wire(RelayWorker.class, new TransactionalStore(db, po.queue), setup);
    }

    @AfterEach
    void close() {
        peer.close();
        db.close();
    }

    @Test
    void aSubmissionIsQueuedInTheSameTransactionAndDeliveredByOneAttempt() {
        DeliveryOutcome outcome = submit(Optional.of("bob@example.org"), "x@remote.example", "y@REMOTE.example");

        List<Long> requested = po.relayTrigger.take();
        assertThat(requested).hasSize(1);
        QueueEntryInfo queued = only();
        assertThat(queued.deliveryId()).isEqualTo(outcome.messageId());
        assertThat(queued.recipients()).extracting(QueueEntryInfo.Recipient::state)
                .containsOnly(RecipientState.PENDING);

        worker.attempt(requested.get(0));

        assertThat(peer.received()).hasSize(1);
        assertThat(peer.received().get(0).sender()).isEqualTo("bob@example.org");
        assertThat(peer.received().get(0).recipients()).containsExactly("x@remote.example", "y@remote.example");
        assertThat(peer.received().get(0).text()).endsWith(new String(MESSAGE, StandardCharsets.US_ASCII))
                .startsWith("Received: from client.example.org");
        assertThat(list()).isEmpty();
    }

    @Test
    void aTemporaryRefusalIsRetriedLaterAndADeliveredRecipientIsNeverSentAgain() {
        peer.rcptReply("later@remote.example", "451 4.7.1 Greylisted, try again later");
        submit(Optional.of("bob@example.org"), "now@remote.example", "later@remote.example");
        long id = po.relayTrigger.take().get(0);
        Instant before = Instant.now();

        worker.attempt(id);

        QueueEntryInfo waiting = only();
        assertThat(waiting.attempts()).isEqualTo(1);
        assertThat(waiting.recipients()).extracting(QueueEntryInfo.Recipient::state)
                .containsExactly(RecipientState.DELIVERED, RecipientState.PENDING);
        assertThat(waiting.recipients().get(1).status()).isEqualTo("4.7.1");
        assertThat(waiting.lastError()).contains("451 4.7.1 Greylisted");
        // posthorn.queue.retry starts with 1m.
        assertThat(waiting.nextAttempt()).isAfterOrEqualTo(before.plus(Duration.ofMinutes(1)).minusMillis(1));
        assertThat(db.inTransaction(() -> po.queue.triggerDue(Instant.now(), 10))).isZero();

        peer.rcptReply("later@remote.example", "250 2.1.5 Ok");
        assertThat(db.inTransaction(() -> po.queue.triggerDue(waiting.nextAttempt(), 10))).isEqualTo(1);
        worker.attempt(id);

        assertThat(peer.received()).extracting(SmtpPeer.Received::recipients)
                .containsExactly(List.of("now@remote.example"), List.of("later@remote.example"));
        assertThat(list()).isEmpty();
        assertThat(inbox("bob@example.org")).isEmpty();
    }

    @Test
    void aPermanentRefusalBouncesToALocalSenderWithTheRemoteStatus() {
        peer.rcptReply("gone@remote.example", "550 5.1.1 <gone@remote.example>: Recipient address rejected: User unknown");
        DeliveryOutcome outcome = submit(Optional.of("bob@example.org"), "gone@remote.example", "ok@remote.example");

        worker.attempt(po.relayTrigger.take().get(0));

        assertThat(list()).isEmpty();
        List<String> inbox = inbox("bob@example.org");
        assertThat(inbox).hasSize(1);
        String report = inbox.get(0);
        assertThat(report).startsWith("Return-Path: <>\r\n")
                .contains("Subject: Undelivered Mail Returned to Sender")
                .contains("Content-Type: multipart/report; report-type=delivery-status")
                .contains("Content-Type: message/delivery-status")
                .contains("Reporting-MTA: dns; localhost")
                .contains("X-Posthorn-Queue-ID: " + outcome.messageId())
                .contains("Final-Recipient: rfc822; gone@remote.example\r\nAction: failed\r\nStatus: 5.1.1\r\n"
                        + "Remote-MTA: dns; mx.remote.example\r\n"
                        + "Diagnostic-Code: smtp; 550 5.1.1 <gone@remote.example>: Recipient address rejected: User unknown")
                .doesNotContain("Final-Recipient: rfc822; ok@remote.example")
                .contains("Content-Type: text/rfc822-headers")
                .contains("Subject: Outbound")
                .doesNotContain("Hello out there.");
    }

    @Test
    void aNullMxFailsAtOnceAndAMessageFromTheNullSenderNeverBounces() {
        submit(Optional.empty(), "someone@nomail.example");

        worker.attempt(po.relayTrigger.take().get(0));

        assertThat(list()).isEmpty();
        assertThat(peer.connections()).isZero();
        assertThat(inbox("bob@example.org")).isEmpty();
        assertThat(po.relayTrigger.take()).isEmpty();
    }

    @Test
    void aRemoteSenderGetsTheBounceThroughTheQueueFromTheNullSender() {
        db.inTransaction(() -> po.aliases.put("fwd@example.org", List.of("someone@nomail.example")));
        SmtpEnvelope incoming = new SmtpEnvelope(new ClientConnection("smtp", new InetSocketAddress("192.0.2.1", 4000), false,
                Optional.empty()), "mx.sender.example", "ESMTP", Optional.of(MailAddress.of("alice@sender.example")),
                List.of(MailAddress.of("fwd@example.org")), "S9", Instant.now());
        assertThat(db.inTransaction(() -> po.mta.deliver(incoming, MessageContent.of(MESSAGE))).isAccepted()).isTrue();

        worker.attempt(po.relayTrigger.take().get(0));

        QueueEntryInfo bounce = only();
        assertThat(bounce.sender()).isNull();
        assertThat(bounce.recipients()).extracting(QueueEntryInfo.Recipient::address).containsExactly("alice@sender.example");
        assertThat(po.relayTrigger.take()).containsExactly(bounce.id());
    }

    @Test
    void anEntryThatOutlivesTheMaximumAgeFailsWithExpiryAndTheSenderIsToldOnceOfTheDelayBefore() {
        peer.rcptReply("slow@remote.example", "450 4.2.0 Mailbox busy");
        submit(Optional.of("bob@example.org"), "slow@remote.example");
        long id = po.relayTrigger.take().get(0);
        Instant created = only().created();

        worker.clock = Clock.fixed(created.plus(Duration.ofHours(5)), ZoneOffset.UTC);
        worker.attempt(id);
        worker.clock = Clock.fixed(created.plus(Duration.ofHours(6)), ZoneOffset.UTC);
        worker.attempt(id);

        List<String> inbox = inbox("bob@example.org");
        assertThat(inbox).hasSize(1);
        assertThat(inbox.get(0)).contains("Subject: Delayed Mail (still being retried)")
                .contains("Action: delayed\r\nStatus: 4.2.0").contains("Will-Retry-Until: ");
        assertThat(only().attempts()).isEqualTo(2);

        worker.clock = Clock.fixed(created.plus(Duration.ofDays(5)), ZoneOffset.UTC);
        worker.attempt(id);

        assertThat(list()).isEmpty();
        inbox = inbox("bob@example.org");
        assertThat(inbox).hasSize(2);
        assertThat(inbox.get(1)).contains("Action: failed\r\nStatus: 4.4.7")
                .contains("delivery time expired; last: smtp; 450 4.2.0 Mailbox busy");
    }

    @Test
    void anAttemptHoldsItsEntryAndTheAdministratorCanRetryOrDelete() {
        submit(Optional.of("bob@example.org"), "x@remote.example");
        long id = po.relayTrigger.take().get(0);
        Instant now = Instant.now();

        assertThat(db.inTransaction(() -> po.queue.claim(id, now, Duration.ofMinutes(5)))).isPresent();
        assertThat(db.inTransaction(() -> po.queue.claim(id, now, Duration.ofMinutes(5)))).isEmpty();
        assertThat(db.inTransaction(() -> po.queue.triggerDue(now.plus(Duration.ofMinutes(2)), 10))).isZero();
        assertThat(db.inTransaction(() -> po.queue.claim(id, now.plus(Duration.ofMinutes(6)), Duration.ofMinutes(5))))
                .isPresent();

        QueueEntryInfo retried = db.inTransaction(() -> po.queue.retryNow(id, now));
        assertThat(retried.nextAttempt()).isBeforeOrEqualTo(now);
        assertThat(po.relayTrigger.take()).containsExactly(id);
        assertThat(db.inTransaction(() -> po.queue.get(id)).recipients()).hasSize(1);

        db.inTransaction(() -> {
            po.queue.delete(id);
            return null;
        });
        assertThat(list()).isEmpty();
        assertThatThrownBy(() -> db.inTransaction(() -> po.queue.get(id))).isInstanceOf(NoSuchEntryException.class);
        assertThatThrownBy(() -> db.inTransaction(() -> po.queue.retryNow(id, now)))
                .isInstanceOf(NoSuchEntryException.class);
    }

    @Test
    void resultsForAnEntryDeletedMeanwhileAreDropped() {
        submit(Optional.of("bob@example.org"), "x@remote.example");
        long id = po.relayTrigger.take().get(0);
        db.inTransaction(() -> {
            po.queue.delete(id);
            return null;
        });

        db.inTransaction(() -> {
            po.queue.record(id, List.of(new RecipientResult("x@remote.example", RecipientResult.Kind.FAILED, "5.1.1",
                    "smtp; 550 no", "mx.remote.example")), Instant.now());
            return null;
        });

        assertThat(inbox("bob@example.org")).isEmpty();
    }

    private DeliveryOutcome submit(Optional<String> sender, String... recipients) {
        SmtpEnvelope envelope = new SmtpEnvelope(new ClientConnection("submission",
                new InetSocketAddress("203.0.113.5", 40000), true, Optional.of("bob@example.org")),
                "client.example.org", "ESMTPSA", sender.map(MailAddress::of), List.of(), "S1", Instant.now());
        for (String recipient : recipients) {
            envelope = envelope.withRecipient(MailAddress.of(recipient));
        }
        SmtpEnvelope complete = envelope;
        DeliveryOutcome outcome = db.inTransaction(() -> po.mta.deliver(complete, MessageContent.of(MESSAGE)));
        assertThat(outcome.isAccepted()).isTrue();
        return outcome;
    }

    private List<QueueEntryInfo> list() {
        return db.inTransaction(() -> po.queue.list());
    }

    private QueueEntryInfo only() {
        List<QueueEntryInfo> entries = list();
        assertThat(entries).hasSize(1);
        return entries.get(0);
    }

    private List<String> inbox(String account) {
        return db.inTransaction(() -> db.entityManager().createQuery("select m.blob.content from MailboxMessage m"
                                + " where m.mailbox.account.address = :a and m.mailbox.name = 'INBOX' order by m.uid",
                        byte[].class)
                .setParameter("a", account).getResultStream()
                .map(bytes -> new String(bytes, StandardCharsets.UTF_8)).toList());
    }

    /** The store as the container calls it for the worker: each call in a transaction of its own. */
    private static final class TransactionalStore extends QueueStore {

        private final TestDatabase db;
        private final QueueStore store;

        TransactionalStore(TestDatabase db, QueueStore store) {
            this.db = db;
            this.store = store;
        }

        @Override
        public Optional<Attempt> claim(long id, Instant now, Duration lease) {
            return db.inTransaction(() -> store.claim(id, now, lease));
        }

        @Override
        public void record(long id, List<RecipientResult> results, Instant now) {
            db.inTransaction(() -> {
                store.record(id, results, now);
                return null;
            });
        }
    }
}
