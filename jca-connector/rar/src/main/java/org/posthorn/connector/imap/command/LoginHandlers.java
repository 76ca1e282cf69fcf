package org.posthorn.connector.imap.command;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Logger;
import org.posthorn.connector.auth.LoginThrottle;
import org.posthorn.connector.auth.SaslPlain;
import org.posthorn.connector.auth.ScramServer;
import org.posthorn.connector.auth.ScramServers;
import org.posthorn.connector.endpoint.PostOffice;
import org.posthorn.connector.imap.decode.ImapCommand;
import org.posthorn.connector.imap.decode.ParseError;
import org.posthorn.connector.imap.decode.SaslResponse;
import org.posthorn.connector.imap.encode.ImapResponse;
import org.posthorn.spi.MailError;
import org.posthorn.spi.auth.AuthenticationListener;
import org.posthorn.spi.auth.AuthenticationResult;
import org.posthorn.spi.auth.Credentials;

/**
 * LOGIN (RFC 3501 §6.2.3), AUTHENTICATE PLAIN (RFC 3501 §6.2.2, RFC 4616, with SASL-IR's initial
 * response, RFC 4959) and STARTTLS (RFC 3501 §6.2.1); AUTHENTICATE SCRAM-SHA-256 is
 * {@link ScramAuthenticate}'s, with the same answers to success and failure, which live here.
 *
 * <p>A wrong login or password is answered {@code NO [AUTHENTICATIONFAILED]} (RFC 5530) only after the
 * configured delay, doubled with each recent failure from the client's address, held on the event
 * loop's timer. An address or login the adapter's {@link LoginThrottle} has throttled is refused
 * without asking the password store, after the same delay and in the same words.
 */
final class LoginHandlers {

    private static final Logger LOG = Logger.getLogger(LoginHandlers.class.getName());
    private static final ImapResponse.Status NO = ImapResponse.Status.NO;

    private final PostOffice postOffice;
    private final LoginThrottle throttle;
    private final Duration failureDelay;
    private final Capabilities capabilities;
    private final ScramAuthenticate scram;

    LoginHandlers(PostOffice postOffice, LoginThrottle throttle, Duration failureDelay, Capabilities capabilities,
                  ScramServers scramServers) {
        this.postOffice = postOffice;
        this.throttle = throttle;
        this.failureDelay = failureDelay;
        this.capabilities = capabilities;
        this.scram = new ScramAuthenticate(postOffice, throttle, scramServers, this);
    }

    Outcome login(ImapCommand.Login command, ImapSession session) {
        return authenticate(command.tag(), session, command.user(), command.password());
    }

    Outcome authenticate(ImapCommand.Authenticate command, ImapSession session) {
        String tag = command.tag();
        if (command.mechanism().equals(ScramServer.MECHANISM)) {
            return scram.start(tag, command.initialResponse(), session);
        }
        if (!command.mechanism().equals("PLAIN")) {
            return Outcome.done(Responses.no(tag, "Unsupported authentication mechanism"));
        }
        if (command.initialResponse().isPresent()) {
            return plain(tag, session, command.initialResponse().get());
        }
        // RFC 4616 §2: the server's first challenge to PLAIN is empty.
        return challenge(tag, "", session, base64 -> plain(tag, session, base64));
    }

    /** Sends a challenge ({@code base64}, RFC 3501 §6.2.2); the client's answer goes to {@code step}. */
    static Outcome challenge(String tag, String base64, ImapSession session, Function<String, Outcome> step) {
        session.awaitSasl(tag, step);
        return new Outcome.Done(List.of(new ImapResponse.Continuation(base64)), Outcome.After.SASL_RESPONSE);
    }

    /** The client's answer to the challenge of an AUTHENTICATE in progress. */
    Outcome saslResponse(SaslResponse response, ImapSession session) {
        String tag = session.saslTag().orElseThrow();
        Function<String, Outcome> step = session.saslStep();
        session.saslDone();
        if (response.cancelled()) {
            return new Outcome.Done(List.of(Responses.bad(tag, "Authentication cancelled")), Outcome.After.BAD_COMMAND);
        }
        return step.apply(response.base64());
    }

    /**
     * A response line that is not base64, or too long, ends the AUTHENTICATE under way with a tagged
     * BAD (RFC 3501 §6.2.2), so the client is not left waiting for its completion.
     */
    Outcome saslRefused(ParseError error, ImapSession session) {
        String tag = session.saslTag().orElseThrow();
        session.saslDone();
        return new Outcome.Done(List.of(Responses.bad(tag, error.message())), Outcome.After.BAD_COMMAND);
    }

    private Outcome plain(String tag, ImapSession session, String base64) {
        Optional<SaslPlain> plain;
        try {
            plain = SaslPlain.parse(Base64.getDecoder().decode(base64));
        } catch (IllegalArgumentException notBase64) {
            plain = Optional.empty();
        }
        if (plain.isEmpty()) {
            return new Outcome.Done(List.of(Responses.bad(tag, "Invalid SASL PLAIN response")), Outcome.After.BAD_COMMAND);
        }
        if (plain.get().actsForAnother()) {
            // No proxy logins: read like a wrong password, counted like one.
            return rejected(tag, session, plain.get().login());
        }
        return authenticate(tag, session, plain.get().login(), plain.get().password());
    }

    private Outcome authenticate(String tag, ImapSession session, String login, String password) {
        if (throttle.refuses(address(session), login)) {
            LOG.fine(() -> "imap: throttled login from " + session.client().remoteAddress());
            throttle.refused(address(session), login);
            return answerFailure(tag, session);
        }
        Credentials credentials = new Credentials(login, password, session.client());
        return new Outcome.Await<>(postOffice.call(AuthenticationListener.class, store -> store.authenticate(credentials)),
                result -> authenticated(tag, session, login, result),
                () -> Outcome.done(Responses.temporaryFailure(tag)));
    }

    Outcome authenticated(String tag, ImapSession session, String login, AuthenticationResult result) {
        Optional<MailError> error = result.error();
        if (error.isPresent()) {
            if (error.get() == MailError.TEMPORARY_FAILURE) {
                return Outcome.done(Responses.temporaryFailure(tag));
            }
            LOG.info(() -> "imap: failed login from " + session.client().remoteAddress() + " (" + error.get() + ")");
            return rejected(tag, session, login);
        }
        throttle.succeeded(address(session), login);
        session.authenticated(result.account().orElseThrow());
        return new Outcome.Done(List.of(Responses.ok(tag, "CAPABILITY " + capabilities.of(session), "Logged in")),
                Outcome.After.AUTHENTICATED);
    }

    Outcome rejected(String tag, ImapSession session, String login) {
        throttle.failed(address(session), login);
        return answerFailure(tag, session);
    }

    Outcome answerFailure(String tag, ImapSession session) {
        return new Outcome.Delay(throttle.failureDelay(address(session), failureDelay),
                new Outcome.Done(List.of(new ImapResponse.Tagged(tag, NO, Optional.of("AUTHENTICATIONFAILED"),
                        "Authentication failed.")), Outcome.After.BAD_COMMAND));
    }

    /** STARTTLS: OK in clear text, then the handler starts TLS and the session starts over. */
    Outcome startTls(ImapCommand.StartTls command, ImapSession session) {
        if (!capabilities.startTlsOffered(session)) {
            return new Outcome.Done(List.of(Responses.bad(command.tag(),
                    session.client().secure() ? "TLS is already active" : "STARTTLS is not available")),
                    Outcome.After.BAD_COMMAND);
        }
        return new Outcome.Done(List.of(Responses.ok(command.tag(), "Begin TLS negotiation now")), Outcome.After.START_TLS);
    }

    private static InetAddress address(ImapSession session) {
        return session.client().remoteAddress().getAddress();
    }

    static String upper(String text) {
        return text.toUpperCase(Locale.ROOT);
    }
}
