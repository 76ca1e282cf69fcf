package org.posthorn.spi.auth;

import java.util.Optional;
import org.posthorn.spi.ClientConnection;

/**
 * The one password store, as every protocol (SMTP AUTH, POP3, IMAP) and the web see it.
 * Implemented by an MDB in {@code ejb}.
 *
 * <p>Throttling and delays after failures are the wire's job (it can delay a reply without holding
 * a thread); these calls only look at the store. An exception means an internal failure.
 *
 * <p>Password mechanisms (PLAIN, LOGIN, USER/PASS) make one call, {@link #authenticate}. SCRAM
 * (RFC 5802) never shows the password to the server, so the wire runs the exchange itself: it calls
 * {@link #scramCredentials} once the client has named its login, checks the client's proof against
 * them, and calls {@link #scramFailed} when the proof is wrong, so that the failure is logged and
 * counted where wrong passwords are.
 */
public interface AuthenticationListener {

    /** Checks a login and password; on success names the account in its canonical form. */
    AuthenticationResult authenticate(Credentials credentials);

    /**
     * The SCRAM-SHA-256 keys of the account {@code login} names, if it exists, may log in and has keys
     * (an account gets them when its password is set, or at its next password login). Unknown logins,
     * disabled accounts and accounts without keys all answer empty; the wire then goes on with a decoy
     * so the client cannot tell which.
     *
     * @param login the user name as the client sent it (RFC 5802 {@code n=}, unescaped)
     */
    Optional<ScramCredentials> scramCredentials(String login);

    /** A SCRAM login as {@code login} from {@code client} failed at the proof: log it as a wrong password. */
    void scramFailed(String login, ClientConnection client);
}
