package org.posthorn.ejb.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.posthorn.ejb.relay.RecipientResult.Kind;

/** The relay's SMTP client against peers on loopback addresses that answer as each test tells them. */
class SmtpRelayClientTest {

    private static final byte[] MESSAGE = ("Received: from a by b; Fri, 27 Nov 2026 10:00:00 +0000\r\n"
            + "From: bob@example.org\r\nSubject: relay\r\n\r\n.a line with a dot\r\n..two\r\nend\r\n")
            .getBytes(StandardCharsets.US_ASCII);

    private final SmtpRelayClient client = new SmtpRelayClient(new SmtpRelayClient.Options("mx.posthorn.test",
            Duration.ofSeconds(5), SmtpRelayClient.Tls.NONE, Optional.empty()));
    private final SmtpPeer first = new SmtpPeer(loopback(1), 0);
    private final SmtpPeer second = new SmtpPeer(loopback(2), 0);

    @AfterEach
    void close() {
        first.close();
        second.close();
    }

    @Test
    void oneConnectionDeliversEveryRecipientAndTheOctetsArriveAsQueued() {
        List<RecipientResult> results = client.send(List.of(hop(first, 1)), Optional.of("bob@example.org"),
                List.of("a@remote.example", "b@remote.example"), MESSAGE);

        assertThat(results).extracting(RecipientResult::kind).containsExactly(Kind.DELIVERED, Kind.DELIVERED);
        assertThat(results).extracting(RecipientResult::remoteMta).containsOnly("mx1.remote.example");
        assertThat(first.connections()).isEqualTo(1);
        SmtpPeer.Received received = first.received().get(0);
        assertThat(received.sender()).isEqualTo("bob@example.org");
        assertThat(received.recipients()).containsExactly("a@remote.example", "b@remote.example");
        assertThat(received.data()).isEqualTo(MESSAGE);
    }

    @Test
    void theNullSenderStaysNull() {
        client.send(List.of(hop(first, 1)), Optional.empty(), List.of("a@remote.example"), MESSAGE);

        assertThat(first.received().get(0).sender()).isEmpty();
    }

    @Test
    void eachRecipientGetsItsOwnAnswer() {
        first.rcptReply("gone@remote.example", "550 5.1.1 <gone@remote.example>: User unknown")
                .rcptReply("full@remote.example", "452 4.2.2 Mailbox full");

        List<RecipientResult> results = client.send(List.of(hop(first, 1), hop(second, 2)), Optional.of("bob@example.org"),
                List.of("ok@remote.example", "gone@remote.example", "full@remote.example"), MESSAGE);

        assertThat(results).extracting(RecipientResult::kind).containsExactly(Kind.DELIVERED, Kind.FAILED, Kind.DEFERRED);
        assertThat(results).extracting(RecipientResult::status).containsExactly("2.0.0", "5.1.1", "4.2.2");
        assertThat(results.get(1).diagnostic()).isEqualTo("smtp; 550 5.1.1 <gone@remote.example>: User unknown");
        assertThat(first.received()).hasSize(1);
        assertThat(first.received().get(0).recipients()).containsExactly("ok@remote.example");
        // A refused recipient is not tried at the next exchanger: its answer stands.
        assertThat(second.connections()).isZero();
    }

    @Test
    void aHostThatIsDownOrSaysTryLaterMakesWayForTheNext() throws IOException {
        int closed;
        try (ServerSocket probe = new ServerSocket(0, 1, loopback(1))) {
            closed = probe.getLocalPort();
        }
        first.mailReply("451 4.3.0 Try again later");
        Hop down = new Hop("mx0.remote.example", loopback(1), closed);

        List<RecipientResult> results = client.send(List.of(down, hop(first, 1), hop(second, 2)),
                Optional.of("bob@example.org"), List.of("a@remote.example"), MESSAGE);

        assertThat(results).extracting(RecipientResult::kind).containsExactly(Kind.DELIVERED);
        assertThat(results.get(0).remoteMta()).isEqualTo("mx2.remote.example");
        assertThat(first.connections()).isEqualTo(1);
        assertThat(second.received()).hasSize(1);
    }

    @Test
    void aGreetingThatRefusesIsTheNextHostsTurnAndWhenAllRefuseItIsDeferred() {
        first.greeting("421 4.3.2 Service not available");
        second.greeting("554 5.3.2 No thanks");

        List<RecipientResult> results = client.send(List.of(hop(first, 1), hop(second, 2)), Optional.of("bob@example.org"),
                List.of("a@remote.example"), MESSAGE);

        assertThat(results).extracting(RecipientResult::kind).containsExactly(Kind.DEFERRED);
        assertThat(results.get(0).status()).startsWith("4.");
        assertThat(results.get(0).diagnostic()).contains("mx2.remote.example");
    }

    @Test
    void aPermanentRefusalOfTheMessageFailsEveryoneAtOnce() {
        first.dataReply("554 5.6.0 Content rejected");

        List<RecipientResult> results = client.send(List.of(hop(first, 1), hop(second, 2)), Optional.of("bob@example.org"),
                List.of("a@remote.example", "b@remote.example"), MESSAGE);

        assertThat(results).extracting(RecipientResult::kind).containsExactly(Kind.FAILED, Kind.FAILED);
        assertThat(results).extracting(RecipientResult::status).containsOnly("5.6.0");
        assertThat(second.connections()).isZero();
    }

    @Test
    void aSmarthostGetsTheConfiguredLogin() {
        first.requireLogin("posthorn", "smarthost-secret");
        SmtpRelayClient withLogin = new SmtpRelayClient(new SmtpRelayClient.Options("mx.posthorn.test", Duration.ofSeconds(5),
                SmtpRelayClient.Tls.NONE, Optional.of(new SmtpRelayClient.Login("posthorn", "smarthost-secret"))));
        SmtpRelayClient withoutLogin = client;

        List<RecipientResult> refused = withoutLogin.send(List.of(hop(first, 1)), Optional.of("bob@example.org"),
                List.of("a@remote.example"), MESSAGE);
        List<RecipientResult> sent = withLogin.send(List.of(hop(first, 1)), Optional.of("bob@example.org"),
                List.of("a@remote.example"), MESSAGE);

        assertThat(refused).extracting(RecipientResult::kind).containsExactly(Kind.FAILED);
        assertThat(refused.get(0).status()).isEqualTo("5.7.0");
        assertThat(sent).extracting(RecipientResult::kind).containsExactly(Kind.DELIVERED);
        assertThat(first.logins()).containsExactly("posthorn");
        assertThat(new SmtpRelayClient.Login("posthorn", "smarthost-secret").toString()).doesNotContain("secret");
    }

    @Test
    void aSmarthostPasswordIsNeverSentWithoutTls() {
        first.requireLogin("posthorn", "smarthost-secret");
        SmtpRelayClient opportunistic = new SmtpRelayClient(new SmtpRelayClient.Options("mx.posthorn.test",
                Duration.ofSeconds(5), SmtpRelayClient.Tls.OPPORTUNISTIC,
                Optional.of(new SmtpRelayClient.Login("posthorn", "smarthost-secret"))));

        List<RecipientResult> results = opportunistic.send(List.of(hop(first, 1)), Optional.of("bob@example.org"),
                List.of("a@remote.example"), MESSAGE);

        // The peer offers no STARTTLS: nothing is sent, and it is worth trying again later, not a bounce.
        assertThat(results).extracting(RecipientResult::kind).containsExactly(Kind.DEFERRED);
        assertThat(first.logins()).isEmpty();
    }

    @Test
    void enhancedCodesAreTakenOnlyWhenTheyFitTheReply() {
        assertThat(SmtpRelayClient.statusOf("550 5.7.1 no", 5, "5.0.0")).isEqualTo("5.7.1");
        assertThat(SmtpRelayClient.statusOf("550 4.7.1 odd", 5, "5.0.0")).isEqualTo("5.0.0");
        assertThat(SmtpRelayClient.statusOf("550 User unknown", 5, "5.0.0")).isEqualTo("5.0.0");
    }

    private static Hop hop(SmtpPeer peer, int n) {
        return new Hop("mx" + n + ".remote.example", loopback(n), peer.port());
    }

    static InetAddress loopback(int n) {
        return FakeDns.loopback(n);
    }
}
