package org.posthorn.systemtest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Supplier;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.posthorn.ejb.relay.SmtpPeer;
import org.posthorn.systemtest.console.TestDnsServer;
import org.posthorn.systemtest.support.AdminApi;
import org.posthorn.systemtest.support.Await;
import org.posthorn.systemtest.support.Pop3Mailbox;
import org.posthorn.systemtest.support.Ports;
import org.posthorn.systemtest.support.PosthornDeployment;

/**
 * Sending mail to the world (issue 4) against the deployed EAR: authenticated submission, MX routing
 * through a DNS server on loopback ({@link TestDnsServer}), delivery to SMTP peers on 127.0.0.2 and
 * 127.0.0.3 that answer as each test tells them, retries, bounces (RFC 3464) in the sender's INBOX,
 * the queue's admin API, aliases, and what stays refused. arquillian.xml points the relay at port
 * {@value #RELAY_PORT} without TLS and retries after 2 s, then after an hour.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RelayIT {

    static final int RELAY_PORT = 17025;
    private static final String DOMAIN = "relay.test";
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private static TestDnsServer dns;
    /** mx1.pref.test, mx.plain.test: the preferred exchanger. */
    private static SmtpPeer primary;
    /** mx2.pref.test, mx2.down.test: the backup. */
    private static SmtpPeer backup;
    private static final AdminApi api = AdminApi.forTestServer();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return PosthornDeployment.ear();
    }

    @BeforeAll
    static void remoteWorld() throws Exception {
        dns = new TestDnsServer();
        dns.mx("pref.test", 20, "mx2.pref.test");
        dns.mx("pref.test", 10, "mx1.pref.test");
        dns.a("mx1.pref.test", "127.0.0.2");
        dns.a("mx2.pref.test", "127.0.0.3");
        // Nothing listens on 127.0.0.4.
        dns.mx("down.test", 10, "mx1.down.test");
        dns.mx("down.test", 20, "mx2.down.test");
        dns.a("mx1.down.test", "127.0.0.4");
        dns.a("mx2.down.test", "127.0.0.3");
        dns.a("plain.test", "127.0.0.2");
        dns.mx("nomail.test", 0, ".");
        primary = new SmtpPeer(InetAddress.getByName("127.0.0.2"), RELAY_PORT);
        backup = new SmtpPeer(InetAddress.getByName("127.0.0.3"), RELAY_PORT);
        api.createDomainWithAccounts(DOMAIN, "rita", "sam");
    }

    @AfterAll
    static void close() {
        dns.close();
        primary.close();
        backup.close();
    }

    @Test
    void submissionReachesThePreferredExchanger() throws Exception {
        String marker = marker();
        submit("rita", "rita@relay.test", marker, "x@pref.test");

        SmtpPeer.Received received = await(() -> find(primary, marker), "the message at mx1.pref.test");
        assertThat(received.sender()).isEqualTo("rita@relay.test");
        assertThat(received.recipients()).containsExactly("x@pref.test");
        assertThat(received.text()).contains("by mx.posthorn.test (Posthorn)").contains("with ESMTPA")
                .doesNotContain("[127.0.0.1]").contains("Message-ID: <");
        assertThat(find(backup, marker)).isEmpty();
    }

    @Test
    void anExchangerThatRefusesConnectionsMakesWayForTheNextAndADomainWithoutMxIsItsOwn() throws Exception {
        String down = marker();
        String plain = marker();
        submit("rita", "rita@relay.test", down, "y@down.test");
        submit("rita", "rita@relay.test", plain, "z@plain.test");

        assertThat(await(() -> find(backup, down), "the message at mx2.down.test").recipients())
                .containsExactly("y@down.test");
        assertThat(await(() -> find(primary, plain), "the message at plain.test").recipients())
                .containsExactly("z@plain.test");
    }

    @Test
    void aNullMxBouncesToTheSendersInbox() throws Exception {
        String marker = marker();
        submit("rita", "rita@relay.test", marker, "n@nomail.test");

        String report = await(() -> inboxMessage("rita", marker), "the bounce in rita's INBOX");
        assertThat(report).contains("Content-Type: multipart/report; report-type=delivery-status")
                .contains("Final-Recipient: rfc822; n@nomail.test").contains("Action: failed").contains("Status: 5.1.10");
    }

    @Test
    void aTemporaryRefusalIsRetriedAndAPermanentOneBouncesWhileTheOthersAreDelivered() throws Exception {
        String marker = marker();
        primary.rcptReply("grey@pref.test", "451 4.7.1 Greylisted, come back later")
                .rcptReply("gone@pref.test", "550 5.1.1 <gone@pref.test>: Recipient address rejected: User unknown");
        submit("rita", "rita@relay.test", marker, "ok@pref.test", "grey@pref.test", "gone@pref.test");

        await(() -> find(primary, marker), "the first delivery");
        String report = await(() -> inboxMessage("rita", marker), "the bounce for gone@pref.test");
        assertThat(report).contains("Final-Recipient: rfc822; gone@pref.test").contains("Status: 5.1.1")
                .contains("Diagnostic-Code: smtp; 550 5.1.1 <gone@pref.test>")
                .doesNotContain("Final-Recipient: rfc822; ok@pref.test")
                .doesNotContain("Final-Recipient: rfc822; grey@pref.test");
        assertThat(find(primary, marker).orElseThrow().recipients()).containsExactly("ok@pref.test");

        primary.rcptReply("grey@pref.test", "250 2.1.5 Ok");
        SmtpPeer.Received retried = await(() -> primary.received().stream()
                .filter(r -> r.text().contains(marker) && r.recipients().contains("grey@pref.test")).findFirst(),
                "the retry for grey@pref.test");
        // Delivered once each: ok@ is not sent again with the retry.
        assertThat(retried.recipients()).containsExactly("grey@pref.test");
    }

    @Test
    void theAdministratorSeesTheQueueRetriesNowAndDeletes() throws Exception {
        String kept = marker();
        String dropped = marker();
        primary.rcptReply("held@pref.test", "451 4.3.0 Not now").rcptReply("dropped@pref.test", "451 4.3.0 Not now");
        submit("rita", "rita@relay.test", kept, "held@pref.test");
        submit("rita", "rita@relay.test", dropped, "dropped@pref.test");
        // Two attempts: the first at once, the second 2 s later; the next would be an hour later.
        JsonObject held = await(() -> queueEntry("held@pref.test").filter(e -> e.getInt("attempts") >= 2), "two attempts");
        JsonObject gone = await(() -> queueEntry("dropped@pref.test").filter(e -> e.getInt("attempts") >= 1), "an attempt");
        assertThat(held.getString("sender")).isEqualTo("rita@relay.test");
        assertThat(held.getString("lastError")).contains("451 4.3.0 Not now");
        assertThat(held.getJsonArray("recipients").getJsonObject(0).getString("state")).isEqualTo("PENDING");

        assertThat(api.delete("/api/admin/queue/" + gone.getJsonNumber("id").longValue()).statusCode()).isEqualTo(204);
        assertThat(api.get("/api/admin/queue/" + gone.getJsonNumber("id").longValue()).statusCode()).isEqualTo(404);
        primary.rcptReply("held@pref.test", "250 2.1.5 Ok");
        HttpResponse<String> retry = api.sendRaw(api.unauthenticated("/api/admin/queue/" + held.getJsonNumber("id").longValue()
                        + "/retry").header("Authorization", AdminApi.basic("admin", AdminApi.TEST_ADMIN_PASSWORD))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(retry.statusCode()).isEqualTo(200);

        assertThat(await(() -> find(primary, kept), "the retried message").recipients()).containsExactly("held@pref.test");
        assertThat(queueEntry("dropped@pref.test")).isEmpty();
    }

    @Test
    void aliasesCatchAllAndPlusAddressingRoute() throws Exception {
        assertThat(api.put("/api/admin/aliases/team@relay.test", "{\"targets\": [\"sam@relay.test\", \"ext@pref.test\"]}")
                .statusCode()).isEqualTo(201);
        assertThat(api.put("/api/admin/aliases/@relay.test", "{\"targets\": [\"sam@relay.test\"]}").statusCode())
                .isEqualTo(201);
        JsonObject alias = object(api.get("/api/admin/aliases/team@relay.test").body());
        assertThat(alias.getJsonArray("targets").getValuesAs(JsonValue::toString))
                .containsExactly("\"sam@relay.test\"", "\"ext@pref.test\"");
        String toTeam = marker();
        String toNobody = marker();
        String toPlus = marker();

        receive("outsider@elsewhere.test", toTeam, "team@relay.test");
        receive("outsider@elsewhere.test", toNobody, "nobody@relay.test");
        receive("outsider@elsewhere.test", toPlus, "sam+lists@relay.test");

        await(() -> inboxMessage("sam", toTeam), "the alias's local copy");
        await(() -> inboxMessage("sam", toNobody), "the catch-all's copy");
        await(() -> inboxMessage("sam", toPlus), "the plus-addressed copy");
        SmtpPeer.Received forwarded = await(() -> find(primary, toTeam), "the alias's remote copy");
        assertThat(forwarded.sender()).isEqualTo("outsider@elsewhere.test");
        assertThat(forwarded.recipients()).containsExactly("ext@pref.test");

        assertThat(api.delete("/api/admin/aliases/@relay.test").statusCode()).isEqualTo(204);
        assertThat(api.get("/api/admin/aliases/@relay.test").statusCode()).isEqualTo(404);
    }

    @Test
    void aMailLoopIsRefusedAndNeverDelivered() {
        StringBuilder looping = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            looping.append("Received: from hop").append(i).append(".example by hop").append(i + 1)
                    .append(".example; Fri, 27 Nov 2026 10:00:00 +0000\r\n");
        }
        looping.append("Subject: loop\r\n\r\nround and round\r\n");

        assertThatThrownBy(() -> receiveRaw("outsider@elsewhere.test", looping.toString().getBytes(UTF_8), "sam@relay.test"))
                .isInstanceOf(SMTPSendFailedException.class)
                .satisfies(e -> assertThat(((SMTPSendFailedException) e).getReturnCode()).isEqualTo(554));
    }

    @Test
    void aSenderTheUserDoesNotOwnIsRefused() {
        assertThatThrownBy(() -> submit("rita", "sam@relay.test", marker(), "x@pref.test"))
                .isInstanceOf(SMTPSendFailedException.class)
                .hasMessageContaining("553 5.7.1");
    }

    @Test
    void withoutAuthenticationNothingIsRelayedOnEitherPort() {
        assertThatThrownBy(() -> receive("outsider@elsewhere.test", marker(), "x@pref.test"))
                .isInstanceOf(MessagingException.class)
                .satisfies(e -> assertThat(addressFailure(e)).hasValueSatisfying(f -> assertThat(f.getReturnCode()).isEqualTo(550)));
        assertThatThrownBy(() -> send(Ports.submission(), Optional.empty(), "rita@relay.test",
                message(marker()), "x@pref.test"))
                .isInstanceOf(SMTPSendFailedException.class)
                .hasMessageContaining("530 5.7.0 Authentication required");
    }

    // --- helpers

    private static String marker() {
        return "relay-" + System.nanoTime();
    }

    private static byte[] message(String marker) {
        return ("From: someone@relay.test\r\nTo: whoever@pref.test\r\nSubject: " + marker + "\r\n\r\nbody of " + marker
                + "\r\n").getBytes(UTF_8);
    }

    /** Authenticated submission (port 587 + offset) as {@code user}@relay.test, over loopback, where AUTH needs no TLS. */
    private static void submit(String user, String from, String marker, String... to) throws MessagingException {
        send(Ports.submission(), Optional.of(user + "@" + DOMAIN), from, message(marker), to);
    }

    /** Plain SMTP from the outside (port 25 + offset). */
    private static void receive(String from, String marker, String... to) throws MessagingException {
        receiveRaw(from, message(marker), to);
    }

    private static void receiveRaw(String from, byte[] raw, String... to) throws MessagingException {
        send(Ports.smtp(), Optional.empty(), from, raw, to);
    }

    private static void send(int port, Optional<String> login, String from, byte[] raw, String... to)
            throws MessagingException {
        Properties properties = new Properties();
        properties.put("mail.smtp.localhost", "client.posthorn.test");
        properties.put("mail.smtp.from", from);
        properties.put("mail.smtp.auth", Boolean.toString(login.isPresent()));
        properties.put("mail.smtp.connectiontimeout", "10000");
        properties.put("mail.smtp.timeout", "30000");
        Session session = Session.getInstance(properties);
        MimeMessage message = new MimeMessage(session, new java.io.ByteArrayInputStream(raw));
        Address[] recipients = new Address[to.length];
        for (int i = 0; i < to.length; i++) {
            recipients[i] = new InternetAddress(to[i]);
        }
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect("127.0.0.1", port, login.orElse(null),
                    login.map(l -> AdminApi.passwordOf(l.substring(0, l.indexOf('@')))).orElse(null));
            transport.sendMessage(message, recipients);
        }
    }

    private static Optional<SMTPAddressFailedException> addressFailure(Throwable failure) {
        for (Exception next = (Exception) failure; next != null;
             next = next instanceof MessagingException m ? m.getNextException() : null) {
            if (next instanceof SMTPAddressFailedException address) {
                return Optional.of(address);
            }
        }
        return Optional.empty();
    }

    private static Optional<SmtpPeer.Received> find(SmtpPeer peer, String marker) {
        return peer.received().stream().filter(r -> r.text().contains(marker)).findFirst();
    }

    private static Optional<String> inboxMessage(String user, String marker) {
        try (var pop = new Pop3Mailbox(Ports.pop3(), user + "@" + DOMAIN, AdminApi.passwordOf(user))) {
            Optional<String> found = Optional.empty();
            int count = pop.count();
            for (int i = 1; i <= count && found.isEmpty(); i++) {
                String text = new String(pop.retrieve(i), UTF_8);
                if (text.contains(marker)) {
                    found = Optional.of(text);
                }
            }
            pop.quit();
            return found;
        }
    }

    private static Optional<JsonObject> queueEntry(String recipient) {
        JsonArray entries;
        try (var reader = Json.createReader(new StringReader(api.get("/api/admin/queue").body()))) {
            entries = reader.readArray();
        }
        return entries.getValuesAs(JsonObject.class).stream()
                .filter(e -> e.getJsonArray("recipients").getValuesAs(JsonObject.class).stream()
                        .anyMatch(r -> r.getString("address").equals(recipient)))
                .findFirst();
    }

    private static JsonObject object(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    /** Polls until {@code probe} finds something; fails after {@link #PATIENCE}. Asserts nothing about time. */
    private static <T> T await(Supplier<Optional<T>> probe, String what) throws InterruptedException {
        return Await.until(probe, PATIENCE, what);
    }
}
