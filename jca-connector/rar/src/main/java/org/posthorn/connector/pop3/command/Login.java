package org.posthorn.connector.pop3.command;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Logger;
import org.posthorn.connector.auth.LoginThrottle;
import org.posthorn.connector.auth.ScramFailureReport;
import org.posthorn.connector.endpoint.PostOffice;
import org.posthorn.connector.pop3.encode.ResponseText;
import org.posthorn.spi.MailError;
import org.posthorn.spi.auth.AuthenticationListener;
import org.posthorn.spi.auth.AuthenticationResult;
import org.posthorn.spi.auth.Credentials;
import org.posthorn.spi.auth.ScramCredentials;
import org.posthorn.spi.pop3.MaildropListener;

/**
 * What USER/PASS and AUTH share once the client has presented a login and a password: check them
 * with the post office, lock the maildrop, take its listing and enter TRANSACTION (RFC 1939 §4).
 *
 * <p>A wrong login or password is answered {@code -ERR [AUTH]} (RFC 3206 §5) only after the
 * configured delay, doubled with each recent failure from the client's address (up to a cap), held on
 * the event loop's timer, never on a thread. An address or login name the adapter's
 * {@link LoginThrottle} has throttled after too many failures is refused without asking the
 * password store, answered the same way, after the same growing delay. Every kind of refusal reads
 * the same. A session that finds the maildrop locked gets {@code -ERR [IN-USE]} (RFC 2449 §8.1.2)
 * and stays in AUTHORIZATION.
 *
 * <p>SCRAM-SHA-256 (RFC 7677) does not hand over a password: {@link AuthCommand} runs the exchange and
 * comes here for the account's keys, with a wrong proof, and with a proven account; the throttle,
 * delays and answers are those of a password login.
 */
final class Login {

    private static final Logger LOG = Logger.getLogger(Login.class.getName());

    private final PostOffice postOffice;
    private final MaildropLocks locks;
    private final LoginThrottle throttle;
    private final Duration failureDelay;

    Login(PostOffice postOffice, MaildropLocks locks, LoginThrottle throttle, Duration failureDelay) {
        this.postOffice = Objects.requireNonNull(postOffice);
        this.locks = Objects.requireNonNull(locks);
        this.throttle = Objects.requireNonNull(throttle);
        this.failureDelay = Objects.requireNonNull(failureDelay);
    }

    Outcome authenticate(Pop3Session session, String login, String password) {
        if (throttle.refuses(address(session), login)) {
            LOG.fine(() -> "pop3: throttled login for " + ResponseText.echo(login, 64) + " from "
                    + session.client().remoteAddress());
            throttle.refused(address(session), login);
            return answerFailure(session);
        }
        Credentials credentials = new Credentials(login, password, session.client());
        return Outcome.await(postOffice.call(AuthenticationListener.class, listener -> listener.authenticate(credentials)),
                result -> authenticated(session, login, result));
    }

    /** The SCRAM keys of {@code login} for {@code then}; a throttled address or login is refused unasked. */
    Outcome scramCredentials(Pop3Session session, String login, Function<Optional<ScramCredentials>, Outcome> then) {
        if (throttle.refuses(address(session), login)) {
            LOG.fine(() -> "pop3: throttled SCRAM login for " + ResponseText.echo(login, 64) + " from "
                    + session.client().remoteAddress());
            throttle.refused(address(session), login);
            return answerFailure(session);
        }
        return Outcome.await(postOffice.call(AuthenticationListener.class, listener -> listener.scramCredentials(login)),
                then);
    }

    /** A SCRAM proof that did not match: reported to the post office (its log), then as a wrong password. */
    Outcome scramFailed(Pop3Session session, String login) {
        LOG.info(() -> "pop3: failed SCRAM login for " + ResponseText.echo(login, 64) + " from "
                + session.client().remoteAddress());
        ScramFailureReport.send(postOffice, login, session.client());
        return rejected(session, login);
    }

    /** A SCRAM exchange that ended well: the same as a right password (maildrop lock, listing). */
    Outcome scramAuthenticated(Pop3Session session, String login, String account) {
        return authenticated(session, login, AuthenticationResult.success(account));
    }

    /**
     * A failed login as {@code login} (wrong password, unknown name, proxy identity): counted by the
     * throttle, answered after the growing delay, and counted as a bad command.
     */
    Outcome rejected(Pop3Session session, String login) {
        throttle.failed(address(session), login);
        return answerFailure(session);
    }

    private Outcome answerFailure(Pop3Session session) {
        return new Outcome.Delay(throttle.failureDelay(address(session), failureDelay),
                new Outcome.Reply(Replies.AUTHENTICATION_FAILED, Outcome.After.BAD_COMMAND));
    }

    private static InetAddress address(Pop3Session session) {
        return session.client().remoteAddress().getAddress();
    }

    private Outcome authenticated(Pop3Session session, String login, AuthenticationResult result) {
        Optional<MailError> error = result.error();
        if (error.isPresent()) {
            if (error.get() == MailError.TEMPORARY_FAILURE) {
                LOG.warning(() -> "pop3: password store unavailable for " + ResponseText.echo(login, 64)
                        + " from " + session.client().remoteAddress());
                return Outcome.reply(Replies.TEMPORARY_FAILURE);
            }
            LOG.info(() -> "pop3: failed login for " + ResponseText.echo(login, 64) + " from "
                    + session.client().remoteAddress() + " (" + error.get() + ")");
            return rejected(session, login);
        }
        throttle.succeeded(address(session), login);
        String account = result.account().orElseThrow();
        Optional<MaildropLocks.Lock> lock = locks.tryLock(account);
        if (lock.isEmpty()) {
            return Outcome.reply(Replies.IN_USE);
        }
        session.holdLock(lock.get());
        return new Outcome.Await<>(postOffice.call(MaildropListener.class, listener -> listener.list(account)),
                entries -> {
                    session.enterTransaction(new Maildrop(entries));
                    return Outcome.ok(Replies.summary(session.maildrop()));
                },
                () -> {
                    session.releaseLock();
                    return Outcome.reply(Replies.TEMPORARY_FAILURE);
                });
    }
}
