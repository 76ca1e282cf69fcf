package org.posthorn.spi.auth;

/**
 * The one password store, as every protocol (SMTP AUTH, POP3, IMAP) and the web see it.
 * Implemented by an MDB in {@code ejb}.
 *
 * <p>Throttling and delays after failures are the wire's job (it can delay a reply without holding
 * a thread); this call only checks the credentials. An exception means an internal failure.
 */
public interface AuthenticationListener {

    /** Checks a login and password; on success names the account in its canonical form. */
    AuthenticationResult authenticate(Credentials credentials);
}
