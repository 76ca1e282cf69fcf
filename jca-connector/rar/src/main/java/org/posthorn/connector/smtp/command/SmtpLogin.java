package org.posthorn.connector.smtp.command;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.posthorn.connector.auth.LoginThrottle;
import org.posthorn.connector.auth.ScramFailureReport;
import org.posthorn.connector.auth.ScramServer;
import org.posthorn.connector.auth.ScramServers;
import org.posthorn.connector.endpoint.PostOffice;
import org.posthorn.connector.smtp.encode.ReplyFormatter;
import org.posthorn.connector.smtp.encode.SmtpReply;
import org.posthorn.spi.MailError;
import org.posthorn.spi.auth.AuthenticationListener;
import org.posthorn.spi.auth.AuthenticationResult;
import org.posthorn.spi.auth.Credentials;
import org.posthorn.spi.auth.ScramCredentials;

/**
 * What every SASL mechanism of SMTP AUTH does once it has a login and a password (RFC 4954 §4):
 * check them with the post office and, on success, make the session authenticated ({@code 235 2.7.0}).
 *
 * <p>Brute force is handled as for POP3, with the adapter's one {@link LoginThrottle}: a wrong login
 * or password, and a login the throttle refuses without asking the password store, are all answered
 * {@code 535 5.7.8} after the throttle's growing delay, held on the event loop's timer, and count as
 * bad commands, so a connection that keeps guessing is closed at the error limit. A password store
 * that is down is {@code 454 4.7.0} (try again later).
 *
 * <p>SCRAM-SHA-256 never hands over a password: it asks for the account's keys
 * ({@link #scramCredentials}) and reports a wrong proof ({@link #scramFailed}); throttle, delays and
 * replies are the same as for a password.
 */
public final class SmtpLogin {

    private static final Logger LOG = Logger.getLogger(SmtpLogin.class.getName());

    static final SmtpReply SUCCEEDED = SmtpReply.of(235, "2.7.0", "Authentication successful");
    static final SmtpReply FAILED = SmtpReply.of(535, "5.7.8", "Authentication credentials invalid");
    static final SmtpReply TEMPORARY_FAILURE = SmtpReply.of(454, "4.7.0", "Temporary authentication failure");

    private final PostOffice postOffice;
    private final LoginThrottle throttle;
    private final Duration failureDelay;
    private final ScramServers scram;

    /**
     * @param throttle     shared by every listener of the adapter that takes passwords
     * @param failureDelay the delay of the first failure from an address, which the throttle grows
     * @param scram        the adapter's SCRAM exchanges
     */
    public SmtpLogin(PostOffice postOffice, LoginThrottle throttle, Duration failureDelay, ScramServers scram) {
        this.postOffice = Objects.requireNonNull(postOffice, "postOffice");
        this.throttle = Objects.requireNonNull(throttle, "throttle");
        this.failureDelay = Objects.requireNonNull(failureDelay, "failureDelay");
        this.scram = Objects.requireNonNull(scram, "scram");
    }

    Outcome authenticate(SmtpSession session, String login, String password) {
        if (throttle.refuses(address(session), login)) {
            LOG.fine(() -> "smtp session " + session.sessionId() + ": throttled login for " + printable(login));
            throttle.refused(address(session), login);
            return answerFailure(session);
        }
        Credentials credentials = new Credentials(login, password, session.client());
        return new Outcome.Pending<AuthenticationResult>(
                postOffice.call(AuthenticationListener.class, listener -> listener.authenticate(credentials)),
                (result, failure) -> {
                    if (failure != null) {
                        LOG.log(Level.WARNING, failure, () -> "smtp session " + session.sessionId()
                                + ": authentication call failed; answering 454");
                        return Outcome.reply(TEMPORARY_FAILURE);
                    }
                    return authenticated(session, login, result);
                });
    }

    ScramServer newScramExchange() {
        return scram.newExchange();
    }

    /**
     * The SCRAM keys of {@code login} for {@code then}; a throttled address or login is refused as a
     * wrong password is, without asking the store.
     */
    Outcome scramCredentials(SmtpSession session, String login, Function<Optional<ScramCredentials>, Outcome> then) {
        if (throttle.refuses(address(session), login)) {
            LOG.fine(() -> "smtp session " + session.sessionId() + ": throttled SCRAM login for " + printable(login));
            throttle.refused(address(session), login);
            return answerFailure(session);
        }
        return new Outcome.Pending<Optional<ScramCredentials>>(
                postOffice.call(AuthenticationListener.class, listener -> listener.scramCredentials(login)),
                (found, failure) -> {
                    if (failure != null) {
                        LOG.log(Level.WARNING, failure, () -> "smtp session " + session.sessionId()
                                + ": SCRAM credentials call failed; answering 454");
                        return Outcome.reply(TEMPORARY_FAILURE);
                    }
                    return then.apply(found);
                });
    }

    /** A SCRAM proof that did not match: reported to the post office (its log), counted and delayed. */
    Outcome scramFailed(SmtpSession session, String login) {
        LOG.info(() -> "smtp session " + session.sessionId() + ": failed SCRAM login for " + printable(login) + " from "
                + session.client().remoteAddress());
        ScramFailureReport.send(postOffice, login, session.client());
        return rejected(session, login);
    }

    /** A SCRAM exchange that ended well: the same as a right password. */
    Outcome scramAuthenticated(SmtpSession session, String login, String account) {
        return authenticated(session, login, AuthenticationResult.success(account));
    }

    /** A failed login as {@code login} (wrong password, unknown name, another's identity): counted and delayed. */
    Outcome rejected(SmtpSession session, String login) {
        throttle.failed(address(session), login);
        return answerFailure(session);
    }

    private Outcome authenticated(SmtpSession session, String login, AuthenticationResult result) {
        Optional<MailError> error = result.error();
        if (error.isPresent()) {
            if (error.get() == MailError.TEMPORARY_FAILURE) {
                LOG.warning(() -> "smtp session " + session.sessionId() + ": password store unavailable for "
                        + printable(login));
                return Outcome.reply(TEMPORARY_FAILURE);
            }
            LOG.info(() -> "smtp session " + session.sessionId() + ": failed login for " + printable(login) + " from "
                    + session.client().remoteAddress());
            return rejected(session, login);
        }
        throttle.succeeded(address(session), login);
        session.authenticate(result.account().orElseThrow());
        return Outcome.reply(SUCCEEDED);
    }

    private Outcome answerFailure(SmtpSession session) {
        Outcome answer = SmtpDispatcher.badCommand(session, FAILED);
        if (!(answer instanceof Outcome.Done done)) {
            throw new IllegalStateException("a bad command's answer is a reply");
        }
        return new Outcome.Delay(throttle.failureDelay(address(session), failureDelay), done);
    }

    private static InetAddress address(SmtpSession session) {
        return session.client().remoteAddress().getAddress();
    }

    private static String printable(String login) {
        String cut = login.length() > 64 ? login.substring(0, 64) : login;
        return '"' + ReplyFormatter.clean(cut) + '"';
    }
}
