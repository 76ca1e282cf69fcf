package org.posthorn.connector.pop3.command;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Logger;
import org.posthorn.connector.endpoint.PostOffice;
import org.posthorn.connector.pop3.encode.ResponseText;
import org.posthorn.spi.MailError;
import org.posthorn.spi.auth.AuthenticationListener;
import org.posthorn.spi.auth.AuthenticationResult;
import org.posthorn.spi.auth.Credentials;
import org.posthorn.spi.pop3.MaildropListener;

/**
 * What USER/PASS and AUTH share once the client has presented a login and a password: check them
 * with the post office, lock the maildrop, take its listing and enter TRANSACTION (RFC 1939 §4).
 *
 * <p>A wrong login or password is answered {@code -ERR [AUTH]} (RFC 3206 §5) only after the
 * configured delay, held on the event loop's timer, never on a thread. Every kind of refusal reads
 * the same. A session that finds the maildrop locked gets {@code -ERR [IN-USE]} (RFC 2449 §8.1.2)
 * and stays in AUTHORIZATION.
 */
final class Login {

    private static final Logger LOG = Logger.getLogger(Login.class.getName());

    private final PostOffice postOffice;
    private final MaildropLocks locks;
    private final Duration failureDelay;

    Login(PostOffice postOffice, MaildropLocks locks, Duration failureDelay) {
        this.postOffice = Objects.requireNonNull(postOffice);
        this.locks = Objects.requireNonNull(locks);
        this.failureDelay = Objects.requireNonNull(failureDelay);
    }

    Outcome authenticate(Pop3Session session, String login, String password) {
        Credentials credentials = new Credentials(login, password, session.client());
        return Outcome.await(postOffice.call(AuthenticationListener.class, listener -> listener.authenticate(credentials)),
                result -> authenticated(session, login, result));
    }

    /** The answer to a failed login, after the delay; counted as a bad command. */
    Outcome rejected() {
        return new Outcome.Delay(failureDelay, new Outcome.Reply(Replies.AUTHENTICATION_FAILED, Outcome.After.BAD_COMMAND));
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
            return rejected();
        }
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
