package org.posthorn.systemtest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.posthorn.ejb.relay.SmtpPeer;
import org.posthorn.systemtest.console.TestDnsServer;
import org.posthorn.systemtest.support.AdminApi;
import org.posthorn.systemtest.support.Await;
import org.posthorn.systemtest.support.Launcher;
import org.posthorn.systemtest.support.LineClient;
import org.posthorn.systemtest.support.StartTlsPeer;

/**
 * STARTTLS toward remote servers ({@code posthorn.relay.tls}), against the launcher-started server
 * on its own ports, since the shared test server relays without TLS. {@code tls.test}'s exchanger
 * offers STARTTLS with a self-signed certificate for another name ({@link StartTlsPeer});
 * {@code clear.test}'s does not offer it ({@link SmtpPeer}).
 * <ul>
 *   <li>{@code opportunistic}: encrypts whenever STARTTLS is offered, whatever the certificate says
 *       (RFC 7435: encrypt without authenticating; checking would only mean falling back to clear
 *       text, since MX certificates cannot be authenticated without DANE or MTA-STS), and delivers in
 *       clear text where it is not offered.</li>
 *   <li>{@code required}: nothing goes out in clear text; a server without STARTTLS is a temporary
 *       failure, so the message stays queued (retried until {@code posthorn.queue.max-age}, then
 *       bounced), like Postfix's {@code encrypt} level, which also does not authenticate.</li>
 * </ul>
 */
class RelayTlsIT {

    private static final int DNS_PORT = 15554;
    private static final int RELAY_PORT = 17056;
    private static final Path DATA = Path.of("target", "relay-tls-data");
    private static final Path LOG = Path.of("target", "relay-tls-it.log");
    private static final String DOMAIN = "tls-sender.test";
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private static TestDnsServer dns;
    private static StartTlsPeer tlsPeer;
    private static SmtpPeer clearPeer;

    @BeforeAll
    static void remoteWorld() throws Exception {
        dns = new TestDnsServer(DNS_PORT);
        dns.mx("tls.test", 10, "mx.tls.test");
        dns.a("mx.tls.test", "127.0.0.10");
        dns.mx("clear.test", 10, "mx.clear.test");
        dns.a("mx.clear.test", "127.0.0.11");
        tlsPeer = new StartTlsPeer(InetAddress.getByName("127.0.0.10"), RELAY_PORT, Path.of("target", "relay-tls-peer"));
        clearPeer = new SmtpPeer(InetAddress.getByName("127.0.0.11"), RELAY_PORT);
    }

    @AfterAll
    static void close() {
        dns.close();
        tlsPeer.close();
        clearPeer.close();
    }

    private static Launcher posthorn(String tls) {
        return new Launcher(7500, DATA, LOG, "tls-admin-secret", "-Dposthorn.hostname=tls.posthorn.test",
                "-Dposthorn.dns.servers=127.0.0.1:" + DNS_PORT, "-Dposthorn.relay.port=" + RELAY_PORT,
                "-Dposthorn.relay.tls=" + tls, "-Dposthorn.relay.timeout=10s", "-Dposthorn.queue.retry=2s");
    }

    @Test
    void opportunisticTlsEncryptsDespiteAnUntrustedCertificateAndOtherwiseDeliversInClearText() throws Exception {
        Launcher posthorn = posthorn("opportunistic");
        posthorn.deleteData();
        assertThat(posthorn.run("start")).as("posthorn start, see " + posthorn.log()).isZero();
        try {
            posthorn.adminApi().createDomainWithAccounts(DOMAIN, "tess");
            String secret = marker();
            String clear = marker();
            submit(posthorn, secret, "far@tls.test");
            submit(posthorn, clear, "far@clear.test");

            StartTlsPeer.Received overTls = await(() -> tlsPeer.received().stream()
                    .filter(r -> r.text().contains(secret)).findFirst(), "the message at mx.tls.test");
            assertThat(overTls.tlsProtocol()).as("protocol of the delivery").startsWith("TLSv1.");
            assertThat(overTls.recipients()).containsExactly("far@tls.test");
            SmtpPeer.Received inClear = await(() -> clearPeer.received().stream()
                    .filter(r -> r.text().contains(clear)).findFirst(), "the message at mx.clear.test");
            assertThat(inClear.recipients()).containsExactly("far@clear.test");
            await(() -> queue(posthorn).isEmpty() ? Optional.of(true) : Optional.empty(), "an empty queue");
        } finally {
            posthorn.run("stop");
        }
    }

    @Test
    void requiredTlsKeepsMailForAServerWithoutStartTlsQueuedAndStillEncryptsWithoutAuthenticating() throws Exception {
        Launcher posthorn = posthorn("required");
        posthorn.deleteData();
        assertThat(posthorn.run("start")).as("posthorn start, see " + posthorn.log()).isZero();
        try {
            posthorn.adminApi().createDomainWithAccounts(DOMAIN, "tess");
            String secret = marker();
            String clear = marker();
            submit(posthorn, secret, "far@tls.test");
            submit(posthorn, clear, "held@clear.test");

            StartTlsPeer.Received overTls = await(() -> tlsPeer.received().stream()
                    .filter(r -> r.text().contains(secret)).findFirst(), "the message at mx.tls.test");
            assertThat(overTls.tlsProtocol()).startsWith("TLSv1.");
            // Two attempts (the first at once, the second after 2 s): still queued, never sent in clear text.
            JsonObject held = await(() -> queue(posthorn).getValuesAs(JsonObject.class).stream()
                    .filter(e -> e.toString().contains("held@clear.test") && e.getInt("attempts") >= 2).findFirst(),
                    "two attempts toward mx.clear.test");
            assertThat(held.getString("lastError")).containsIgnoringCase("STARTTLS");
            assertThat(held.getJsonArray("recipients").getJsonObject(0).getString("state")).isEqualTo("PENDING");
            assertThat(clearPeer.received().stream().filter(r -> r.text().contains(clear))).isEmpty();
            System.out.println("required TLS toward a server without STARTTLS, queue entry: " + held);
        } finally {
            posthorn.run("stop");
        }
    }

    private static String marker() {
        return "tls-" + System.nanoTime();
    }

    /** Authenticated submission over loopback (AUTH PLAIN needs no TLS there) as tess@tls-sender.test. */
    private static void submit(Launcher posthorn, String marker, String to) {
        String login = "tess@" + DOMAIN;
        String plain = Base64.getEncoder().encodeToString(("\0" + login + "\0" + AdminApi.passwordOf("tess")).getBytes(UTF_8));
        try (var smtp = new LineClient(posthorn.port(2587))) {
            expect(smtp.readSmtpReply(), "220");
            smtp.send("EHLO client.posthorn.test");
            expect(smtp.readSmtpReply(), "250");
            smtp.send("AUTH PLAIN " + plain);
            expect(smtp.readSmtpReply(), "235");
            smtp.send("MAIL FROM:<" + login + ">");
            expect(smtp.readSmtpReply(), "250");
            smtp.send("RCPT TO:<" + to + ">");
            expect(smtp.readSmtpReply(), "250");
            smtp.send("DATA");
            expect(smtp.readSmtpReply(), "354");
            smtp.send("From: " + login);
            smtp.send("To: " + to);
            smtp.send("Subject: " + marker);
            smtp.send("");
            smtp.send("confidential " + marker);
            smtp.send(".");
            expect(smtp.readSmtpReply(), "250");
            smtp.send("QUIT");
        }
    }

    private static void expect(String reply, String code) {
        assertThat(reply).startsWith(code);
    }

    private static JsonArray queue(Launcher posthorn) {
        try (var reader = Json.createReader(new StringReader(posthorn.adminApi().get("/api/admin/queue").body()))) {
            return reader.readArray();
        }
    }

    private static <T> T await(Supplier<Optional<T>> probe, String what) throws InterruptedException {
        return Await.until(probe, PATIENCE, what);
    }
}
