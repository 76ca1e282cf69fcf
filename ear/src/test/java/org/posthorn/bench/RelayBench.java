package org.posthorn.bench;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.posthorn.ejb.relay.SmtpPeer;
import org.posthorn.systemtest.console.TestDnsServer;
import org.posthorn.systemtest.support.AdminApi;
import org.posthorn.systemtest.support.Launcher;
import org.posthorn.systemtest.support.LineClient;

/**
 * Relay figures for issue 4 (run with {@code mvn -Pbench verify}): starts Posthorn with the launcher on
 * port offset 5500 and its own data directory, with DNS pointed at a {@link TestDnsServer} on
 * 127.0.0.1:{@value #DNS_PORT} that gives {@code far.test} one MX on 127.0.0.9, and the relay pointed at
 * an {@link SmtpPeer} there on port {@value #RELAY_PORT} that accepts everything (no TLS). Messages of
 * about 1 KiB are submitted over authenticated submission (AUTH PLAIN on loopback, port 2587 + offset).
 * <ol>
 *   <li>Relay throughput: messages per second from the first submission until the peer has them all,
 *       over 1 and over 16 concurrent submitting connections.</li>
 *   <li>With the peer down (its port refuses connections), a burst of {@code bench.relay.burst}
 *       (default 5,000) messages over 16 connections: the queue depth afterwards.</li>
 *   <li>The peer comes back: the time until it has every message and the queue is empty.</li>
 * </ol>
 * Asserts correctness only (every message received by the peer exactly once), never timing.
 */
class RelayBench {

    static final int DNS_PORT = 15553;
    static final int RELAY_PORT = 17055;
    private static final String PEER_ADDRESS = "127.0.0.9";
    private static final int SINGLE = Integer.getInteger("bench.relay.single", 200);
    private static final int CONCURRENT = Integer.getInteger("bench.relay.concurrent", 1000);
    private static final int BURST = Integer.getInteger("bench.relay.burst", 5000);
    private static final Duration PATIENCE = Duration.ofMinutes(Long.getLong("bench.relay.patience-minutes", 20));
    private static final Pattern BENCH_ID = Pattern.compile("X-Bench-Id: (\\S+)");

    static final String[] SETTINGS = {"-Dposthorn.hostname=relay-bench.posthorn.test",
            "-Dposthorn.dns.servers=127.0.0.1:" + DNS_PORT, "-Dposthorn.relay.port=" + RELAY_PORT,
            "-Dposthorn.relay.tls=none", "-Dposthorn.relay.timeout=10s", "-Dposthorn.queue.retry=2s",
            // Bulk load over few connections: the pace of commands per connection is not what is measured here.
            "-Dposthorn.commands.per-minute=100000000"};
    private static final Launcher POSTHORN = new Launcher(5500, Path.of("target", "relay-bench-data"),
            Path.of("target", "relay-bench-launcher.log"), "bench-admin-secret", SETTINGS);
    private static final AdminApi API = POSTHORN.adminApi();
    private static final String USER = "sender";
    private static final String DOMAIN = "relay-bench.test";

    private static TestDnsServer dns;
    private static SmtpPeer peer;

    @BeforeAll
    static void start() throws Exception {
        POSTHORN.deleteData();
        dns = new TestDnsServer(DNS_PORT);
        dns.mx("far.test", 10, "mx.far.test");
        dns.a("mx.far.test", PEER_ADDRESS);
        peer = new SmtpPeer(InetAddress.getByName(PEER_ADDRESS), RELAY_PORT);
        check(POSTHORN.run("start") == 0, "posthorn start failed, see " + POSTHORN.log());
        API.createDomainWithAccounts(DOMAIN, USER);
    }

    @AfterAll
    static void stop() throws Exception {
        POSTHORN.run("stop");
        if (peer != null) {
            peer.close();
        }
        if (dns != null) {
            dns.close();
        }
    }

    @Test
    void relayFigures() throws Exception {
        relay("warmup", 4, 100);   // JIT, pools and DNS warm up; not reported
        awaitEmptyQueue();

        System.out.printf("%nPosthorn relay benchmark: ~1 KiB messages, submission (AUTH PLAIN) -> queue -> SMTP peer on %s:%d"
                + "%nsettings: %s%n", PEER_ADDRESS, RELAY_PORT, String.join(" ", SETTINGS));
        System.out.printf("%-12s %10s %16s %16s%n", "connections", "messages", "submitted msg/s", "relayed msg/s");
        for (int[] run : new int[][] {{1, SINGLE}, {16, CONCURRENT}}) {
            int connections = run[0];
            int messages = run[1];
            Throughput result = relay("c" + connections, connections, messages);
            System.out.printf("%-12d %10d %16.1f %16.1f%n", connections, result.messages,
                    result.messages / result.submitSeconds, result.messages / result.relaySeconds);
            awaitEmptyQueue();
        }

        // The peer goes away: its port refuses connections.
        peer.close();
        List<String> ids = ids("burst", BURST);
        long start = System.nanoTime();
        submitAll(ids, 16);
        double submitSeconds = seconds(start);
        JsonArray queue = queue();
        int attempted = (int) queue.getValuesAs(JsonObject.class).stream().filter(e -> e.getInt("attempts") > 0).count();
        System.out.printf("Burst with the peer down: %d messages submitted over 16 connections in %.1f s (%.1f msg/s)%n",
                ids.size(), submitSeconds, ids.size() / submitSeconds);
        System.out.printf("Queue depth right after the burst: %d entries (%d already attempted at least once)%n",
                queue.size(), attempted);
        check(queue.size() == ids.size(), "queue holds " + queue.size() + " of " + ids.size() + " burst messages");

        Thread.sleep(10_000);   // let retries run into the refusing port for a while
        queue = queue();
        int maxAttempts = queue.getValuesAs(JsonObject.class).stream().mapToInt(e -> e.getInt("attempts")).max().orElse(0);
        System.out.printf("Queue depth 10 s later, peer still down: %d entries, at most %d attempts each%n",
                queue.size(), maxAttempts);

        peer = new SmtpPeer(InetAddress.getByName(PEER_ADDRESS), RELAY_PORT);
        start = System.nanoTime();
        awaitAll(ids, 0);
        double peerSeconds = seconds(start);
        awaitEmptyQueue();
        double emptySeconds = seconds(start);
        System.out.printf("Drain after the peer came back: all %d at the peer in %.1f s (%.1f msg/s), queue empty after %.1f s%n",
                ids.size(), peerSeconds, ids.size() / peerSeconds, emptySeconds);
        checkExactlyOnce(ids);
    }

    private record Throughput(int messages, double submitSeconds, double relaySeconds) {
    }

    /** Submits {@code messages} messages spread over {@code connections} connections and waits for all at the peer. */
    private static Throughput relay(String phase, int connections, int messages) throws Exception {
        List<String> ids = ids(phase, messages);
        int before = peer.received().size();
        long start = System.nanoTime();
        submitAll(ids, connections);
        double submitted = seconds(start);
        awaitAll(ids, before);
        double relayed = seconds(start);
        checkExactlyOnce(ids);
        return new Throughput(ids.size(), submitted, relayed);
    }

    private static List<String> ids(String phase, int total) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            ids.add(phase + "-" + i);
        }
        return ids;
    }

    /** Splits {@code ids} over {@code connections} authenticated submission sessions. */
    private static void submitAll(List<String> ids, int connections) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int c = 0; c < connections; c++) {
                List<String> mine = new ArrayList<>();
                for (int i = c; i < ids.size(); i += connections) {
                    mine.add(ids.get(i));
                }
                futures.add(pool.submit(() -> submitOverOneConnection(mine)));
            }
            for (Future<?> future : futures) {
                future.get(PATIENCE.toMinutes(), TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void submitOverOneConnection(List<String> ids) {
        String login = USER + "@" + DOMAIN;
        String plain = Base64.getEncoder().encodeToString(("\0" + login + "\0" + AdminApi.passwordOf(USER)).getBytes(UTF_8));
        try (var smtp = new LineClient(POSTHORN.port(2587))) {
            expect(smtp.readSmtpReply(), "220");
            smtp.send("EHLO bench.client");
            expect(smtp.readSmtpReply(), "250");
            smtp.send("AUTH PLAIN " + plain);
            expect(smtp.readSmtpReply(), "235");
            for (String id : ids) {
                smtp.send("MAIL FROM:<" + login + ">");
                expect(smtp.readSmtpReply(), "250");
                smtp.send("RCPT TO:<" + id + "@far.test>");
                expect(smtp.readSmtpReply(), "250");
                smtp.send("DATA");
                expect(smtp.readSmtpReply(), "354");
                smtp.sendRaw(message(login, id));
                smtp.send(".");
                expect(smtp.readSmtpReply(), "250");
            }
            smtp.send("QUIT");
        }
    }

    private static byte[] message(String from, String id) {
        var text = new StringBuilder("From: " + from + "\r\nTo: " + id + "@far.test\r\nSubject: relay benchmark\r\n"
                + "X-Bench-Id: " + id + "\r\n\r\n");
        String line = "The quick brown fox jumps over the lazy dog; pack my box with five dozen liquor jugs.\r\n";
        while (text.length() + line.length() <= 1024) {
            text.append(line);
        }
        return text.toString().getBytes(US_ASCII);
    }

    /** How many times the peer received each message (by its X-Bench-Id), for these ids. */
    private static Map<String, Integer> receivedCounts(List<String> ids) {
        Map<String, Integer> counts = new HashMap<>();
        for (String id : ids) {
            counts.put(id, 0);
        }
        for (SmtpPeer.Received received : peer.received()) {
            Matcher matcher = BENCH_ID.matcher(received.text());
            if (matcher.find() && counts.containsKey(matcher.group(1))) {
                counts.merge(matcher.group(1), 1, Integer::sum);
                check(received.recipients().equals(List.of(matcher.group(1) + "@far.test")),
                        "recipients of " + matcher.group(1) + ": " + received.recipients());
            }
        }
        return counts;
    }

    /**
     * Waits until the peer holds {@code ids.size()} more messages than {@code before} (cheap enough to
     * poll often); {@link #checkExactlyOnce} then says whether they are the right ones.
     */
    private static void awaitAll(List<String> ids, int before) throws InterruptedException {
        await(() -> peer.received().size() >= before + ids.size(), ids.size() + " messages at the peer", 100);
    }

    private static void checkExactlyOnce(List<String> ids) {
        Map<String, Integer> counts = receivedCounts(ids);
        List<String> wrong = counts.entrySet().stream().filter(e -> e.getValue() != 1)
                .map(e -> e.getKey() + "=" + e.getValue()).limit(20).toList();
        check(wrong.isEmpty(), "not received exactly once: " + wrong);
    }

    private static void awaitEmptyQueue() throws InterruptedException {
        await(() -> queue().isEmpty(), "an empty queue", 1000);
    }

    private static JsonArray queue() {
        var response = API.get("/api/admin/queue");
        check(response.statusCode() == 200, "GET /api/admin/queue: " + response.statusCode());
        try (var reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readArray();
        }
    }

    private static void await(BooleanSupplier condition, String what, long pollMillis) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("gave up waiting for " + what + " after " + PATIENCE);
            }
            Thread.sleep(pollMillis);
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static void expect(String reply, String code) {
        check(reply.startsWith(code), "expected " + code + " but got: " + reply);
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new AssertionError(message);
        }
    }
}
