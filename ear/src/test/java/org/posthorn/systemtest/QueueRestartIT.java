package org.posthorn.systemtest;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.posthorn.ejb.relay.SmtpPeer;
import org.posthorn.systemtest.console.TestDnsServer;
import org.posthorn.systemtest.support.AdminApi;
import org.posthorn.systemtest.support.Await;
import org.posthorn.systemtest.support.Launcher;
import org.posthorn.systemtest.support.LineClient;

/**
 * The outbound queue survives a crash: a message the remote domain keeps refusing with {@code 4xx}
 * sits in the queue, the server is SIGKILLed, the remote domain recovers, the server starts again
 * and delivers it, once. Run with the launcher on its own ports and data directory, like
 * {@link LauncherDurabilityIT}, with the relay pointed at an SMTP peer on 127.0.0.5.
 */
class QueueRestartIT {

    private static final int RELAY_PORT = 17026;
    private static final Launcher POSTHORN = new Launcher(6500, Path.of("target", "queue-restart-data"),
            Path.of("target", "queue-restart-it.log"), "queue-admin-secret", "-Dposthorn.hostname=restart.posthorn.test",
            "-Dposthorn.dns.servers=127.0.0.1:" + TestDnsServer.PORT, "-Dposthorn.relay.port=" + RELAY_PORT,
            "-Dposthorn.relay.tls=none", "-Dposthorn.relay.timeout=10s", "-Dposthorn.queue.retry=2s");

    private static TestDnsServer dns;
    private static SmtpPeer peer;

    @BeforeAll
    static void start() throws Exception {
        POSTHORN.deleteData();
        dns = new TestDnsServer();
        dns.mx("later.test", 10, "mx.later.test");
        dns.a("mx.later.test", "127.0.0.5");
        peer = new SmtpPeer(InetAddress.getByName("127.0.0.5"), RELAY_PORT);
    }

    @AfterAll
    static void stop() throws Exception {
        POSTHORN.run("stop");
        dns.close();
        peer.close();
    }

    @Test
    void aQueuedMessageIsDeliveredAfterACrashAndRestart() throws Exception {
        assertThat(POSTHORN.run("start")).as("posthorn start, see " + POSTHORN.log()).isZero();
        AdminApi api = POSTHORN.adminApi();
        api.createDomainWithAccounts("restart.test", "una");
        api.put("/api/admin/aliases/fwd@restart.test", "{\"targets\": [\"far@later.test\"]}");
        peer.rcptReply("far@later.test", "451 4.3.0 Not today");

        String marker = "restart-" + System.nanoTime();
        try (var smtp = new LineClient(POSTHORN.port(2525))) {
            assertThat(smtp.readSmtpReply()).startsWith("220");
            smtp.sendRaw(("EHLO client.posthorn.test\r\nMAIL FROM:<sender@elsewhere.test>\r\n"
                    + "RCPT TO:<fwd@restart.test>\r\nDATA\r\n").getBytes(US_ASCII));
            smtp.readSmtpReply();
            smtp.readSmtpReply();
            assertThat(smtp.readSmtpReply()).startsWith("250");
            assertThat(smtp.readSmtpReply()).startsWith("354");
            smtp.sendRaw(("Subject: " + marker + "\r\n\r\nmust wait and survive\r\n.\r\n").getBytes(US_ASCII));
            assertThat(smtp.readSmtpReply()).startsWith("250");
        }
        await(() -> api.get("/api/admin/queue").body().contains("\"attempts\":2") ? Optional.of(true) : Optional.empty(),
                "two refused attempts");

        long pid = POSTHORN.serverPid();
        ProcessHandle server = ProcessHandle.of(pid).orElseThrow();
        // SIGKILL: no shutdown, nothing flushed that was not flushed already.
        assertThat(server.destroyForcibly()).isTrue();
        server.onExit().get(30, TimeUnit.SECONDS);
        peer.rcptReply("far@later.test", "250 2.1.5 Ok");

        assertThat(POSTHORN.run("start")).as("second start after SIGKILL, see " + POSTHORN.log()).isZero();
        SmtpPeer.Received received = await(() -> peer.received().stream().filter(r -> r.text().contains(marker)).findFirst(),
                "the message at the peer after the restart");
        assertThat(received.recipients()).containsExactly("far@later.test");
        await(() -> api.get("/api/admin/queue").body().equals("[]") ? Optional.of(true) : Optional.empty(),
                "an empty queue");
        assertThat(peer.received().stream().filter(r -> r.text().contains(marker)).count()).isEqualTo(1);
    }

    private static <T> T await(java.util.function.Supplier<Optional<T>> probe, String what) throws InterruptedException {
        return Await.until(probe, Duration.ofSeconds(90), what);
    }
}
