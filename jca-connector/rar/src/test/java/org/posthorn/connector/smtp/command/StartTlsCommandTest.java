package org.posthorn.connector.smtp.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.posthorn.connector.smtp.FakeMta;
import org.posthorn.connector.smtp.SmtpConfig;
import org.posthorn.connector.smtp.decode.CommandLine;
import org.posthorn.connector.smtp.decode.SmtpFrame;
import org.posthorn.connector.smtp.encode.ReplyFormatter;
import org.posthorn.spi.ClientConnection;

/** STARTTLS in the command table and the session (RFC 3207 §4, §4.2), without sockets. */
class StartTlsCommandTest {

    private static final ClientConnection CLIENT =
            new ClientConnection("smtp", new InetSocketAddress("192.0.2.9", 40000), false, Optional.empty());
    private static final SmtpConfig CONFIG = SmtpConfig.of("mx.example.test", 1000, 2, 4, Duration.ofMinutes(5));

    private final StubPostOffice postOffice = new StubPostOffice(new FakeMta("mx.example.test"));
    private final SmtpSession session = new SmtpSession(CONFIG, CLIENT, "s1", Clock.systemUTC());
    private final SmtpDispatcher dispatcher = new SmtpDispatcher(session, new SmtpCommandTable(postOffice, true, Optional.empty()), postOffice);

    @Test
    void startTlsForgetsEverythingTheClientSaidAndMakesTheSessionSecure() {
        assertThat(text(dispatcher.process(line("EHLO client.example")))).contains("250-SMTPUTF8\r\n250 STARTTLS\r\n");

        Outcome outcome = dispatcher.process(line("STARTTLS"));

        assertThat(outcome).isEqualTo(new Outcome.StartTls(StartTlsHandler.READY));
        assertThat(ReplyFormatter.format(StartTlsHandler.READY)).isEqualTo("220 2.0.0 Ready to start TLS\r\n");
        assertThat(session.isSecure()).isTrue();
        assertThat(session.client().secure()).isTrue();
        assertThat(session.heloName()).isEmpty();
        assertThat(session.state()).isEqualTo(SessionState.CONNECTED);
        assertThat(text(dispatcher.process(line("MAIL FROM:<a@b.example>")))).isEqualTo("503 5.5.1 Error: send HELO/EHLO first\r\n");
    }

    @Test
    void afterTlsEhloNoLongerOffersStartTlsAndTheTraceSaysEsmtps() {
        dispatcher.process(line("STARTTLS"));

        assertThat(text(dispatcher.process(line("EHLO client.example")))).doesNotContain("STARTTLS");
        assertThat(text(dispatcher.process(line("STARTTLS")))).isEqualTo("503 5.5.1 Error: TLS already active\r\n");
        dispatcher.process(line("MAIL FROM:<a@b.example>"));
        assertThat(session.transaction().orElseThrow().envelope().protocol()).isEqualTo("ESMTPS");
        assertThat(session.transaction().orElseThrow().envelope().client().secure()).isTrue();
    }

    @Test
    void ehloInTheClearIsEsmtp() {
        dispatcher.process(line("EHLO client.example"));
        dispatcher.process(line("MAIL FROM:<a@b.example>"));
        assertThat(session.transaction().orElseThrow().envelope().protocol()).isEqualTo("ESMTP");
    }

    @Test
    void aParameterIsASyntaxError() {
        assertThat(text(dispatcher.process(line("STARTTLS please")))).isEqualTo("501 5.5.4 Syntax error: no argument allowed\r\n");
        assertThat(session.isSecure()).isFalse();
    }

    @Test
    void withoutTlsItIsNotImplementedAndNotAdvertised() {
        SmtpSession plain = new SmtpSession(CONFIG, CLIENT, "s2", Clock.systemUTC());
        SmtpDispatcher noTls = new SmtpDispatcher(plain, new SmtpCommandTable(postOffice), postOffice);

        assertThat(text(noTls.process(line("EHLO client.example")))).doesNotContain("STARTTLS");
        assertThat(text(noTls.process(line("STARTTLS")))).isEqualTo("502 5.5.1 Error: command not implemented\r\n");
    }

    @Test
    void theAuthPolicyOfTheConfigDecidesForTheSession() {
        assertThat(session.authAllowed()).as("remote, clear text, loopback policy").isFalse();
        dispatcher.process(line("STARTTLS"));
        assertThat(session.authAllowed()).as("over TLS").isTrue();
    }

    /** A line as the decoder frames it: it pauses after STARTTLS, which changes the framing. */
    private static SmtpFrame line(String text) {
        int space = text.indexOf(' ');
        String verb = space < 0 ? text : text.substring(0, space);
        return new CommandLine(verb, space < 0 ? "" : text.substring(space + 1), verb.equals("STARTTLS"));
    }

    private static String text(Outcome outcome) {
        return ReplyFormatter.format(((Outcome.Done) outcome).reply());
    }
}
