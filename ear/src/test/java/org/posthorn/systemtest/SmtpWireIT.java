package org.posthorn.systemtest;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.posthorn.systemtest.support.AdminApi;
import org.posthorn.systemtest.support.LineClient;
import org.posthorn.systemtest.support.Pop3Mailbox;
import org.posthorn.systemtest.support.Ports;
import org.posthorn.systemtest.support.PosthornDeployment;
import org.posthorn.systemtest.support.SmtpSender;

/** SMTP edge cases against the deployed EAR over raw sockets: refusals, limits, smuggling, pipelining, load. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SmtpWireIT {

    private static final String DOMAIN = "wire.test";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return PosthornDeployment.ear();
    }

    @BeforeAll
    static void createAccounts() {
        AdminApi.forTestServer().createDomainWithAccounts(DOMAIN, "victim", "piped", "load", "big");
    }

    @Test
    void unknownUserAndRelayAreRefusedWithEnhancedCodes() {
        try (var smtp = greeted()) {
            smtp.send("MAIL FROM:<sender@elsewhere.test>");
            assertThat(smtp.readSmtpReply()).startsWith("250 2.1.0");
            smtp.send("RCPT TO:<nobody@wire.test>");
            assertThat(smtp.readSmtpReply()).startsWith("550 5.1.1");
            smtp.send("RCPT TO:<someone@not-local.example>");
            assertThat(smtp.readSmtpReply()).startsWith("550 5.7.1");
            smtp.send("RCPT TO:<Postmaster@WIRE.test>");
            assertThat(smtp.readSmtpReply()).startsWith("250 2.1.5");
            smtp.send("RCPT TO:<abuse@wire.test>");
            assertThat(smtp.readSmtpReply()).startsWith("250 2.1.5");
            smtp.send("RCPT TO:<Postmaster>");
            assertThat(smtp.readSmtpReply()).as("RFC 5321 §4.5.1 domain-less postmaster").startsWith("250 2.1.5");
            smtp.send("QUIT");
            assertThat(smtp.readSmtpReply()).startsWith("221 2.0.0");
        }
    }

    @Test
    void outOfOrderCommandsAnswer503() {
        try (var smtp = new LineClient(Ports.smtp())) {
            assertThat(smtp.readSmtpReply()).startsWith("220 ");
            smtp.send("MAIL FROM:<sender@elsewhere.test>");
            assertThat(smtp.readSmtpReply()).startsWith("503 5.5.1");
            smtp.send("EHLO client.posthorn.test");
            assertThat(smtp.readSmtpReply()).startsWith("250 ");
            smtp.send("DATA");
            assertThat(smtp.readSmtpReply()).startsWith("503 5.5.1");
        }
    }

    @Test
    void announcedSizeAboveTheLimitIsRefusedAtMail() {
        try (var smtp = greeted()) {
            smtp.send("MAIL FROM:<sender@elsewhere.test> SIZE=" + (25L * 1024 * 1024 + 1));
            assertThat(smtp.readSmtpReply()).startsWith("552 5.3.4");
        }
    }

    @Test
    void messageAboveTheLimitIsRefusedAfterData() {
        try (var smtp = greeted()) {
            smtp.send("MAIL FROM:<sender@elsewhere.test>");
            smtp.readSmtpReply();
            smtp.send("RCPT TO:<big@wire.test>");
            assertThat(smtp.readSmtpReply()).startsWith("250");
            smtp.send("DATA");
            assertThat(smtp.readSmtpReply()).startsWith("354");
            smtp.sendRaw("Subject: too big\r\n\r\n".getBytes(US_ASCII));
            byte[] line = (".".repeat(0) + "x".repeat(998) + "\r\n").getBytes(US_ASCII);
            byte[] chunk = new byte[line.length * 1000];
            for (int i = 0; i < 1000; i++) {
                System.arraycopy(line, 0, chunk, i * line.length, line.length);
            }
            for (int i = 0; i < 27; i++) {  // 27 x 1000 lines of 1000 octets: just over 25 MiB
                smtp.sendRaw(chunk);
            }
            smtp.send(".");
            assertThat(smtp.readSmtpReply()).startsWith("552 5.3.4");
            smtp.send("NOOP");
            assertThat(smtp.readSmtpReply()).startsWith("250");
        }
        try (var pop = new Pop3Mailbox(Ports.pop3(), "big@" + DOMAIN, AdminApi.passwordOf("big"))) {
            assertThat(pop.count()).isZero();
            pop.quit();
        }
    }

    @Test
    void bareLineFeedSmugglingNeverDeliversASecondMessage() {
        try (var smtp = greeted()) {
            smtp.send("MAIL FROM:<sender@elsewhere.test>");
            smtp.readSmtpReply();
            smtp.send("RCPT TO:<victim@wire.test>");
            assertThat(smtp.readSmtpReply()).startsWith("250");
            smtp.send("DATA");
            assertThat(smtp.readSmtpReply()).startsWith("354");
            smtp.sendRaw(("Subject: innocent\r\n\r\nhello\n.\r\n"
                    + "MAIL FROM:<ceo@wire.test>\r\nRCPT TO:<victim@wire.test>\r\nDATA\r\n"
                    + "Subject: smuggled\r\n\r\nsmuggled\r\n.\r\n").getBytes(US_ASCII));
            String reply = smtp.readSmtpReply();
            assertThat(reply).matches("5\\d\\d 5\\.6\\.0 .*");
            smtp.send("NOOP");
            assertThat(smtp.readSmtpReply()).as("no replies left over from smuggled commands").startsWith("250 2.0.0");
        }
        try (var pop = new Pop3Mailbox(Ports.pop3(), "victim@" + DOMAIN, AdminApi.passwordOf("victim"))) {
            assertThat(pop.count()).isZero();
            pop.quit();
        }
    }

    @Test
    void pipelinedBatchGetsItsRepliesInOrder() {
        try (var smtp = greeted()) {
            smtp.sendRaw(("MAIL FROM:<sender@elsewhere.test>\r\nRCPT TO:<piped@wire.test>\r\n"
                    + "RCPT TO:<nobody@wire.test>\r\nDATA\r\n").getBytes(US_ASCII));
            assertThat(smtp.readSmtpReply()).startsWith("250 2.1.0");
            assertThat(smtp.readSmtpReply()).startsWith("250 2.1.5");
            assertThat(smtp.readSmtpReply()).startsWith("550 5.1.1");
            assertThat(smtp.readSmtpReply()).startsWith("354");
            smtp.sendRaw("Subject: piped\r\n\r\npipelined\r\n.\r\nQUIT\r\n".getBytes(US_ASCII));
            assertThat(smtp.readSmtpReply()).startsWith("250 2.0.0");
            assertThat(smtp.readSmtpReply()).startsWith("221 2.0.0");
        }
        try (var pop = new Pop3Mailbox(Ports.pop3(), "piped@" + DOMAIN, AdminApi.passwordOf("piped"))) {
            assertThat(pop.count()).isEqualTo(1);
            assertThat(new String(pop.retrieve(1), US_ASCII)).endsWith("Subject: piped\r\n\r\npipelined\r\n");
            pop.quit();
        }
    }

    @Test
    void twentyConcurrentClientsDeliverFiveHundredMessagesExactlyOnce() throws Exception {
        int clients = 20;
        int perClient = 25;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                done.add(pool.submit(() -> {
                    Session session = SmtpSender.session(Ports.smtp());
                    session.getProperties().put("mail.smtp.from", "load" + client + "@elsewhere.test");
                    try (Transport transport = session.getTransport("smtp")) {
                        transport.connect();
                        for (int m = 0; m < perClient; m++) {
                            var message = SmtpSender.fromBytes(session, MailSpineIT.crlf(
                                    "Subject: load " + client + "/" + m + "\n\nmessage " + m + " of client " + client + "\n"));
                            transport.sendMessage(message, new InternetAddress[] {new InternetAddress("load@wire.test")});
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }

        try (var pop = new Pop3Mailbox(Ports.pop3(), "load@" + DOMAIN, AdminApi.passwordOf("load"))) {
            assertThat(pop.count()).isEqualTo(clients * perClient);
            List<String> ids = pop.uidl();
            assertThat(new HashSet<>(ids)).hasSize(clients * perClient);
            List<Long> uids = ids.stream().map(id -> Long.parseLong(id.substring(id.lastIndexOf('.') + 1))).toList();
            assertThat(uids).isSorted().doesNotHaveDuplicates();
            pop.quit();
        }
    }

    private static LineClient greeted() {
        var smtp = new LineClient(Ports.smtp());
        assertThat(smtp.readSmtpReply()).startsWith("220 ");
        smtp.send("EHLO client.posthorn.test");
        assertThat(smtp.readSmtpReply()).startsWith("250 ");
        return smtp;
    }
}
