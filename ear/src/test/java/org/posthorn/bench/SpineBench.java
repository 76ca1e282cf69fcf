package org.posthorn.bench;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.posthorn.systemtest.support.AdminApi;
import org.posthorn.systemtest.support.Launcher;
import org.posthorn.systemtest.support.LineClient;
import org.posthorn.systemtest.support.Pop3Mailbox;

/**
 * Load generator for the mail spine (run with {@code mvn -Pbench verify}): starts Posthorn with the
 * launcher on its own ports and data directory, measures SMTP ingest of 4 KiB messages over 1, 8 and
 * 32 concurrent connections (each message verified stored afterwards) and POP3 RETR throughput, and
 * prints the figures and the server's resident memory. It asserts only correctness, never timing.
 */
class SpineBench {

    private static final Launcher POSTHORN = new Launcher(9000, Path.of("target", "bench-data"),
            Path.of("target", "bench-launcher.log"), "bench-admin-secret",
            // Bulk load over few connections: the pace of commands per connection is not what is measured here.
            "-Dposthorn.commands.per-minute=100000000");
    private static final int MESSAGES_PER_CONNECTION = Integer.getInteger("bench.messages", 200);
    private static final byte[] BODY = fourKilobyteMessage();

    private static final AdminApi API = POSTHORN.adminApi();

    @BeforeAll
    static void startServer() throws Exception {
        POSTHORN.deleteData();
        check(POSTHORN.run("start") == 0, "posthorn start failed, see " + POSTHORN.log());
    }

    @AfterAll
    static void stopServer() throws Exception {
        POSTHORN.run("stop");
    }

    @Test
    void smtpIngestAndPop3Retrieval() throws Exception {
        API.createDomainWithAccounts("bench.test", "warmup");
        ingest("warmup", 4, 50);   // JIT and connection pools warm up; not reported

        System.out.printf("%nPosthorn spine benchmark: 4 KiB messages, %d per connection%n", MESSAGES_PER_CONNECTION);
        System.out.printf("%-12s %10s %12s %10s %10s%n", "connections", "messages", "msg/s", "p50 ms", "p99 ms");
        for (int connections : new int[] {1, 8, 32}) {
            String user = "c" + connections;
            API.createDomainWithAccounts("bench.test", user);
            Result result = ingest(user, connections, MESSAGES_PER_CONNECTION);
            int expected = connections * MESSAGES_PER_CONNECTION;
            try (var pop = new Pop3Mailbox(POSTHORN.port(2110), user + "@bench.test", AdminApi.passwordOf(user))) {
                check(pop.count() == expected, "stored " + pop.count() + " of " + expected);
                pop.quit();
            }
            System.out.printf("%-12d %10d %12.1f %10.2f %10.2f%n", connections, expected,
                    expected / result.seconds, result.percentile(50), result.percentile(99));
        }

        String user = "c32";
        long start = System.nanoTime();
        long bytes = 0;
        int count;
        try (var pop = new Pop3Mailbox(POSTHORN.port(2110), user + "@bench.test", AdminApi.passwordOf(user))) {
            count = pop.count();
            for (int i = 1; i <= count; i++) {
                bytes += pop.retrieve(i).length;
            }
            pop.quit();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("POP3 RETR, one session: %d messages in %.2f s = %.1f msg/s, %.1f MiB/s%n",
                count, seconds, count / seconds, bytes / seconds / (1024 * 1024));
        System.out.printf("Server resident memory after the run: %d MiB (pid %d)%n", residentMiB(), POSTHORN.serverPid());
    }

    private record Result(double seconds, long[] latenciesNanos) {
        double percentile(int p) {
            long[] sorted = latenciesNanos.clone();
            Arrays.sort(sorted);
            int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, index)] / 1e6;
        }
    }

    private static Result ingest(String user, int connections, int perConnection) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        try {
            List<Future<long[]>> futures = new ArrayList<>();
            long start = System.nanoTime();
            for (int c = 0; c < connections; c++) {
                futures.add(pool.submit(() -> sendOverOneConnection(user, perConnection)));
            }
            long[] all = new long[connections * perConnection];
            int i = 0;
            for (Future<long[]> future : futures) {
                for (long latency : future.get(30, TimeUnit.MINUTES)) {
                    all[i++] = latency;
                }
            }
            return new Result((System.nanoTime() - start) / 1e9, all);
        } finally {
            pool.shutdownNow();
        }
    }

    /** One SMTP session delivering {@code count} messages; returns each message's MAIL-to-250 latency. */
    private static long[] sendOverOneConnection(String user, int count) {
        long[] latencies = new long[count];
        try (var smtp = new LineClient(POSTHORN.port(2525))) {
            expect(smtp.readSmtpReply(), "220");
            smtp.send("EHLO bench.client");
            expect(smtp.readSmtpReply(), "250");
            for (int m = 0; m < count; m++) {
                long start = System.nanoTime();
                smtp.send("MAIL FROM:<bench@elsewhere.test>");
                expect(smtp.readSmtpReply(), "250");
                smtp.send("RCPT TO:<" + user + "@bench.test>");
                expect(smtp.readSmtpReply(), "250");
                smtp.send("DATA");
                expect(smtp.readSmtpReply(), "354");
                smtp.sendRaw(BODY);
                smtp.send(".");
                expect(smtp.readSmtpReply(), "250");
                latencies[m] = System.nanoTime() - start;
            }
            smtp.send("QUIT");
        }
        return latencies;
    }

    private static byte[] fourKilobyteMessage() {
        var text = new StringBuilder("From: bench@elsewhere.test\r\nTo: someone@bench.test\r\nSubject: benchmark\r\n\r\n");
        String line = "The quick brown fox jumps over the lazy dog; pack my box with five dozen liquor jugs.\r\n";
        while (text.length() + line.length() <= 4096) {
            text.append(line);
        }
        return text.toString().getBytes(US_ASCII);
    }


    private static long residentMiB() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(POSTHORN.serverPid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
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
