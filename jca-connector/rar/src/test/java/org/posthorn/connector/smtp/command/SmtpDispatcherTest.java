package org.posthorn.connector.smtp.command;

import org.posthorn.connector.auth.PlaintextAuthPolicy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.posthorn.connector.codec.DotUnstuffer;
import org.posthorn.connector.smtp.FakeMta;
import org.posthorn.connector.smtp.SmtpConfig;
import org.posthorn.connector.smtp.decode.BadLine;
import org.posthorn.connector.smtp.decode.CommandLine;
import org.posthorn.connector.smtp.decode.InputMode;
import org.posthorn.connector.smtp.decode.MessageData;
import org.posthorn.connector.smtp.decode.MessageSpool;
import org.posthorn.connector.smtp.decode.SpooledMessage;
import org.posthorn.connector.smtp.decode.SmtpFrame;
import org.posthorn.connector.smtp.encode.ReplyFormatter;
import org.posthorn.spi.ClientConnection;
import org.posthorn.spi.MailAddress;
import org.posthorn.spi.MailError;
import org.posthorn.spi.MessageContent;
import org.posthorn.spi.smtp.DeliveryOutcome;
import org.posthorn.spi.smtp.RecipientVerdict;
import org.posthorn.spi.smtp.SenderVerdict;
import org.posthorn.spi.smtp.SmtpEnvelope;
import org.posthorn.spi.smtp.SmtpTransactionListener;

/** The command table and state machine, with a session and no sockets. */
class SmtpDispatcherTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private static final ClientConnection CLIENT =
            new ClientConnection("smtp", new InetSocketAddress("192.0.2.9", 40000), false, Optional.empty());
    private static final SmtpConfig CONFIG = SmtpConfig.of("mx.example.test", 1000, 2, 4, Duration.ofMinutes(5));

    private FakeMta mta = new FakeMta("mx.example.test");
    private StubPostOffice postOffice = new StubPostOffice(mta);
    private SmtpSession session = new SmtpSession(CONFIG, CLIENT, "s1", Clock.fixed(NOW, ZoneOffset.UTC));
    private SmtpDispatcher dispatcher = new SmtpDispatcher(session, new SmtpCommandTable(postOffice), postOffice);

    @Test
    void aWholeTransaction() {
        assertThat(send("EHLO client.example.org")).startsWith("250-mx.example.test Hello client.example.org\r\n");
        assertThat(session.state()).isEqualTo(SessionState.GREETED);
        assertThat(send("MAIL FROM:<sender@example.org> BODY=8BITMIME")).isEqualTo("250 2.1.0 Ok\r\n");
        assertThat(session.state()).isEqualTo(SessionState.MAIL);
        assertThat(send("RCPT TO:<alice@example.test>")).isEqualTo("250 2.1.5 Ok\r\n");
        assertThat(session.state()).isEqualTo(SessionState.RCPT);

        Outcome.Done data = (Outcome.Done) dispatcher.process(line("DATA", true));
        assertThat(data.next()).isEqualTo(InputMode.DATA);
        assertThat(ReplyFormatter.format(data.reply())).isEqualTo("354 End data with <CR><LF>.<CR><LF>\r\n");
        assertThat(session.state()).isEqualTo(SessionState.DATA);

        assertThat(reply(dispatcher.process(message("Subject: x\r\n\r\nhi\r\n", false, false, false))))
                .isEqualTo("250 2.0.0 Ok: queued as FAKE1\r\n");
        assertThat(session.state()).isEqualTo(SessionState.GREETED);

        SmtpEnvelope envelope = mta.deliveries().get(0).envelope();
        assertThat(envelope).isEqualTo(new SmtpEnvelope(CLIENT, "client.example.org", "ESMTP",
                Optional.of(new MailAddress("sender", "example.org")), List.of(new MailAddress("alice", "example.test")),
                "s1", NOW));
        assertThat(mta.deliveries().get(0).content()).isEqualTo("Subject: x\r\n\r\nhi\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void heloMakesItSmtpAndTheNullSenderIsEmpty() {
        send("HELO client");
        send("MAIL FROM:<>");
        send("RCPT TO:<bob@example.test>");

        assertThat(mta.recipientChecks().get(0).protocol()).isEqualTo("SMTP");
        assertThat(mta.recipientChecks().get(0).sender()).isEmpty();
    }

    @Test
    void outOfSequenceIs503() {
        assertThat(send("MAIL FROM:<a@b.example>")).isEqualTo("503 5.5.1 Error: send HELO/EHLO first\r\n");
        assertThat(send("DATA")).isEqualTo("503 5.5.1 Error: send HELO/EHLO first\r\n");
        send("EHLO c");
        assertThat(send("RCPT TO:<alice@example.test>")).isEqualTo("503 5.5.1 Error: need MAIL command\r\n");
        assertThat(postOffice.calls()).isZero();
    }

    @Test
    void rsetForgetsTheTransactionButNotTheGreeting() {
        send("EHLO c");
        send("MAIL FROM:<a@b.example>");
        send("RCPT TO:<alice@example.test>");

        assertThat(send("RSET")).isEqualTo("250 2.0.0 Ok\r\n");

        assertThat(session.state()).isEqualTo(SessionState.GREETED);
        assertThat(session.heloName()).hasValue("c");
        assertThat(send("MAIL FROM:<a@b.example>")).isEqualTo("250 2.1.0 Ok\r\n");
    }

    @Test
    void aNewEhloEndsTheTransaction() {
        send("EHLO c");
        send("MAIL FROM:<a@b.example>");

        send("EHLO d");

        assertThat(session.state()).isEqualTo(SessionState.GREETED);
        assertThat(send("RCPT TO:<alice@example.test>")).startsWith("503 ");
    }

    @Test
    void theFourthBadCommandCloses() {
        assertThat(send("FOO")).startsWith("500 5.5.2");
        assertThat(send("MAIL FROM:<a@b>")).startsWith("503 5.5.1");
        assertThat(reply(dispatcher.process(new BadLine(BadLine.Problem.TOO_LONG)))).isEqualTo("500 5.5.2 Error: line too long\r\n");

        Outcome.Done fourth = (Outcome.Done) dispatcher.process(line("VRFY", false));

        assertThat(fourth.close()).isTrue();
        assertThat(ReplyFormatter.format(fourth.reply())).isEqualTo("421 4.7.0 mx.example.test Error: too many errors\r\n");
    }

    @Test
    void unimplementedVerbsAre502AndNotCounted() {
        for (int i = 0; i < 10; i++) {
            assertThat(send("EXPN staff")).isEqualTo("502 5.5.1 Error: command not implemented\r\n");
        }
        assertThat(send("NOOP")).isEqualTo("250 2.0.0 Ok\r\n");
    }

    @Test
    void helpListsWhatIsImplemented() {
        assertThat(send("HELP")).isEqualTo("214 2.0.0 Supported commands: EHLO HELO MAIL RCPT DATA RSET NOOP QUIT VRFY HELP\r\n");
    }

    @Test
    void theTableSaysWhichVerbsChangeTheFraming() {
        SmtpCommandTable table = new SmtpCommandTable(postOffice);

        assertThat(List.of("DATA", "BDAT", "STARTTLS", "AUTH")).allMatch(table::changesFraming);
        assertThat(List.of("MAIL", "RCPT", "NOOP", "QUIT", "FOO", "")).noneMatch(table::changesFraming);
    }

    @Test
    void submissionNeedsAuthenticationFirst() {
        SmtpConfig submission = new SmtpConfig("submission", "mx.example.test", 1000, 2, 4, Duration.ofMinutes(5), false, true,
                PlaintextAuthPolicy.LOOPBACK);
        session = new SmtpSession(submission, CLIENT, "s2", Clock.systemUTC());
        dispatcher = new SmtpDispatcher(session, new SmtpCommandTable(postOffice), postOffice);

        assertThat(send("EHLO c")).startsWith("250-");
        assertThat(send("MAIL FROM:<a@b.example>")).isEqualTo("530 5.7.0 Authentication required\r\n");
        assertThat(send("VRFY alice")).isEqualTo("530 5.7.0 Authentication required\r\n");
        assertThat(send("NOOP")).isEqualTo("250 2.0.0 Ok\r\n");
    }

    @Test
    void requiredTlsComesFirst() {
        SmtpConfig tlsOnly = new SmtpConfig("smtp", "mx.example.test", 1000, 2, 4, Duration.ofMinutes(5), true, false,
                PlaintextAuthPolicy.LOOPBACK);
        session = new SmtpSession(tlsOnly, CLIENT, "s3", Clock.systemUTC());
        dispatcher = new SmtpDispatcher(session, new SmtpCommandTable(postOffice), postOffice);

        assertThat(send("EHLO c")).startsWith("250-");
        assertThat(send("MAIL FROM:<a@b.example>")).isEqualTo("530 5.7.0 Must issue a STARTTLS command first\r\n");
        assertThat(send("STARTTLS")).startsWith("502 ");
    }

    @Test
    void declaredSizeAboveTheLimit() {
        send("EHLO c");

        assertThat(send("MAIL FROM:<a@b.example> SIZE=1001"))
                .isEqualTo("552 5.3.4 Message size exceeds fixed maximum message size\r\n");
        assertThat(session.state()).isEqualTo(SessionState.GREETED);
        assertThat(send("MAIL FROM:<a@b.example> SIZE=1000")).isEqualTo("250 2.1.0 Ok\r\n");
    }

    @Test
    void nonAsciiAddressesNeedSmtputf8() {
        send("EHLO c");
        assertThat(send("MAIL FROM:<jörg@b.example>")).isEqualTo("553 5.6.7 Non-ASCII address requires SMTPUTF8\r\n");
        send("MAIL FROM:<a@b.example>");
        assertThat(send("RCPT TO:<jörg@example.test>")).isEqualTo("553 5.6.7 Non-ASCII address requires SMTPUTF8\r\n");
        assertThat(postOffice.calls()).isZero();

        send("RSET");
        send("MAIL FROM:<a@b.example> SMTPUTF8");
        assertThat(send("RCPT TO:<jörg@example.test>")).startsWith("550 5.1.1 <j?rg@example.test>");
        assertThat(postOffice.calls()).isEqualTo(1);
    }

    @Test
    void postmasterWithoutDomainIsThisHostsPostmaster() {
        send("EHLO c");
        send("MAIL FROM:<a@b.example>");

        assertThat(send("RCPT TO:<Postmaster>")).isEqualTo("250 2.1.5 Ok\r\n");

        assertThat(session.transaction().orElseThrow().envelope().recipients())
                .containsExactly(new MailAddress("postmaster", "mx.example.test"));
    }

    @Test
    void beyondTheRecipientLimitTheMtaIsNotAsked() {
        send("EHLO c");
        send("MAIL FROM:<a@b.example>");
        send("RCPT TO:<alice@example.test>");
        send("RCPT TO:<bob@example.test>");

        assertThat(send("RCPT TO:<postmaster@example.test>")).isEqualTo("452 4.5.3 Error: too many recipients\r\n");
        assertThat(postOffice.calls()).isEqualTo(2);
    }

    @Test
    void eachRecipientCheckSeesTheRecipientsAcceptedBeforeIt() {
        send("EHLO c");
        send("MAIL FROM:<a@b.example>");
        send("RCPT TO:<alice@example.test>");
        send("RCPT TO:<nobody@example.test>");
        send("RCPT TO:<bob@example.test>");

        assertThat(mta.recipientChecks()).extracting(envelope -> envelope.recipients().size()).containsExactly(0, 1, 1);
    }

    /** The one mapping of MailError to replies, as RCPT and the end of DATA use it. */
    @ParameterizedTest
    @EnumSource(MailError.class)
    void everyRefusalHasAReply(MailError error) {
        String forRecipient = ReplyFormatter.format(MailErrorReplies.refusal(error, Optional.of(new MailAddress("x", "y.test"))));
        String forMessage = ReplyFormatter.format(MailErrorReplies.refusal(error, Optional.empty()));

        String expectedRecipient = switch (error) {
            case NOT_FOUND -> "550 5.1.1 <x@y.test>: Recipient address rejected: User unknown\r\n";
            case NO_PERMISSION, AUTHENTICATION_FAILED -> "550 5.7.1 <x@y.test>: Relay access denied\r\n";
            case OVER_QUOTA -> "452 4.2.2 Mailbox full\r\n";
            case TOO_BIG -> "552 5.3.4 Message size exceeds fixed maximum message size\r\n";
            case INVALID -> "553 5.1.3 <x@y.test>: Recipient address rejected: Bad address\r\n";
            case ALREADY_EXISTS, HAS_CHILDREN, IN_USE, TEMPORARY_FAILURE -> "451 4.3.0 Temporary failure, try again later\r\n";
        };
        String expectedMessage = switch (error) {
            case NOT_FOUND -> "550 5.1.1 Recipient address rejected: User unknown\r\n";
            case NO_PERMISSION, AUTHENTICATION_FAILED -> "550 5.7.1 Delivery not authorized\r\n";
            case INVALID -> "554 5.6.0 Message content rejected\r\n";
            default -> expectedRecipient;
        };
        assertThat(forRecipient).isEqualTo(expectedRecipient);
        assertThat(forMessage).isEqualTo(expectedMessage);
    }

    @Test
    void aRefusedRecipientIsNotAdded() {
        send("EHLO c");
        send("MAIL FROM:<a@b.example>");

        assertThat(send("RCPT TO:<someone@elsewhere.example>")).isEqualTo("550 5.7.1 <someone@elsewhere.example>: Relay access denied\r\n");
        assertThat(session.state()).isEqualTo(SessionState.MAIL);
        assertThat(send("DATA")).isEqualTo("503 5.5.1 Error: no valid recipients\r\n");
    }

    @Test
    void aFailingMtaMeansTryAgainLater() {
        send("EHLO c");
        send("MAIL FROM:<a@b.example>");

        assertThat(send("RCPT TO:<crash@example.test>")).isEqualTo("451 4.3.0 Temporary failure, try again later\r\n");
        assertThat(session.state()).isEqualTo(SessionState.MAIL);
    }

    @Test
    void anUnacceptableMessageIsRefusedWithoutAskingTheMta() {
        assertThat(endOfData(true, false, false)).isEqualTo("552 5.3.4 Message size exceeds fixed maximum message size\r\n");
        assertThat(endOfData(false, true, false)).isEqualTo("550 5.6.0 Message contains bare LF or CR; lines must end with CRLF\r\n");
        assertThat(endOfData(false, false, true)).isEqualTo("550 5.6.0 Message contains a line longer than 1000 octets\r\n");
        assertThat(endOfData(false, false, false, true)).isEqualTo("552 5.3.4 Message header size exceeds fixed maximum\r\n");
        assertThat(mta.deliveries()).isEmpty();
        assertThat(postOffice.calls()).isEqualTo(4); // the four RCPTs only
    }

    @Test
    void deliveryRefusedOrFailed() {
        mta.refuseDeliveries(MailError.OVER_QUOTA);
        assertThat(endOfData(false, false, false)).isEqualTo("452 4.2.2 Mailbox full\r\n");

        mta.crashDeliveries(new IllegalStateException("database down, as the test wants"));
        assertThat(endOfData(false, false, false)).isEqualTo("451 4.3.0 Temporary failure, try again later\r\n");
        assertThat(session.state()).isEqualTo(SessionState.GREETED);
    }

    @Test
    void messageDataOutsideDataIsABug() {
        assertThatThrownBy(() -> dispatcher.process(message("x", false, false, false)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theLogGetsTheCauseNotItsCompletionWrapper() {
        IllegalStateException cause = new IllegalStateException("database down, as the test wants");
        SmtpTransactionListener failing = new SmtpTransactionListener() {
            @Override
            public SenderVerdict checkSender(SmtpEnvelope transaction) {
                return SenderVerdict.accept();
            }

            @Override
            public RecipientVerdict checkRecipient(SmtpEnvelope transaction, MailAddress recipient) {
                throw new CompletionException(cause);
            }

            @Override
            public DeliveryOutcome deliver(SmtpEnvelope envelope, MessageContent content) {
                return DeliveryOutcome.accepted("x");
            }
        };
        postOffice = new StubPostOffice(failing);
        dispatcher = new SmtpDispatcher(session, new SmtpCommandTable(postOffice), postOffice);
        send("EHLO c");
        send("MAIL FROM:<a@b.example>");
        List<LogRecord> logged = new ArrayList<>();
        Logger log = Logger.getLogger(MailErrorReplies.class.getName());
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        log.addHandler(capture);
        log.setUseParentHandlers(false);
        try {
            assertThat(send("RCPT TO:<alice@example.test>")).isEqualTo("451 4.3.0 Temporary failure, try again later\r\n");
        } finally {
            log.removeHandler(capture);
            log.setUseParentHandlers(true);
        }

        assertThat(logged).singleElement().satisfies(record -> {
            assertThat(record.getLevel()).isEqualTo(Level.WARNING);
            assertThat(record.getThrown()).isSameAs(cause);
            assertThat(record.getMessage()).contains("s1", "alice@example.test");
        });
    }

    private String endOfData(boolean tooBig, boolean bare, boolean longLine) {
        return endOfData(tooBig, bare, longLine, false);
    }

    private String endOfData(boolean tooBig, boolean bare, boolean longLine, boolean headerTooLarge) {
        if (session.state() == SessionState.CONNECTED) {
            send("EHLO c");
        }
        send("MAIL FROM:<a@b.example>");
        send("RCPT TO:<alice@example.test>");
        dispatcher.process(line("DATA", true));
        return reply(dispatcher.process(message("Subject: x\r\n\r\nhi\r\n", tooBig, bare, longLine, headerTooLarge)));
    }

    private String send(String text) {
        return reply(dispatcher.process(line(text, false)));
    }

    /** The reply an outcome ends in, running a pending call's continuation as the connection handler would. */
    private static String reply(Outcome outcome) {
        while (outcome instanceof Outcome.Pending<?> pending) {
            outcome = complete(pending);
        }
        return ReplyFormatter.format(((Outcome.Done) outcome).reply());
    }

    private static <T> Outcome complete(Outcome.Pending<T> pending) {
        try {
            return pending.then().apply(pending.call().toCompletableFuture().join(), null);
        } catch (CompletionException e) {
            return pending.then().apply(null, e);
        }
    }

    private static SmtpFrame line(String text, boolean holdsFraming) {
        int space = text.indexOf(' ');
        String verb = space < 0 ? text : text.substring(0, space);
        return new CommandLine(verb.toUpperCase(Locale.ROOT), space < 0 ? "" : text.substring(space + 1), holdsFraming);
    }

    private static MessageData message(String content, boolean tooBig, boolean bare, boolean longLine) {
        return message(content, tooBig, bare, longLine, false);
    }

    private static MessageData message(String content, boolean tooBig, boolean bare, boolean longLine,
                                       boolean headerTooLarge) {
        byte[] bytes = content.getBytes(StandardCharsets.US_ASCII);
        return new MessageData(spooled(bytes),
                new DotUnstuffer.Report(bytes.length, tooBig, bare, longLine, Optional.empty()), headerTooLarge);
    }

    private static SpooledMessage spooled(byte[] bytes) {
        try {
            MessageSpool spool = new MessageSpool(Long.MAX_VALUE, Path.of("in-memory-only"));
            spool.write(bytes);
            return spool.content();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
