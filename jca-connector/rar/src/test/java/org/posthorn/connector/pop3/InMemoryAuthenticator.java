package org.posthorn.connector.pop3;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.posthorn.spi.MailError;
import org.posthorn.spi.auth.AuthenticationListener;
import org.posthorn.spi.auth.AuthenticationResult;
import org.posthorn.spi.auth.Credentials;

/**
 * An in-memory {@link AuthenticationListener}: logins compared case-insensitively, the account is
 * the lower-cased login. Logins registered as unavailable answer {@code TEMPORARY_FAILURE}.
 */
public final class InMemoryAuthenticator implements AuthenticationListener {

    private final Map<String, String> passwords = new ConcurrentHashMap<>();
    private final Map<String, Boolean> unavailable = new ConcurrentHashMap<>();
    private final List<Credentials> attempts = new CopyOnWriteArrayList<>();

    public InMemoryAuthenticator user(String login, String password) {
        passwords.put(login.toLowerCase(Locale.ROOT), password);
        return this;
    }

    /** Makes logins as {@code login} fail as if the password store were down. */
    public InMemoryAuthenticator unavailable(String login) {
        unavailable.put(login.toLowerCase(Locale.ROOT), true);
        return this;
    }

    public List<Credentials> attempts() {
        return List.copyOf(attempts);
    }

    @Override
    public AuthenticationResult authenticate(Credentials credentials) {
        attempts.add(credentials);
        String login = credentials.login().toLowerCase(Locale.ROOT);
        if (unavailable.containsKey(login)) {
            return AuthenticationResult.failure(MailError.TEMPORARY_FAILURE);
        }
        String password = passwords.get(login);
        return password != null && password.equals(credentials.password())
                ? AuthenticationResult.success(login)
                : AuthenticationResult.failure(MailError.AUTHENTICATION_FAILED);
    }
}
