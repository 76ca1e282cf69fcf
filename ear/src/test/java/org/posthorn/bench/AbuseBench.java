package org.posthorn.bench;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.posthorn.systemtest.support.AdminApi;
import org.posthorn.systemtest.support.Launcher;
import org.posthorn.systemtest.support.LineClient;

/**
 * The figures of issue 5 (run with {@code mvn -Pbench verify -Dit.test=AbuseBench}): starts Posthorn with
 * the launcher (its default heap, {@code -Xmx1g}) and prints
 * <ol>
 *   <li>full TLS handshakes per second on the IMAPS port from several client threads, with p50/p99 of
 *       one handshake (each client session is invalidated, so nothing is resumed);</li>
 *   <li>a normal client's latency (an IMAP session: LOGIN, SELECT, FETCH of a message, LOGOUT; an SMTP
 *       session delivering one message) without and then with 500 hostile connections open: half-open
 *       ones that never send, byte-at-a-time senders and junk senders that reconnect when cut off;</li>
 *   <li>how many idle TLS IMAP connections (handshake done, greeting read) the server holds, opened
 *       until one fails or {@code bench.abuse.connections} (10,000) are open, with the heap, resident
 *       memory and threads they cost.</li>
 * </ol>
 * The server's connection limits ({@code posthorn.connections.max} 1000, {@code max-per-address} 50)
 * would stop the last figure early, so they are raised for this run. Asserts correctness only.
 */
class AbuseBench {

    private static final int IDLE_CAP = Integer.getInteger("bench.abuse.connections", 10_000);
    private static final int HANDSHAKE_THREADS = Integer.getInteger("bench.abuse.handshake-threads", 4);
    private static final int HANDSHAKES = Integer.getInteger("bench.abuse.handshakes", 3000);
    private static final int SAMPLES = Integer.getInteger("bench.abuse.samples", 200);
    private static final Path DATA = Path.of("target", "abuse-bench-data");
    private static final Launcher POSTHORN = new Launcher(5000, DATA, Path.of("target", "abuse-bench-launcher.log"),
            "bench-admin-secret",
            "-Dposthorn.connections.max=" + (IDLE_CAP + 1000),
            "-Dposthorn.connections.max-per-address=" + (IDLE_CAP + 1000));
    private static final String USER = "normal@bench.test";
    private static final String PASSWORD = AdminApi.passwordOf("normal");

    @BeforeAll
    static void startServer() throws Exception {
        POSTHORN.deleteData();
        check(POSTHORN.run("start") == 0, "posthorn start failed, see " + POSTHORN.log());
        POSTHORN.adminApi().createDomainWithAccounts("bench.test", "normal");
        deliverOne();
    }

    @AfterAll
    static void stopServer() throws Exception {
        POSTHORN.run("stop");
    }

    @Test
    void abuseFigures() throws Exception {
        SSLSocketFactory tls = trustingServerCertificate();
        System.out.printf("%nPosthorn abuse benchmark (server: launcher defaults, %s)%n", serverHeap());

        handshakes(tls, HANDSHAKES / 10);   // warm-up: not reported
        handshakes(tls, HANDSHAKES).print();

        normalClient(SAMPLES / 4);   // warm-up: not reported
        Latencies calm = normalClient(SAMPLES);
        Latencies underAttack;
        try (Attack attack = Attack.open(tls)) {
            underAttack = normalClient(SAMPLES);
            System.out.printf("hostile connections open during the second run: %d silent, %d byte-at-a-time, "
                    + "%d junk (%d junk reconnects after being cut off)%n", attack.silent.size(), attack.tricklers.size(),
                    attack.junk.size(), attack.reconnects.get());
        }
        calm.print("normal client, calm");
        underAttack.print("normal client, 500 hostile open");

        idleConnections(tls);
    }

    // --- (a) TLS handshakes

    private record Handshakes(int count, double seconds, long[] nanos) {
        void print() {
            Arrays.sort(nanos);
            System.out.printf("TLS handshakes on IMAPS: %d full handshakes from %d threads in %.1f s = %.0f/s; "
                            + "one handshake p50 %.1f ms, p99 %.1f ms%n", count, HANDSHAKE_THREADS, seconds, count / seconds,
                    percentile(nanos, 50) / 1e6, percentile(nanos, 99) / 1e6);
        }
    }

    private static Handshakes handshakes(SSLSocketFactory tls, int count) throws Exception {
        long[] nanos = new long[count];
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(HANDSHAKE_THREADS);
        long start = System.nanoTime();
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < HANDSHAKE_THREADS; t++) {
                workers.add(pool.submit(() -> {
                    for (int i; (i = next.getAndIncrement()) < count; ) {
                        long began = System.nanoTime();
                        try (SSLSocket socket = (SSLSocket) tls.createSocket()) {
                            socket.setTcpNoDelay(true);
                            socket.connect(new InetSocketAddress("127.0.0.1", POSTHORN.port(2993)), 10_000);
                            socket.setSoTimeout(30_000);
                            socket.startHandshake();
                            nanos[i] = System.nanoTime() - began;
                            check(readLine(socket.getInputStream()).startsWith("* OK"), "IMAPS greeting");
                            // A resumed session would skip the key exchange this is meant to measure.
                            socket.getSession().invalidate();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get(30, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        return new Handshakes(count, (System.nanoTime() - start) / 1e9, nanos);
    }

    // --- (b) a normal client's latency

    private record Latencies(long[] imap, long[] smtp) {
        void print(String label) {
            Arrays.sort(imap);
            Arrays.sort(smtp);
            System.out.printf("%-34s IMAP LOGIN+SELECT+FETCH+LOGOUT p50 %6.1f ms p99 %6.1f ms | "
                            + "SMTP one message p50 %6.1f ms p99 %6.1f ms  (%d sessions each)%n", label,
                    percentile(imap, 50) / 1e6, percentile(imap, 99) / 1e6,
                    percentile(smtp, 50) / 1e6, percentile(smtp, 99) / 1e6, imap.length);
        }
    }

    private static Latencies normalClient(int samples) throws IOException {
        long[] imap = new long[samples];
        long[] smtp = new long[samples];
        for (int i = 0; i < samples; i++) {
            long start = System.nanoTime();
            imapSession();
            imap[i] = System.nanoTime() - start;
            start = System.nanoTime();
            smtpSession("latency " + i);
            smtp[i] = System.nanoTime() - start;
        }
        return new Latencies(imap, smtp);
    }

    private static void imapSession() {
        try (var imap = new LineClient(POSTHORN.port(2143))) {
            check(imap.readLine().startsWith("* OK"), "IMAP greeting");
            imap.send("a LOGIN " + USER + " " + PASSWORD);
            expectTagged(imap, "a");
            imap.send("b SELECT INBOX");
            expectTagged(imap, "b");
            imap.send("c FETCH 1 (BODY.PEEK[])");
            expectTagged(imap, "c");
            imap.send("d LOGOUT");
            expectTagged(imap, "d");
        }
    }

    private static void expectTagged(LineClient imap, String tag) {
        String line;
        do {
            line = imap.readLine();
            check(line != null, "connection closed before " + tag + " was answered");
        } while (!line.startsWith(tag + " "));
        check(line.startsWith(tag + " OK"), "expected " + tag + " OK, got " + line);
    }

    private static void smtpSession(String subject) {
        try (var smtp = new LineClient(POSTHORN.port(2525))) {
            expect(smtp.readSmtpReply(), "220");
            smtp.send("EHLO bench.client");
            expect(smtp.readSmtpReply(), "250");
            smtp.send("MAIL FROM:<friend@elsewhere.test>");
            expect(smtp.readSmtpReply(), "250");
            smtp.send("RCPT TO:<" + USER + ">");
            expect(smtp.readSmtpReply(), "250");
            smtp.send("DATA");
            expect(smtp.readSmtpReply(), "354");
            smtp.sendRaw(("From: friend@elsewhere.test\r\nSubject: " + subject + "\r\n\r\n" + "A line of text.\r\n".repeat(100)
                    + ".\r\n").getBytes(US_ASCII));
            expect(smtp.readSmtpReply(), "250");
            smtp.send("QUIT");
            expect(smtp.readSmtpReply(), "221");
        }
    }

    private static void deliverOne() {
        smtpSession("the message every IMAP session fetches");
    }

    /**
     * 500 hostile connections from addresses of their own: 200 that never send a byte (on IMAP, IMAPS,
     * SMTP and POP3), 150 that send one byte of an endless stream of NOOPs about every 200 ms, and 150
     * that send lines of junk and reconnect whenever the server cuts them off.
     */
    private static final class Attack implements AutoCloseable {

        final List<Socket> silent = new ArrayList<>();
        final List<Socket> tricklers = new ArrayList<>();
        final List<Socket> junk = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger reconnects = new AtomicInteger();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final ExecutorService senders = Executors.newFixedThreadPool(2);

        static Attack open(SSLSocketFactory tls) throws Exception {
            Attack attack = new Attack();
            int[] silentPorts = {2143, 2993, 2525, 2110};
            for (int i = 0; i < 200; i++) {
                attack.silent.add(connect("127.0.3.1", POSTHORN.port(silentPorts[i % silentPorts.length])));
            }
            for (int i = 0; i < 150; i++) {
                attack.tricklers.add(connect("127.0.3.2", POSTHORN.port(i % 2 == 0 ? 2525 : 2143)));
            }
            for (int i = 0; i < 150; i++) {
                attack.junk.add(connect("127.0.3.3", POSTHORN.port(junkPort(i))));
            }
            attack.senders.submit(attack::trickle);
            attack.senders.submit(attack::sendJunk);
            Thread.sleep(2000);
            return attack;
        }

        private static int junkPort(int i) {
            return new int[] {2525, 2143, 2110}[i % 3];
        }

        private void trickle() {
            byte[] smtp = "NOOP\r\n".getBytes(US_ASCII);
            byte[] imap = "t NOOP\r\n".getBytes(US_ASCII);
            for (long round = 0; running.get(); round++) {
                for (int i = 0; i < tricklers.size() && running.get(); i++) {
                    byte[] stream = i % 2 == 0 ? smtp : imap;
                    try {
                        tricklers.get(i).getOutputStream().write(stream[(int) (round % stream.length)]);
                    } catch (IOException e) {
                        // Cut off (idle or session limit): it stays cut off; the count shows it.
                    }
                }
                pause(200);
            }
        }

        private void sendJunk() {
            Random random = new Random(42);
            byte[] line = new byte[102];
            for (int round = 0; running.get(); round++) {
                for (int i = 0; i < junk.size() && running.get(); i++) {
                    random.nextBytes(line);
                    line[100] = '\r';
                    line[101] = '\n';
                    try {
                        junk.get(i).getOutputStream().write(line);
                    } catch (IOException cutOff) {
                        try {
                            junk.get(i).close();
                            junk.set(i, connect("127.0.3.3", POSTHORN.port(junkPort(i))));
                            reconnects.incrementAndGet();
                        } catch (IOException refused) {
                            // Try again next round.
                        }
                    }
                }
                pause(50);
            }
        }

        @Override
        public void close() throws IOException {
            running.set(false);
            senders.shutdownNow();
            for (List<Socket> sockets : List.of(silent, tricklers, junk)) {
                for (Socket socket : sockets) {
                    socket.close();
                }
            }
        }
    }

    // --- (c) idle TLS connections

    private static void idleConnections(SSLSocketFactory tls) throws Exception {
        long heapBefore = usedHeapKib();
        long rssBefore = procStatus("VmRSS:");
        long threadsBefore = procStatus("Threads:");
        List<Socket> open = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean failed = new AtomicBoolean();
        List<String> failure = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        long start = System.nanoTime();
        try {
            List<Future<?>> workers = new ArrayList<>();
            AtomicInteger next = new AtomicInteger();
            for (int t = 0; t < 8; t++) {
                workers.add(pool.submit(() -> {
                    while (!failed.get() && next.getAndIncrement() < IDLE_CAP) {
                        try {
                            SSLSocket socket = (SSLSocket) tls.createSocket();
                            open.add(socket);
                            socket.connect(new InetSocketAddress("127.0.0.1", POSTHORN.port(2993)), 30_000);
                            socket.setSoTimeout(60_000);
                            socket.startHandshake();
                            String greeting = readLine(socket.getInputStream());
                            if (!greeting.startsWith("* OK")) {
                                throw new IOException("refused: " + greeting);
                            }
                        } catch (IOException | RuntimeException e) {
                            failed.set(true);
                            failure.add(e.toString());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get(60, TimeUnit.MINUTES);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            int held = open.size() - failure.size();
            Thread.sleep(5000);
            long heapAfter = usedHeapKib();
            long rssAfter = procStatus("VmRSS:");
            long threadsAfter = procStatus("Threads:");
            boolean alive = stillServes();
            System.out.printf("idle TLS IMAP connections: %d open (opened in %.1f s; stopped by %s); server still serves "
                            + "a new client: %s%n", held, seconds,
                    failure.isEmpty() ? "the cap of " + IDLE_CAP : failure.get(0), alive);
            System.out.printf("  heap used after full GC %d -> %d MiB = %.1f KiB per connection; resident %d -> %d MiB "
                            + "= %.1f KiB per connection; threads %d -> %d%n",
                    heapBefore / 1024, heapAfter / 1024, (heapAfter - heapBefore) / (double) held,
                    rssBefore / 1024, rssAfter / 1024, (rssAfter - rssBefore) / (double) held, threadsBefore, threadsAfter);
            long maxHeapKib = maxHeapKib();
            System.out.printf("  at that cost the %d MiB heap would hold about %d idle TLS connections beside what it uses now%n",
                    maxHeapKib / 1024, heapAfter > heapBefore ? (maxHeapKib - heapAfter) * held / (heapAfter - heapBefore) + held : -1);
        } finally {
            pool.shutdownNow();
            for (Socket socket : open) {
                socket.close();
            }
        }
    }

    private static boolean stillServes() {
        try {
            imapSession();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    // --- the server process

    private static String serverHeap() throws Exception {
        return "max heap " + maxHeapKib() / 1024 + " MiB";
    }

    /** Heap in use right after a full GC, from {@code jcmd}. */
    private static long usedHeapKib() throws Exception {
        jcmd("GC.run");
        Matcher used = Pattern.compile("used (\\d+)K").matcher(jcmd("GC.heap_info"));
        check(used.find(), "jcmd GC.heap_info shows the heap in use");
        return Long.parseLong(used.group(1));
    }

    private static long maxHeapKib() throws Exception {
        Matcher max = Pattern.compile("-XX:MaxHeapSize=(\\d+)").matcher(jcmd("VM.flags"));
        check(max.find(), "jcmd VM.flags shows MaxHeapSize");
        return Long.parseLong(max.group(1)) / 1024;
    }

    private static String jcmd(String command) throws Exception {
        Process jcmd = new ProcessBuilder("jcmd", Long.toString(POSTHORN.serverPid()), command)
                .redirectErrorStream(true).start();
        String out = new String(jcmd.getInputStream().readAllBytes(), US_ASCII);
        check(jcmd.waitFor(2, TimeUnit.MINUTES) && jcmd.exitValue() == 0, "jcmd " + command + ": " + out);
        return out;
    }

    private static long procStatus(String field) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(POSTHORN.serverPid()), "status"))) {
            if (line.startsWith(field)) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }

    // --- helpers

    /** Trusts the self-signed certificate the server made in its data directory, and nothing else. */
    private static SSLSocketFactory trustingServerCertificate() throws IOException, GeneralSecurityException {
        KeyStore server = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(DATA.resolve("tls").resolve("posthorn-selfsigned.p12"))) {
            server.load(in, "posthorn-self-signed".toCharArray());
        }
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("posthorn", server.getCertificate("posthorn"));
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context.getSocketFactory();
    }

    private static Socket connect(String localAddress, int port) throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(InetAddress.getByName(localAddress), 0));
        socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
        return socket;
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b; (b = in.read()) != -1 && b != '\n'; ) {
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    private static long percentile(long[] sorted, int percent) {
        return sorted[Math.max(0, (int) Math.ceil(sorted.length * percent / 100.0) - 1)];
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void expect(String reply, String code) {
        check(reply.startsWith(code), "expected " + code + " but got: " + reply);
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new AssertionError(what);
        }
    }
}
