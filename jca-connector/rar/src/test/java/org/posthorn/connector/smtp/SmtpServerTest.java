package org.posthorn.connector.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.posthorn.connector.conversation.ConversationScript;
import org.posthorn.connector.endpoint.FakePostOffice;
import org.posthorn.connector.server.TestServer;
import org.posthorn.settings.Settings;
import org.posthorn.spi.MailAddress;
import org.posthorn.spi.MailError;
import org.posthorn.spi.smtp.SmtpEnvelope;
import org.posthorn.spi.smtp.SmtpTransactionListener;

/** The SMTP server over real sockets, with what the fake MTA received checked byte for byte. */
class SmtpServerTest {

    private static final String EHLO = """
            C: EHLO client.example.org
            S: 250-mx\\.example\\.test Hello client\\.example\\.org
            S: 250-.*
            S: 250-.*
            S: 250-.*
            S: 250-.*
            S: 250 .*
            """;

    private final FakeMta mta = new FakeMta(SmtpTestSupport.HOSTNAME);
    private final FakePostOffice postOffice = new FakePostOffice().with(SmtpTransactionListener.class, mta);
    private final SmtpProtocol protocol = new SmtpProtocol(postOffice, SmtpTestSupport.SMALL_LIMITS);
    private TestServer server = new TestServer(protocol);

    @AfterEach
    void stop() {
        server.close();
        postOffice.close();
    }

    @Test
    void storesExactlyTheUnstuffedBytesWithTheEnvelope() {
        run("""
                S: 220 .*
                %s
                C: MAIL FROM:<sender@example.org> BODY=8BITMIME SMTPUTF8
                S: 250 2\\.1\\.0 Ok
                C: RCPT TO:<alice@example.test>
                S: 250 2\\.1\\.5 Ok
                C: RCPT TO:<nobody@example.test>
                S: 550 .*
                C: RCPT TO:<bob@example.test>
                S: 250 2\\.1\\.5 Ok
                C: DATA
                S: 354 .*
                R: Subject: Grüße\\r\\n\\r\\n..one dot\\r\\n...\\r\\n..\\r\\n8-bit: \\xFF\\x00\\r\\n.\\r\\n
                S: 250 2\\.0\\.0 Ok: queued as FAKE1
                C: QUIT
                S: 221 .*
                E:
                """.formatted(EHLO));

        FakeMta.Delivery delivery = mta.deliveries().get(0);
        // Every doubled leading dot lost one, the terminating line is gone, the rest is byte for byte.
        byte[] expected = concat("Subject: Grüße\r\n\r\n.one dot\r\n..\r\n.\r\n8-bit: ".getBytes(StandardCharsets.UTF_8),
                new byte[] {(byte) 0xFF, 0, '\r', '\n'});
        assertThat(delivery.content()).isEqualTo(expected);
        SmtpEnvelope envelope = delivery.envelope();
        assertThat(envelope.heloName()).isEqualTo("client.example.org");
        assertThat(envelope.protocol()).isEqualTo("ESMTP");
        assertThat(envelope.sender()).contains(new MailAddress("sender", "example.org"));
        assertThat(envelope.recipients()).containsExactly(new MailAddress("alice", "example.test"),
                new MailAddress("bob", "example.test"));
        assertThat(envelope.sessionId()).isNotBlank();
        assertThat(envelope.client().service()).isEqualTo("smtp");
        assertThat(envelope.client().secure()).isFalse();
        assertThat(envelope.client().authenticatedUser()).isEmpty();
        assertThat(envelope.client().isLoopback()).isTrue();
    }

    @Test
    void aSmuggledTransactionIsNeverDelivered() {
        run("""
                S: 220 .*
                %s
                C: MAIL FROM:<sender@example.org>
                S: 250 .*
                C: RCPT TO:<alice@example.test>
                S: 250 .*
                C: DATA
                S: 354 .*
                R: Subject: first\\r\\n\\r\\nhello\\n.\\nMAIL FROM:<admin@example.test>\\r\\nRCPT TO:<bob@example.test>\\r\\nDATA\\r\\nSubject: smuggled\\r\\n\\r\\nevil\\r\\n.\\r\\n
                S: 550 5\\.6\\.0 .*
                C: QUIT
                S: 221 .*
                E:
                """.formatted(EHLO));

        assertThat(mta.deliveries()).isEmpty();
        assertThat(mta.recipientChecks()).as("bob was never a recipient: one transaction only")
                .extracting(SmtpEnvelope::sender).containsExactly(Optional.of(new MailAddress("sender", "example.org")));
    }

    @Test
    void refusedAndFailedDeliveries() {
        mta.refuseDeliveries(MailError.OVER_QUOTA);
        run(transactionExpecting("452 4\\.2\\.2 Mailbox full"));

        mta.crashDeliveries(new IllegalStateException("database down, as the test wants"));
        run(transactionExpecting("451 4\\.3\\.0 Temporary failure, try again later"));
        assertThat(mta.deliveries()).isEmpty();
    }

    @Test
    void aFullListenerSaysSoAndCloses() {
        server.close();
        server = new TestServer(protocol, 0);

        run("""
                S: 421 4\\.7\\.0 mx\\.example\\.test Too many connections, try again later
                E:
                """);
    }

    @Test
    void theProtocolAsTheListenerHostSeesIt() {
        assertThat(protocol.name()).isEqualTo("smtp");
        assertThat(protocol.portSetting()).isSameAs(Settings.SMTP_PORT);
        assertThat(protocol.requiredListeners()).containsExactly(SmtpTransactionListener.class);
        assertThat(protocol.tooBusyReply()).isEqualTo("421 4.7.0 mx.example.test Too many connections, try again later\r\n");
    }

    @Test
    void theConfigurationComesFromTheSettings() {
        SmtpConfig config = SmtpConfig.fromSettings();

        assertThat(config.service()).isEqualTo("smtp");
        assertThat(config.maxMessageSize()).isEqualTo(Settings.MAX_MESSAGE_SIZE.get());
        assertThat(config.maxRecipients()).isEqualTo(Settings.SMTP_MAX_RECIPIENTS.get());
        assertThat(config.maxErrors()).isEqualTo(Settings.SMTP_MAX_ERRORS.get());
        assertThat(config.idleTimeout()).isEqualTo(Settings.SMTP_IDLE_TIMEOUT.get());
        assertThat(List.of(config.requireTls(), config.requireAuth())).containsOnly(false);
    }

    private String transactionExpecting(String reply) {
        return """
                S: 220 .*
                C: HELO client
                S: 250 .*
                C: MAIL FROM:<sender@example.org>
                S: 250 .*
                C: RCPT TO:<alice@example.test>
                S: 250 .*
                C: DATA
                S: 354 .*
                C: hi
                C: .
                S: %s
                C: QUIT
                S: 221 .*
                E:
                """.formatted(reply);
    }

    private void run(String script) {
        ConversationScript.parse("inline", script).run("127.0.0.1", server.port());
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
