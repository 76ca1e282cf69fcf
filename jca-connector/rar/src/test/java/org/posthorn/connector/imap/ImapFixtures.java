package org.posthorn.connector.imap;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.posthorn.connector.auth.PlaintextAuthPolicy;
import org.posthorn.connector.auth.ScramTestVector;
import org.posthorn.connector.auth.Throttles;
import org.posthorn.connector.endpoint.FakePostOffice;
import org.posthorn.connector.imap.command.ImapConfig;
import org.posthorn.connector.imap.decode.DecodeLimits;
import org.posthorn.connector.imap.fake.FakeMailboxStore;
import org.posthorn.connector.pop3.InMemoryAuthenticator;
import org.posthorn.connector.server.TestServer;
import org.posthorn.connector.watch.MailboxWatchers;
import org.posthorn.spi.auth.AuthenticationListener;
import org.posthorn.spi.imap.MailboxStoreListener;

/**
 * An in-process IMAP server on a loopback port for the conversation scripts: the real
 * {@link ImapProtocol} with a {@link FakePostOffice} that routes the mailbox store to a
 * {@link FakeMailboxStore} (which announces its changes to the server's {@link MailboxWatchers}, as the
 * post office does through JMS) and authentication to an authenticator that knows one user. Failed
 * logins wait 50 ms; five bad commands close the connection; idle connections close after 5 s.
 *
 * <p>bob's INBOX holds three messages: UID 1 a plain text mail from Alice, UID 2 a multipart/mixed
 * report from Carol (text/plain and text/html parts), UID 3 a short ping from Dave, without Date:.
 */
final class ImapFixtures implements AutoCloseable {

    static final String BOB = "bob@example.org";
    static final String BOB_PASSWORD = "bob-password";
    /** Small, so that a conversation script can exceed it. */
    static final long MAX_HEADER_SIZE = 4096;

    static final String MESSAGE_1 = """
            From: Alice Example <alice@example.org>\r
            To: bob@example.org\r
            Subject: Lunch tomorrow\r
            Date: Thu, 26 Nov 2026 09:15:00 +0100\r
            Message-ID: <m1@example.org>\r
            \r
            Shall we meet at noon?\r
            """;
    static final String MESSAGE_2 = """
            From: Carol <carol@example.org>\r
            To: bob@example.org\r
            Subject: Report\r
            Date: Fri, 27 Nov 2026 10:00:00 +0000\r
            Content-Type: multipart/mixed; boundary=XX\r
            \r
            --XX\r
            Content-Type: text/plain\r
            \r
            first part\r
            --XX\r
            Content-Type: text/html\r
            \r
            <i>second</i>\r
            --XX--\r
            """;
    static final String MESSAGE_3 = "From: dave@example.org\r\nSubject: Ping\r\n\r\nPing.\r\n";

    final MailboxWatchers watchers = new MailboxWatchers();
    final FakeMailboxStore store = new FakeMailboxStore(watchers).account(BOB);
    final FakePostOffice postOffice = new FakePostOffice()
            .with(MailboxStoreListener.class, store)
            .with(AuthenticationListener.class, new InMemoryAuthenticator().user(BOB, BOB_PASSWORD)
                    .scramUser(ScramTestVector.USER, ScramTestVector.credentials()));
    final ImapConfig config = new ImapConfig(Duration.ofSeconds(5), Duration.ofMillis(50), 5,
            PlaintextAuthPolicy.LOOPBACK, DecodeLimits.defaults(), MAX_HEADER_SIZE);
    final TestServer server = new TestServer(ImapProtocol.plain(postOffice, config, Throttles.standard(), ScramTestVector.servers(), watchers,
            Optional.empty()));

    ImapFixtures() {
        deliver(MESSAGE_1);
        deliver(MESSAGE_2);
        deliver(MESSAGE_3);
    }

    long deliver(String message) {
        return store.deliver(BOB, message.getBytes(StandardCharsets.UTF_8));
    }

    int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.close();
        postOffice.close();
    }
}
