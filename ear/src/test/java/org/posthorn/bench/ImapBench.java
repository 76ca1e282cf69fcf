package org.posthorn.bench;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.posthorn.systemtest.support.AdminApi;
import org.posthorn.systemtest.support.Launcher;
import org.posthorn.systemtest.support.LineClient;

/**
 * IMAP figures (run with {@code mvn -Pbench verify}): starts Posthorn with the launcher, fills one
 * mailbox with 10,000 messages of 4 KiB (a third multipart) over SMTP, and times SELECT, a FETCH of
 * every envelope, a UID FETCH of 100 whole messages, SEARCH FROM and SEARCH BODY; then the time from
 * SMTP {@code 250} to the IDLE {@code EXISTS} over 100 messages, and the server's resident memory and
 * thread count before and after opening 1,000 idle IMAP connections. Asserts correctness only.
 */
class ImapBench {

    private static final int MESSAGES = Integer.getInteger("bench.imap.messages", 10_000);
    private static final int IDLE_CONNECTIONS = Integer.getInteger("bench.imap.connections", 1000);
    private static final Launcher POSTHORN = new Launcher(6000, Path.of("target", "imap-bench-data"),
            Path.of("target", "imap-bench-launcher.log"), "bench-admin-secret",
            "-Dposthorn.connections.max-per-address=" + (IDLE_CONNECTIONS + 100),
            "-Dposthorn.connections.max=" + (IDLE_CONNECTIONS + 100),
            // Bulk load over few connections: the pace of commands per connection is not what is measured here.
            "-Dposthorn.commands.per-minute=100000000");
    private static final AdminApi API = POSTHORN.adminApi();
    private static final String USER = "reader@bench.test";

    @BeforeAll
    static void startServer() throws Exception {
        POSTHORN.deleteData();
        check(POSTHORN.run("start") == 0, "posthorn start failed, see " + POSTHORN.log());
        API.createDomainWithAccounts("bench.test", "reader");
    }

    @AfterAll
    static void stopServer() throws Exception {
        POSTHORN.run("stop");
    }

    @Test
    void imapFigures() throws Exception {
        long fillStart = System.nanoTime();
        fill(16, MESSAGES);
        System.out.printf("%nPosthorn IMAP benchmark: %d messages of 4 KiB (a third multipart), filled by SMTP in %.1f s%n",
                MESSAGES, seconds(fillStart));
        try (var imap = new Imap(POSTHORN.port(2143))) {
            imap.command("LOGIN " + USER + " " + AdminApi.passwordOf("reader"));
            imap.command("SELECT INBOX");   // warm-up: not reported
            imap.command("FETCH 1:* (UID FLAGS RFC822.SIZE ENVELOPE)");
            imap.command("UNSELECT");

            long start = System.nanoTime();
            String select = imap.command("SELECT INBOX");
            report("SELECT INBOX", start);
            check(select.contains("* " + MESSAGES + " EXISTS"), "SELECT shows " + MESSAGES + " messages");

            start = System.nanoTime();
            String envelopes = imap.command("FETCH 1:* (UID FLAGS RFC822.SIZE ENVELOPE)");
            report("FETCH 1:* (UID FLAGS RFC822.SIZE ENVELOPE)", start);
            check(count(envelopes, " FETCH (") == MESSAGES, "one FETCH response per message");

            start = System.nanoTime();
            String bodies = imap.command("UID FETCH " + (MESSAGES / 2) + ":" + (MESSAGES / 2 + 99) + " (BODY.PEEK[])");
            report("UID FETCH of 100 whole messages", start);
            check(count(bodies, " FETCH (") == 100, "100 bodies");

            start = System.nanoTime();
            String from = imap.command("SEARCH FROM sender7@elsewhere.test");
            report("SEARCH FROM (header)", start);
            check(from.split("\r\n")[0].split(" ").length - 2 == MESSAGES / 10, "SEARCH FROM finds a tenth");

            start = System.nanoTime();
            String body = imap.command("SEARCH BODY needle-42");
            report("SEARCH BODY (every message's text)", start);
            check(body.startsWith("* SEARCH ") && body.split("\r\n")[0].split(" ").length > 2, "SEARCH BODY finds the needle");
        }
        idleLatency(100);
        idleConnections(IDLE_CONNECTIONS);
    }

    /** SMTP 250 → IDLE EXISTS, one message at a time. */
    private static void idleLatency(int messages) throws Exception {
        long[] latencies = new long[messages];
        try (var imap = new Imap(POSTHORN.port(2143)); var smtp = new LineClient(POSTHORN.port(2525))) {
            imap.command("LOGIN " + USER + " " + AdminApi.passwordOf("reader"));
            imap.command("SELECT INBOX");
            imap.send("i IDLE");
            check(imap.line().startsWith("+"), "IDLE continuation");
            expect(smtp.readSmtpReply(), "220");
            smtp.send("EHLO bench.client");
            expect(smtp.readSmtpReply(), "250");
            for (int m = 0; m < messages; m++) {
                smtp.send("MAIL FROM:<idle@elsewhere.test>");
                expect(smtp.readSmtpReply(), "250");
                smtp.send("RCPT TO:<" + USER + ">");
                expect(smtp.readSmtpReply(), "250");
                smtp.send("DATA");
                expect(smtp.readSmtpReply(), "354");
                smtp.sendRaw(("Subject: idle " + m + "\r\n\r\nping\r\n").getBytes(US_ASCII));
                smtp.send(".");
                expect(smtp.readSmtpReply(), "250");
                long accepted = System.nanoTime();
                String line;
                do {
                    line = imap.line();
                } while (!line.endsWith(" EXISTS"));
                latencies[m] = System.nanoTime() - accepted;
            }
            imap.send("DONE");
            imap.readUntilTagged("i");
        }
        Arrays.sort(latencies);
        System.out.printf("%-46s p50 %7.1f ms   p99 %7.1f ms  (%d messages)%n", "SMTP 250 -> IDLE EXISTS",
                latencies[messages / 2] / 1e6, latencies[(int) Math.ceil(messages * 0.99) - 1] / 1e6, messages);
    }

    /** Opens connections that log in, select INBOX and IDLE; reports memory and threads before and after. */
    private static void idleConnections(int connections) throws Exception {
        System.gc();
        long rssBefore = procStatus("VmRSS:") / 1024;
        long threadsBefore = procStatus("Threads:");
        List<Imap> open = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            List<Future<Imap>> futures = new ArrayList<>();
            for (int c = 0; c < connections; c++) {
                futures.add(pool.submit(() -> {
                    Imap imap = new Imap(POSTHORN.port(2143));
                    imap.command("LOGIN " + USER + " " + AdminApi.passwordOf("reader"));
                    imap.command("EXAMINE Archive");
                    imap.send("i IDLE");
                    check(imap.line().startsWith("+"), "IDLE continuation");
                    return imap;
                }));
            }
            for (Future<Imap> future : futures) {
                open.add(future.get(5, TimeUnit.MINUTES));
            }
            Thread.sleep(2000);
            long rssAfter = procStatus("VmRSS:") / 1024;
            long threadsAfter = procStatus("Threads:");
            System.out.printf("%d idle IMAP connections (logged in, IDLE): resident memory %d -> %d MiB, threads %d -> %d%n",
                    connections, rssBefore, rssAfter, threadsBefore, threadsAfter);
        } finally {
            pool.shutdownNow();
            for (Imap imap : open) {
                imap.close();
            }
        }
    }

    private static void fill(int connections, int total) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int c = 0; c < connections; c++) {
                int first = c;
                futures.add(pool.submit(() -> {
                    try (var smtp = new LineClient(POSTHORN.port(2525))) {
                        expect(smtp.readSmtpReply(), "220");
                        smtp.send("EHLO bench.client");
                        expect(smtp.readSmtpReply(), "250");
                        for (int m = first; m < total; m += connections) {
                            smtp.send("MAIL FROM:<sender" + (m % 10) + "@elsewhere.test>");
                            expect(smtp.readSmtpReply(), "250");
                            smtp.send("RCPT TO:<" + USER + ">");
                            expect(smtp.readSmtpReply(), "250");
                            smtp.send("DATA");
                            expect(smtp.readSmtpReply(), "354");
                            smtp.sendRaw(message(m));
                            smtp.send(".");
                            expect(smtp.readSmtpReply(), "250");
                        }
                        smtp.send("QUIT");
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get(60, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** About 4 KiB; every third one multipart/mixed with a small attachment; one has the word needle-42. */
    static byte[] message(int n) {
        String filler = "The quick brown fox jumps over the lazy dog; pack my box with five dozen liquor jugs.\r\n";
        StringBuilder text = new StringBuilder();
        while (text.length() < 3400) {
            text.append(filler);
        }
        if (n == 42) {
            text.append("needle-42\r\n");
        }
        String header = "From: Sender " + (n % 10) + " <sender" + (n % 10) + "@elsewhere.test>\r\nTo: " + USER
                + "\r\nSubject: benchmark message " + n + "\r\nDate: Fri, 27 Nov 2026 10:00:00 +0000\r\nMessage-ID: <bench-"
                + n + "@elsewhere.test>\r\n";
        if (n % 3 != 0) {
            return (header + "\r\n" + text).getBytes(US_ASCII);
        }
        return (header + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\n"
                + "Content-Type: text/plain; charset=us-ascii\r\n\r\n" + text
                + "--b\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment; filename=\"a.bin\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\nAAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=\r\n--b--\r\n").getBytes(US_ASCII);
    }

    private static void report(String what, long startNanos) {
        System.out.printf("%-46s %9.1f ms%n", what, (System.nanoTime() - startNanos) / 1e6);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    private static long procStatus(String field) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(POSTHORN.serverPid()), "status"))) {
            if (line.startsWith(field)) {
                return Long.parseLong(line.replaceAll("\\D", ""));
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

    /** A bare IMAP client: commands with generated tags, responses read whole with their literals skipped into the text. */
    private static final class Imap implements AutoCloseable {

        private static final Pattern LITERAL = Pattern.compile("\\{(\\d+)}$");
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        private int tags;

        Imap(int port) throws IOException {
            socket = new Socket("127.0.0.1", port);
            socket.setTcpNoDelay(true);
            in = new BufferedInputStream(socket.getInputStream(), 65536);
            out = socket.getOutputStream();
            check(line().startsWith("* OK"), "greeting");
        }

        /** Sends a command and returns every response up to and including the tagged OK (failing otherwise). */
        String command(String command) {
            String tag = "t" + (++tags);
            send(tag + " " + command);
            return readUntilTagged(tag);
        }

        String readUntilTagged(String tag) {
            StringBuilder all = new StringBuilder();
            while (true) {
                String line = line();
                all.append(line).append("\r\n");
                if (line.startsWith(tag + " ")) {
                    check(line.startsWith(tag + " OK"), "expected OK but got: " + line);
                    return all.toString();
                }
            }
        }

        void send(String line) {
            try {
                out.write((line + "\r\n").getBytes(US_ASCII));
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** One response line; a literal at its end is read and appended as text, with the rest of the response. */
        String line() {
            try {
                StringBuilder text = new StringBuilder();
                while (true) {
                    ByteArrayOutputStream line = new ByteArrayOutputStream();
                    int b;
                    while ((b = in.read()) != '\n') {
                        if (b < 0) {
                            throw new IOException("connection closed");
                        }
                        line.write(b);
                    }
                    String s = line.toString(US_ASCII);
                    s = s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
                    text.append(s);
                    Matcher literal = LITERAL.matcher(s);
                    if (!literal.find()) {
                        return text.toString();
                    }
                    byte[] octets = in.readNBytes(Integer.parseInt(literal.group(1)));
                    text.append(new String(octets, US_ASCII).replace("\r\n", " "));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // closing a connection the benchmark is done with
            }
        }
    }
}
