package org.posthorn.connector.smtp.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.posthorn.connector.auth.LoginThrottle;
import org.posthorn.connector.auth.PlaintextAuthPolicy;
import org.posthorn.connector.auth.ScramServers;
import org.posthorn.connector.auth.ThrottleLimits;
import org.posthorn.connector.pop3.InMemoryAuthenticator;
import org.posthorn.connector.smtp.FakeMta;
import org.posthorn.connector.smtp.SmtpConfig;
import org.posthorn.connector.smtp.decode.CommandLine;
import org.posthorn.connector.smtp.decode.InputMode;
import org.posthorn.connector.smtp.decode.SaslLine;
import org.posthorn.connector.smtp.encode.ReplyFormatter;
import org.posthorn.spi.ClientConnection;
import org.posthorn.spi.MailAddress;
import org.posthorn.spi.MessageContent;
import org.posthorn.spi.auth.AuthenticationListener;
import org.posthorn.spi.auth.AuthenticationResult;
import org.posthorn.spi.auth.Credentials;
import org.posthorn.spi.auth.ScramCredentials;
import org.posthorn.spi.smtp.DeliveryOutcome;
import org.posthorn.spi.smtp.RecipientVerdict;
import org.posthorn.spi.smtp.SenderVerdict;
import org.posthorn.spi.smtp.SmtpEnvelope;
import org.posthorn.spi.smtp.SmtpTransactionListener;

/** AUTH (RFC 4954) in the command layer: the outcomes themselves, with the framing and delays they ask for. */
class AuthCommandTest {

    private static final ClientConnection CLIENT =
            new ClientConnection("submission", new InetSocketAddress("192.0.2.9", 40000), true, Optional.empty());
    private static final SmtpConfig CONFIG = new SmtpConfig("submission", "mx.example.test", 1000, 2, 3,
            Duration.ofMinutes(5), false, true, PlaintextAuthPolicy.NEVER);
    private static final String PLAIN_WRONG = "AGFsaWNlQGV4YW1wbGUudGVzdAB3cm9uZw==";
    private static final String PLAIN_ALICE = "AGFsaWNlQGV4YW1wbGUudGVzdABhbGljZS1wYXNzd29yZA==";

    private final InMemoryAuthenticator passwords = new InMemoryAuthenticator().user("alice@example.test", "alice-password");
    private final StubPostOffice postOffice = new StubPostOffice(new PostOfficeListeners(new FakeMta("mx.example.test"), passwords));
    private final LoginThrottle throttle = new LoginThrottle(
            new ThrottleLimits(10, Duration.ofMinutes(10), Duration.ofSeconds(1), 100), Clock.systemUTC());
    private SmtpSession session = new SmtpSession(CONFIG, CLIENT, "s1", Clock.systemUTC());
    private final SmtpDispatcher dispatcher = new SmtpDispatcher(session,
            new SmtpCommandTable(postOffice, true, Optional.of(new SmtpLogin(postOffice, throttle, Duration.ofMillis(100), ScramServers.ephemeral()))),
            postOffice);

    @Test
    void aFailedLoginIsAnsweredAfterTheThrottlesGrowingDelay() {
        send("EHLO c");

        Outcome first = settle(dispatcher.process(line("AUTH PLAIN " + PLAIN_WRONG)));
        Outcome second = settle(dispatcher.process(line("AUTH PLAIN " + PLAIN_WRONG)));

        assertThat(first).isInstanceOf(Outcome.Delay.class);
        assertThat(((Outcome.Delay) first).delay()).isEqualTo(Duration.ofMillis(100));
        assertThat(ReplyFormatter.format(((Outcome.Delay) first).then().reply()))
                .isEqualTo("535 5.7.8 Authentication credentials invalid\r\n");
        assertThat(((Outcome.Delay) second).delay()).isEqualTo(Duration.ofMillis(200));
        assertThat(((Outcome.Delay) second).then().next()).isEqualTo(InputMode.COMMANDS);
    }

    @Test
    void failedLoginsCountAsBadCommandsUpToTheLimit() {
        send("EHLO c");
        send("AUTH PLAIN " + PLAIN_WRONG);
        send("AUTH PLAIN " + PLAIN_WRONG);

        Outcome.Done third = ((Outcome.Delay) settle(dispatcher.process(line("AUTH PLAIN " + PLAIN_WRONG)))).then();

        assertThat(third.close()).isTrue();
        assertThat(ReplyFormatter.format(third.reply())).isEqualTo("421 4.7.0 mx.example.test Error: too many errors\r\n");
    }

    @Test
    void aChallengeAsksTheDecoderForOneSaslLineAndTheLoginReachesTheSessionAndTheTraceHeader() {
        send("EHLO c");

        Outcome.Done challenge = (Outcome.Done) dispatcher.process(line("AUTH LOGIN"));
        assertThat(challenge.next()).isEqualTo(InputMode.AUTH_RESPONSE);
        Outcome.Done password = (Outcome.Done) dispatcher.process(new SaslLine(Optional.of("YWxpY2VAZXhhbXBsZS50ZXN0")));
        assertThat(ReplyFormatter.format(password.reply())).isEqualTo("334 UGFzc3dvcmQ6\r\n");
        String done = reply(dispatcher.process(new SaslLine(Optional.of("YWxpY2UtcGFzc3dvcmQ="))));

        assertThat(done).isEqualTo("235 2.7.0 Authentication successful\r\n");
        assertThat(session.client().authenticatedUser()).contains("alice@example.test");
        assertThat(session.protocol()).isEqualTo("ESMTPSA");
        assertThat(passwords.attempts()).extracting(Credentials::login).containsExactly("alice@example.test");
    }

    @Test
    void anUnreadableSaslLineEndsTheExchange() {
        send("EHLO c");
        dispatcher.process(line("AUTH PLAIN"));

        assertThat(reply(dispatcher.process(new SaslLine(Optional.empty()))))
                .isEqualTo("500 5.5.6 Authentication exchange line is too long or malformed\r\n");
        assertThat(session.isAuthenticated()).isFalse();
    }

    @Test
    void startTlsForgetsTheLogin() {
        ClientConnection clear = new ClientConnection("submission", new InetSocketAddress("127.0.0.1", 40000), false,
                Optional.empty());
        session = new SmtpSession(new SmtpConfig("submission", "mx.example.test", 1000, 2, 3, Duration.ofMinutes(5), false,
                true, PlaintextAuthPolicy.LOOPBACK), clear, "s2", Clock.systemUTC());
        SmtpDispatcher plain = new SmtpDispatcher(session, new SmtpCommandTable(postOffice, true,
                Optional.of(new SmtpLogin(postOffice, throttle, Duration.ofMillis(100), ScramServers.ephemeral()))), postOffice);
        plain.process(line("EHLO c"));
        assertThat(reply(plain.process(line("AUTH PLAIN " + PLAIN_ALICE)))).startsWith("235 ");
        assertThat(session.protocol()).isEqualTo("ESMTPA");

        assertThat(plain.process(line("STARTTLS"))).isInstanceOf(Outcome.StartTls.class);

        assertThat(session.isAuthenticated()).isFalse();
        assertThat(session.isSecure()).isTrue();
    }

    private String send(String text) {
        return reply(dispatcher.process(line(text)));
    }

    /** The outcome once every pending call has been answered, as the connection handler would see it. */
    private static Outcome settle(Outcome outcome) {
        while (outcome instanceof Outcome.Pending<?> pending) {
            outcome = complete(pending);
        }
        return outcome;
    }

    private static String reply(Outcome result) {
        Outcome outcome = settle(result);
        if (outcome instanceof Outcome.Delay delay) {
            outcome = delay.then();
        }
        return ReplyFormatter.format(((Outcome.Done) outcome).reply());
    }

    private static <T> Outcome complete(Outcome.Pending<T> pending) {
        T value = pending.call().toCompletableFuture().join();
        return pending.then().apply(value, null);
    }

    private static CommandLine line(String text) {
        int space = text.indexOf(' ');
        String verb = (space < 0 ? text : text.substring(0, space)).toUpperCase(Locale.ROOT);
        boolean holds = verb.equals("AUTH") || verb.equals("STARTTLS") || verb.equals("DATA");
        return new CommandLine(verb, space < 0 ? "" : text.substring(space + 1), holds);
    }

    /** The MTA and the password store behind one object, as the stub post office wants it. */
    private record PostOfficeListeners(SmtpTransactionListener mta, AuthenticationListener passwords)
            implements SmtpTransactionListener, AuthenticationListener {

        @Override
        public SenderVerdict checkSender(SmtpEnvelope transaction) {
            return mta.checkSender(transaction);
        }

        @Override
        public RecipientVerdict checkRecipient(SmtpEnvelope transaction, MailAddress recipient) {
            return mta.checkRecipient(transaction, recipient);
        }

        @Override
        public DeliveryOutcome deliver(SmtpEnvelope envelope, MessageContent content) {
            return mta.deliver(envelope, content);
        }

        @Override
        public AuthenticationResult authenticate(Credentials credentials) {
            return passwords.authenticate(credentials);
        }

        @Override
        public Optional<ScramCredentials> scramCredentials(String login) {
            return passwords.scramCredentials(login);
        }

        @Override
        public void scramFailed(String login, ClientConnection client) {
            passwords.scramFailed(login, client);
        }
    }
}
