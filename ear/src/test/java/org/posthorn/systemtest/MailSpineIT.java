package org.posthorn.systemtest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.SendFailedException;
import java.util.Properties;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.posthorn.systemtest.support.AdminApi;
import org.posthorn.systemtest.support.Pop3Mailbox;
import org.posthorn.systemtest.support.Ports;
import org.posthorn.systemtest.support.PosthornDeployment;
import org.posthorn.systemtest.support.SmtpSender;
import org.posthorn.systemtest.support.TraceHeaders;

/**
 * The mail spine end to end: Jakarta Mail delivers over SMTP to the deployed EAR, and what POP3 hands
 * back is byte-exact what was sent, behind the trace header fields the MDA adds.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MailSpineIT {

    private static final String DOMAIN = "spine.test";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return PosthornDeployment.ear();
    }

    @BeforeAll
    static void createAccounts() {
        AdminApi.forTestServer().createDomainWithAccounts(DOMAIN,
                "plain", "multipart", "large", "eightbit", "dots", "trace", "jakarta", "multi1", "multi2");
    }

    @Test
    void plainTextMessageComesBackByteExact() throws Exception {
        byte[] raw = crlf("""
                From: Sender <sender@elsewhere.test>
                To: plain@spine.test
                Subject: plain text
                Message-ID: <plain-1@elsewhere.test>
                Date: Fri, 27 Nov 2026 10:00:00 +0000

                Hello,
                this is a plain message.
                """);
        assertThat(deliverAndFetch(raw, "plain")).isEqualTo(raw);
    }

    @Test
    void multipartWithAttachmentComesBackByteExact() throws Exception {
        byte[] raw = withAttachment("multipart@spine.test", "with attachment", "See the attachment.", 20_000, 42);
        assertThat(deliverAndFetch(raw, "multipart")).isEqualTo(raw);
    }

    @Test
    void largeMessageGoesThroughASpoolFileAndComesBackByteExact() throws Exception {
        byte[] raw = withAttachment("large@spine.test", "five megabytes", "Above the 1 MiB memory limit of the spool.",
                5 * 1024 * 1024, 5);
        assertThat(deliverAndFetch(raw, "large")).isEqualTo(raw);
        java.nio.file.Path spool = java.nio.file.Path.of(System.getProperty("posthorn.test.base-dir"), "tmp", "posthorn-spool");
        try (var files = java.nio.file.Files.list(spool)) {
            assertThat(files.filter(f -> f.toString().endsWith(".spool"))).as("spool files left behind").isEmpty();
        }
    }

    @Test
    void eightBitMessageComesBackByteExact() throws Exception {
        byte[] raw = crlf("""
                From: sender@elsewhere.test
                To: eightbit@spine.test
                Subject: =?UTF-8?Q?Gr=C3=BC=C3=9Fe?=
                MIME-Version: 1.0
                Content-Type: text/plain; charset=UTF-8
                Content-Transfer-Encoding: 8bit

                Grüße aus Köln — ünïcödé, 日本語.
                """);
        assertThat(deliverAndFetch(raw, "eightbit")).isEqualTo(raw);
    }

    @Test
    void linesStartingWithDotsSurviveTransparency() throws Exception {
        byte[] raw = crlf("""
                From: sender@elsewhere.test
                To: dots@spine.test
                Subject: dots

                .
                ..
                .leading dot
                ...three
                . 
                end
                """);
        assertThat(deliverAndFetch(raw, "dots")).isEqualTo(raw);
    }

    @Test
    void storedMessageCarriesReturnPathAndReceived() throws Exception {
        byte[] raw = crlf("""
                From: sender@elsewhere.test
                To: trace@spine.test
                Subject: trace

                body
                """);
        byte[] stored = deliverAndFetchStored(raw, "trace");
        String trace = TraceHeaders.of(stored);
        assertThat(trace).startsWith("Return-Path: <sender@elsewhere.test>\r\n");
        assertThat(trace).contains("Received: from client.posthorn.test");
        assertThat(trace).contains("by mx.posthorn.test");
        assertThat(trace).containsPattern("with E?SMTP");
    }

    @Test
    void oneMessageToTwoRecipientsIsStoredForEach() throws Exception {
        byte[] raw = crlf("""
                From: sender@elsewhere.test
                To: multi1@spine.test, multi2@spine.test
                Subject: for two

                both of you
                """);
        Session session = SmtpSender.session(Ports.smtp());
        SmtpSender.send(session, SmtpSender.fromBytes(session, raw), "sender@elsewhere.test",
                "multi1@spine.test", "multi2@spine.test");
        for (String user : new String[] {"multi1", "multi2"}) {
            try (var pop = new Pop3Mailbox(Ports.pop3(), user + "@" + DOMAIN, AdminApi.passwordOf(user))) {
                assertThat(pop.count()).isEqualTo(1);
                assertThat(TraceHeaders.strip(pop.retrieve(1))).isEqualTo(raw);
                pop.quit();
            }
        }
    }

    @Test
    void unknownLocalUserIsRefusedByJakartaMail() throws Exception {
        Session session = SmtpSender.session(Ports.smtp());
        MimeMessage message = SmtpSender.fromBytes(session, crlf("Subject: x\n\nx\n"));
        assertThatThrownBy(() -> SmtpSender.send(session, message, "sender@elsewhere.test", "nobody@spine.test"))
                .isInstanceOf(SendFailedException.class)
                .hasStackTraceContaining("550 5.1.1");
    }

    @Test
    void jakartaMailPop3ClientReadsAndDeletes() throws Exception {
        byte[] raw = crlf("""
                From: sender@elsewhere.test
                To: jakarta@spine.test
                Subject: read by Jakarta Mail

                hello POP3
                """);
        Session smtp = SmtpSender.session(Ports.smtp());
        SmtpSender.send(smtp, SmtpSender.fromBytes(smtp, raw), "sender@elsewhere.test", "jakarta@spine.test");

        Session pop3 = Session.getInstance(new Properties());
        Store store = pop3.getStore("pop3");
        store.connect("127.0.0.1", Ports.pop3(), "jakarta@spine.test", AdminApi.passwordOf("jakarta"));
        Folder inbox = store.getFolder("INBOX");
        inbox.open(Folder.READ_WRITE);
        assertThat(inbox.getMessageCount()).isEqualTo(1);
        Message message = inbox.getMessage(1);
        assertThat(message.getSubject()).isEqualTo("read by Jakarta Mail");
        assertThat(((String) message.getContent()).trim()).isEqualTo("hello POP3");
        message.setFlag(jakarta.mail.Flags.Flag.DELETED, true);
        inbox.close(true);
        store.close();

        try (var pop = new Pop3Mailbox(Ports.pop3(), "jakarta@spine.test", AdminApi.passwordOf("jakarta"))) {
            assertThat(pop.count()).isZero();
            pop.quit();
        }
    }

    /** A multipart/mixed message with a text part and a random binary attachment, as Jakarta Mail builds it. */
    private static byte[] withAttachment(String to, String subject, String text, int attachmentSize, long seed)
            throws Exception {
        MimeMessage built = new MimeMessage(SmtpSender.session(Ports.smtp()));
        built.setFrom("sender@elsewhere.test");
        built.setRecipients(Message.RecipientType.TO, to);
        built.setSubject(subject);
        MimeBodyPart textPart = new MimeBodyPart();
        textPart.setText(text, "UTF-8");
        MimeBodyPart attachment = new MimeBodyPart();
        byte[] binary = new byte[attachmentSize];
        new java.util.Random(seed).nextBytes(binary);
        attachment.setContent(binary, "application/octet-stream");
        attachment.setFileName("attachment.bin");
        built.setContent(new MimeMultipart(textPart, attachment));
        built.saveChanges();
        return SmtpSender.bytesOf(built);
    }

    private static byte[] deliverAndFetch(byte[] raw, String user) throws Exception {
        return TraceHeaders.strip(deliverAndFetchStored(raw, user));
    }

    /** Sends the exact bytes with Jakarta Mail, then fetches the account's only message over POP3 and deletes it. */
    private static byte[] deliverAndFetchStored(byte[] raw, String user) throws Exception {
        Session session = SmtpSender.session(Ports.smtp());
        MimeMessage message = SmtpSender.fromBytes(session, raw);
        assertThat(SmtpSender.bytesOf(message)).as("Jakarta Mail sends the bytes unchanged").isEqualTo(raw);
        SmtpSender.send(session, message, "sender@elsewhere.test", user + "@" + DOMAIN);
        try (var pop = new Pop3Mailbox(Ports.pop3(), user + "@" + DOMAIN, AdminApi.passwordOf(user))) {
            assertThat(pop.count()).isEqualTo(1);
            byte[] stored = pop.retrieve(1);
            pop.delete(1);
            pop.quit();
            return stored;
        }
    }

    static byte[] crlf(String text) {
        return text.replace("\n", "\r\n").getBytes(UTF_8);
    }
}
