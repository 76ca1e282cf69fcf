package org.posthorn.systemtest;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.posthorn.systemtest.support.AdminApi;
import org.posthorn.systemtest.support.ImapLineClient;
import org.posthorn.systemtest.support.LineClient;
import org.posthorn.systemtest.support.Ports;
import org.posthorn.systemtest.support.PosthornDeployment;

/**
 * The hostile-input suite of issue 5 over raw sockets against the deployed EAR: oversized lines, a
 * 2 GB literal announced, nesting, binary garbage and NUL octets on every protocol, a header section
 * over the limit by SMTP and APPEND, a connection flood from one address, a command flood on one
 * connection, connections that never send. Each case asserts the protocol's exact answer and
 * whether the connection is closed or still usable; one test runs a normal client's whole session
 * (SMTP delivery, IMAP FETCH of it) while the attack is under way. Nothing asserts timing.
 *
 * <p>The attackers come from other loopback addresses (127.0.0.5 to 127.0.0.8) than the normal client
 * (127.0.0.1), since the connection limits count per client address.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HostileInputIT {

    private static final String DOMAIN = "hostile.test";
    /** posthorn.connections.max-per-address's default. */
    private static final int PER_ADDRESS = 50;
    private static final String FLOODER = "127.0.0.5";
    /** The attackers while the normal client works: other addresses, so no count left from another test interferes. */
    private static final String SILENT = "127.0.0.6";
    private static final String TRICKLER = "127.0.0.7";
    private static final String FLOODER_DURING = "127.0.0.8";
    private static final String COMMAND_FLOODER = "127.0.0.9";
    /** posthorn.message.max-header-size's default. */
    private static final int HEADER_LIMIT = 256 * 1024;

    private final List<Socket> attackers = new ArrayList<>();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return PosthornDeployment.ear();
    }

    @BeforeAll
    static void createAccounts() {
        AdminApi.forTestServer().createDomainWithAccounts(DOMAIN, "normal", "target");
    }

    @AfterEach
    void closeAttackers() throws IOException {
        for (Socket socket : attackers) {
            socket.close();
        }
        attackers.clear();
    }

    // --- oversized lines

    @Test
    void smtpLineOfAHundredKilobytesIsAnswered500AndTheSessionGoesOn() {
        try (var smtp = smtpGreeted()) {
            smtp.sendRaw(("EHLO " + "x".repeat(100_000) + "\r\n").getBytes(US_ASCII));
            assertThat(smtp.readSmtpReply()).isEqualTo("500 5.5.2 Error: line too long");
            smtp.send("NOOP");
            assertThat(smtp.readSmtpReply()).startsWith("250 2.0.0");
        }
    }

    @Test
    void pop3LineOfAHundredKilobytesIsAnsweredErrAndTheSessionGoesOn() {
        try (var pop = pop3()) {
            pop.sendRaw(("USER " + "x".repeat(100_000) + "\r\n").getBytes(US_ASCII));
            assertThat(pop.readLine()).isEqualTo("-ERR Line too long");
            pop.send("CAPA");
            assertThat(pop.readLine()).startsWith("+OK");
        }
    }

    @Test
    void imapLineOfAHundredKilobytesIsAnsweredTaggedBadAndTheSessionGoesOn() {
        try (var imap = new ImapLineClient(Ports.imap())) {
            imap.sendRaw(("big1 LOGIN " + "x".repeat(100_000) + " y\r\n").getBytes(US_ASCII));
            assertThat(imap.readResponse()).isEqualTo("big1 BAD Line too long");
            assertThat(imap.command("NOOP").ok()).isTrue();
        }
    }

    // --- IMAP literals and nesting

    @Test
    void imapAppendAnnouncingTwoGigabytesIsRefusedBeforeAnyOctetAndTheSessionGoesOn() {
        try (var imap = normalImap()) {
            imap.send("big2 APPEND INBOX {2147483648}");
            assertThat(imap.readResponse()).as("no continuation request: not one octet is invited")
                    .isEqualTo("big2 NO [TOOBIG] Literal too large");
            assertThat(imap.command("NOOP").ok()).isTrue();
        }
    }

    @Test
    void imapAppendWithANonSynchronizingTwoGigabyteLiteralIsRefusedAndClosed() {
        try (var imap = normalImap()) {
            imap.send("big3 APPEND INBOX {2147483648+}");
            // RFC 7888 §4: the octets are already on their way and cannot be told from commands.
            assertThat(imap.readResponse()).isEqualTo("big3 NO [TOOBIG] Literal too large");
            assertThat(imap.readResponse()).isEqualTo("* BYE Too much data, closing connection");
            assertThat(imap.readLine()).as("closed").isNull();
        }
    }

    @Test
    void imapSearchWithTenThousandParenthesesIsRefusedAndTheSessionGoesOn() {
        try (var imap = normalImap()) {
            assertThat(imap.command("SELECT INBOX").ok()).isTrue();
            imap.send("deep1 SEARCH " + "(".repeat(10_000) + "ALL" + ")".repeat(10_000));
            assertThat(imap.readResponse()).as("longer than a line may be").isEqualTo("deep1 BAD Line too long");

            imap.send("deep2 SEARCH " + "(".repeat(1_000) + "ALL" + ")".repeat(1_000));
            assertThat(imap.readResponse()).matches("deep2 BAD .*nested too deeply.*");
            imap.send("deep3 SEARCH " + "NOT ".repeat(1_000) + "ALL");
            assertThat(imap.readResponse()).matches("deep3 BAD .*nested too deeply.*");

            assertThat(imap.command("SEARCH ALL").ok()).isTrue();
        }
    }

    // --- header sections over the limit

    @Test
    void smtpMessageWithAHeaderOverTheLimitIsRefused552AndNotStored() {
        String subject = "huge header by smtp " + System.nanoTime();
        try (var smtp = smtpGreeted()) {
            smtp.send("MAIL FROM:<friend@elsewhere.test>");
            assertThat(smtp.readSmtpReply()).startsWith("250 2.1.0");
            smtp.send("RCPT TO:<normal@" + DOMAIN + ">");
            assertThat(smtp.readSmtpReply()).startsWith("250 2.1.5");
            smtp.send("DATA");
            assertThat(smtp.readSmtpReply()).startsWith("354");
            smtp.sendRaw((oversizedHeader(subject) + "\r\nbody\r\n.\r\n").getBytes(US_ASCII));
            assertThat(smtp.readSmtpReply()).isEqualTo("552 5.3.4 Message header size exceeds fixed maximum");
            smtp.send("NOOP");
            assertThat(smtp.readSmtpReply()).startsWith("250 2.0.0");
        }
        assertNotInInbox(subject);
    }

    @Test
    void imapAppendWithAHeaderOverTheLimitIsRefusedWithLimitAndNotStored() {
        String subject = "huge header by append " + System.nanoTime();
        try (var imap = normalImap()) {
            byte[] message = (oversizedHeader(subject) + "\r\nbody\r\n").getBytes(US_ASCII);
            imap.sendRaw(("hdr1 APPEND INBOX {" + message.length + "+}\r\n").getBytes(US_ASCII));
            imap.sendRaw(message);
            imap.sendRaw("\r\n".getBytes(US_ASCII));
            assertThat(imap.readResponse()).isEqualTo("hdr1 NO [LIMIT] Message header too large");
            assertThat(imap.command("NOOP").ok()).isTrue();
        }
        assertNotInInbox(subject);
    }

    /** A header section over the limit in folded lines of 100 octets: every line fine, the whole too big. */
    private static String oversizedHeader(String subject) {
        StringBuilder header = new StringBuilder("Subject: " + subject + "\r\nX-Padding: start\r\n");
        while (header.length() <= HEADER_LIMIT + 10_000) {
            header.append(' ').append("p".repeat(97)).append("\r\n");
        }
        return header.toString();
    }

    private static void assertNotInInbox(String subject) {
        try (var imap = normalImap()) {
            assertThat(imap.command("SELECT INBOX").ok()).isTrue();
            ImapLineClient.Reply search = imap.command("UID SEARCH SUBJECT \"" + subject + "\"");
            assertThat(search.ok()).isTrue();
            assertThat(search.matching("\\* SEARCH \\d.*")).as("%s", search).isEmpty();
        }
    }

    // --- a command flood on one connection: slowed down (posthorn.commands.per-minute), never refused

    @Test
    void aCommandFloodIsAnsweredInOrderWhileANormalClientIsServed() throws IOException {
        Socket imapFlood = attacker(COMMAND_FLOODER, Ports.imap());
        Socket smtpFlood = attacker(COMMAND_FLOODER, Ports.smtp());
        assertThat(firstLine(imapFlood)).startsWith("* OK");
        assertThat(firstLine(smtpFlood)).startsWith("220 ");
        imapFlood.getOutputStream().write("f NOOP\r\n".repeat(2000).getBytes(US_ASCII));
        smtpFlood.getOutputStream().write("NOOP\r\n".repeat(2000).getBytes(US_ASCII));

        try (var imap = normalImap()) {
            assertThat(imap.command("SELECT INBOX").ok()).isTrue();
            assertThat(imap.command("NOOP").ok()).isTrue();
            assertThat(imap.command("LOGOUT").ok()).isTrue();
        }
        try (var smtp = smtpGreeted()) {
            smtp.send("NOOP");
            assertThat(smtp.readSmtpReply()).startsWith("250 2.0.0");
            smtp.send("QUIT");
            assertThat(smtp.readSmtpReply()).startsWith("221");
        }
        // The floods are answered, not cut off: the first hundred of each, in order.
        for (int i = 0; i < 100; i++) {
            assertThat(firstLine(imapFlood)).as("IMAP NOOP %d", i).isEqualTo("f OK NOOP completed");
            assertThat(firstLine(smtpFlood)).as("SMTP NOOP %d", i).isEqualTo("250 2.0.0 Ok");
        }
    }

    // --- binary garbage and NUL octets

    @Test
    void smtpBinaryGarbageAndNulAreAnswered500AndTheSessionGoesOn() {
        try (var smtp = smtpGreeted()) {
            smtp.sendRaw(garbage(400));
            assertThat(smtp.readSmtpReply()).isEqualTo("500 5.5.2 Error: command is not UTF-8");
            smtp.sendRaw("NOOP\0\r\n".getBytes(US_ASCII));
            assertThat(smtp.readSmtpReply()).startsWith("500 5.5.");
            smtp.sendRaw("\0\0\0\0\r\n".getBytes(US_ASCII));
            assertThat(smtp.readSmtpReply()).startsWith("500 5.5.");
            smtp.send("NOOP");
            assertThat(smtp.readSmtpReply()).startsWith("250 2.0.0");
        }
    }

    @Test
    void pop3BinaryGarbageAndNulAreAnsweredErrAndTheSessionGoesOn() {
        try (var pop = pop3()) {
            pop.sendRaw(garbage(400));
            assertThat(pop.readLine()).startsWith("-ERR ");
            pop.sendRaw("CAPA\0\r\n".getBytes(US_ASCII));
            assertThat(pop.readLine()).startsWith("-ERR ");
            pop.send("CAPA");
            assertThat(pop.readLine()).startsWith("+OK");
        }
    }

    @Test
    void imapBinaryGarbageAndNulAreAnsweredBadAndTheSessionGoesOn() {
        try (var imap = normalImap()) {
            imap.sendRaw(garbage(400));
            assertThat(imap.readResponse()).as("no tag to answer to").startsWith("* BAD ");
            imap.sendRaw("nul1 NOOP\0\r\n".getBytes(US_ASCII));
            assertThat(imap.readResponse()).startsWith("nul1 BAD ");
            imap.sendRaw("nul2 SELECT \"IN\0BOX\"\r\n".getBytes(US_ASCII));
            assertThat(imap.readResponse()).startsWith("nul2 BAD ");
            assertThat(imap.command("NOOP").ok()).isTrue();
        }
    }

    @Test
    void endlessBadCommandsAreCutOffOnEveryProtocol() {
        try (var smtp = smtpGreeted()) {
            String reply;
            int answered = 0;
            do {
                smtp.sendRaw(garbage(100));
                reply = smtp.readSmtpReply();
                answered++;
            } while (reply.startsWith("500 ") && answered < 100);
            assertThat(reply).startsWith("421 4.7.0");
            assertThat(smtp.readLine()).as("closed").isNull();
        }
        try (var imap = new ImapLineClient(Ports.imap())) {
            String response;
            int answered = 0;
            do {
                imap.sendRaw(garbage(100));
                response = imap.readResponse();
                answered++;
            } while (response.startsWith("* BAD ") && answered < 100);
            assertThat(response).isEqualTo("* BYE Too many invalid commands");
            assertThat(imap.readLine()).as("closed").isNull();
        }
    }

    // --- a flood of connections from one address

    @Test
    void aFloodFromOneAddressIsToldToComeBackLaterOnEveryProtocol() {
        assertFloodRefused(Ports.smtp(), "220 ", "421 4.7.0 mx.posthorn.test Too many connections, try again later");
        assertFloodRefused(Ports.pop3(), "+OK", "-ERR [SYS/TEMP] Too many connections, try again later");
        assertFloodRefused(Ports.imap(), "* OK", "* BYE [UNAVAILABLE] Too many connections, try again later");
    }

    private void assertFloodRefused(int port, String greeting, String refusal) {
        for (int i = 0; i < PER_ADDRESS; i++) {
            assertThat(firstLine(attacker(FLOODER, port))).as("connection %d of %d", i + 1, PER_ADDRESS).startsWith(greeting);
        }
        for (int i = 0; i < 3; i++) {
            Socket refused = attacker(FLOODER, port);
            assertThat(firstLine(refused)).isEqualTo(refusal);
            assertThat(read(refused)).as("closed after the refusal").isEqualTo(-1);
        }
    }

    // --- the normal client during all of it

    @Test
    void aNormalClientCompletesItsSessionWhileTheServerIsUnderAttack() throws IOException {
        // Half-open connections that never send a byte nor read one, on every port.
        for (int port : new int[] {Ports.smtp(), Ports.pop3(), Ports.imap(), Ports.smtps(), Ports.imaps(), Ports.pop3s()}) {
            for (int i = 0; i < 40; i++) {
                attacker(SILENT, port);
            }
        }
        // A flood filling the flooder's share of every plain listener.
        for (int port : new int[] {Ports.smtp(), Ports.pop3(), Ports.imap()}) {
            for (int i = 0; i < PER_ADDRESS + 5; i++) {
                attacker(FLOODER_DURING, port);
            }
        }
        // Clients in the middle of something: half a line, half a literal, half a message.
        attacker(TRICKLER, Ports.smtp()).getOutputStream().write(("EHLO a\r\nMAIL FROM:<a@b.test>\r\n"
                + "RCPT TO:<target@hostile.test>\r\nDATA\r\nSubject: slow\r\n\r\nthis is ta").getBytes(US_ASCII));
        attacker(TRICKLER, Ports.imap()).getOutputStream().write("a LOGIN {5}\r\nnor".getBytes(US_ASCII));
        attacker(TRICKLER, Ports.pop3()).getOutputStream().write(garbage(50_000));

        String subject = "during the attack " + System.nanoTime();
        try (var smtp = smtpGreeted()) {
            smtp.send("MAIL FROM:<friend@elsewhere.test>");
            assertThat(smtp.readSmtpReply()).startsWith("250 2.1.0");
            smtp.send("RCPT TO:<normal@" + DOMAIN + ">");
            assertThat(smtp.readSmtpReply()).startsWith("250 2.1.5");
            smtp.send("DATA");
            assertThat(smtp.readSmtpReply()).startsWith("354");
            smtp.sendRaw(("From: friend@elsewhere.test\r\nTo: normal@" + DOMAIN + "\r\nSubject: " + subject
                    + "\r\n\r\nstill served\r\n.\r\n").getBytes(US_ASCII));
            assertThat(smtp.readSmtpReply()).startsWith("250 2.0.0");
            smtp.send("QUIT");
            assertThat(smtp.readSmtpReply()).startsWith("221");
        }
        try (var imap = normalImap()) {
            assertThat(imap.command("SELECT INBOX").ok()).isTrue();
            ImapLineClient.Reply search = imap.command("UID SEARCH SUBJECT \"" + subject + "\"");
            assertThat(search.ok()).isTrue();
            List<String> found = search.matching("\\* SEARCH \\d+");
            assertThat(found).as("%s", search).hasSize(1);
            String uid = found.get(0).substring("* SEARCH ".length());
            ImapLineClient.Reply fetch = imap.command("UID FETCH " + uid + " (BODY.PEEK[HEADER.FIELDS (SUBJECT)] BODY.PEEK[TEXT])");
            assertThat(fetch.ok()).as("%s", fetch).isTrue();
            assertThat(fetch.untagged()).anySatisfy(line -> assertThat(line)
                    .contains("Subject: " + subject).contains("still served"));
            assertThat(imap.command("LOGOUT").ok()).isTrue();
        }
    }

    // --- helpers

    private static LineClient smtpGreeted() {
        var smtp = new LineClient(Ports.smtp());
        assertThat(smtp.readSmtpReply()).startsWith("220 ");
        smtp.send("EHLO client.hostile.test");
        assertThat(smtp.readSmtpReply()).startsWith("250 ");
        return smtp;
    }

    private static LineClient pop3() {
        var pop = new LineClient(Ports.pop3());
        assertThat(pop.readLine()).startsWith("+OK");
        return pop;
    }

    private static ImapLineClient normalImap() {
        return new ImapLineClient(Ports.imap()).login("normal@" + DOMAIN, AdminApi.passwordOf("normal"));
    }

    /** Octets that are neither text nor line ends, starting with NUL, then CRLF: the same each run. */
    private static byte[] garbage(int length) {
        byte[] octets = new byte[length + 2];
        Random random = new Random(length);
        for (int i = 0; i < length; i++) {
            int b;
            do {
                b = 0x80 + random.nextInt(0x80);
            } while (b == '\r' || b == '\n');
            octets[i] = (byte) b;
        }
        octets[0] = 0;
        octets[1] = (byte) 0xff;
        octets[length] = '\r';
        octets[length + 1] = '\n';
        return octets;
    }

    /** A connection from {@code localAddress}, closed after the test. */
    private Socket attacker(String localAddress, int port) {
        try {
            Socket socket = new Socket();
            attackers.add(socket);
            socket.bind(new InetSocketAddress(InetAddress.getByName(localAddress), 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
            socket.setSoTimeout(30_000);
            return socket;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String firstLine(Socket socket) {
        try {
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            for (int b; (b = in.read()) != -1 && b != '\n'; ) {
                if (b != '\r') {
                    line.append((char) b);
                }
            }
            return line.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int read(Socket socket) {
        try {
            return socket.getInputStream().read();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
